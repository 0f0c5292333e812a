"""The reference election: 15 March 2026, 16th National Assembly and People's Councils 2026–2031."""

from __future__ import annotations

import datetime as dt

from baucu.accounts.actor import Actor
from baucu.elections.models import Election
from baucu.elections.services import do_create_election

ELECTION_DAY_2026 = dt.date(2026, 3, 15)  # NA Res. 199/2025/QH15
NAME_2026 = "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031"


def national_2026_election(
    *, actor: Actor, mode: str = Election.Mode.TEST, is_synthetic: bool = False
) -> Election:
    """The 2026 general election, created once."""
    found = Election.objects.filter(day=ELECTION_DAY_2026, kind=Election.Kind.GENERAL, name=NAME_2026).first()
    if found is not None:
        return found
    return do_create_election(
        name=NAME_2026,
        day=ELECTION_DAY_2026,
        kind=Election.Kind.GENERAL,
        term_label="2026–2031",
        na_legislature=16,
        mode=mode,
        is_synthetic=is_synthetic,
        actor=actor,
    )
