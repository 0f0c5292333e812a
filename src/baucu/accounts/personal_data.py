"""Personal data on screen: identity numbers are masked unless the actor may see them.

A citizen identity number (số định danh cá nhân, 12 digits) encodes the province of birth
registration, sex, century and year of birth in its first six digits: those are personal data on
their own, so masking keeps only the last three digits, enough to tell two people apart on a list.
"""

from __future__ import annotations

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission

VISIBLE_TAIL = 3
MASK = "•"


def mask_identity_number(value: object) -> str:
    text = "" if value is None else "".join(str(value).split())
    if not text:
        return ""
    hidden = max(len(text) - VISIBLE_TAIL, 0) if len(text) > VISIBLE_TAIL * 2 else len(text)
    return MASK * hidden + text[hidden:]


def can_see_personal_data(actor: Actor | None, jurisdiction: Jurisdiction) -> bool:
    """Whether ``actor`` may see unmasked personal data of ``jurisdiction``.

    Showing it is a read of personal data: the page calls ``record_personal_data_access`` too.
    """
    return actor is not None and actor.can(Permission.READ_PERSONAL_DATA, jurisdiction)
