"""Audit trail of election setup: one event per change, codes in the 2000–2999 band."""

from __future__ import annotations

from typing import Any

from django.forms.models import model_to_dict

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.elections.models import Election


def snapshot(obj: Any, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The stored values of a row, many-to-many fields as sorted lists of keys."""
    data = model_to_dict(obj, exclude=list(exclude))
    for key, value in list(data.items()):
        if isinstance(value, list):
            data[key] = sorted(str(getattr(v, "pk", v)) for v in value)
    return data


def record(
    action: AuditAction,
    *,
    actor: Actor,
    election: Election,
    jurisdiction: Jurisdiction,
    obj: Any,
    old: Any = None,
    new: Any = None,
) -> None:
    record_event(
        action,
        actor=actor,
        jurisdiction=jurisdiction,
        election_key=str(election.pk),
        object_type=type(obj).__name__,
        object_id=getattr(obj, "pk", "") or "",
        old_value=old,
        new_value=new,
    )
