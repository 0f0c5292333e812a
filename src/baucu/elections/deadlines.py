"""Which statutory calendar step times each setup action, and the late-action gate.

The deadlines come from :mod:`baucu.law.calendar` and which step times each action from
:mod:`baucu.law.setup`; this module applies the election's recorded overrides (Art. 98(3)).
"""

from __future__ import annotations

import datetime as dt

from baucu.elections.models import CalendarOverride, Election
from baucu.law import calendar as law_calendar
from baucu.law import setup as law_setup
from baucu.law.outcome import Outcome


def law_kind(election: Election) -> str:
    return law_calendar.BY_ELECTION if election.kind == Election.Kind.BY_ELECTION else law_calendar.GENERAL


def step_for(election: Election, action: str) -> str | None:
    """The calendar step whose deadline ``action`` meets (the law core's table, Art. 10–11, 22–25, 90)."""
    return law_setup.setup_step(law_kind(election), action)


def overrides_of(election: Election) -> dict[str, law_calendar.Override]:
    return {
        o.step_id: law_calendar.Override(deadline=o.new_date, reason=o.reason)
        for o in CalendarOverride.objects.filter(election=election)
    }


def election_steps(
    election: Election, *, include_supplementary: bool = False
) -> tuple[law_calendar.Step, ...]:
    """The election's calendar with its overrides applied."""
    steps = law_calendar.calendar_steps(
        election.day, law_kind(election), include_supplementary=include_supplementary
    )
    return law_calendar.apply_overrides(steps, election.day, overrides_of(election))


def lateness(election: Election, action: str, on: dt.date) -> tuple[str | None, Outcome[bool]]:
    """The step timing ``action`` and whether doing it ``on`` that day needs a justification."""
    step_id = step_for(election, action)
    if step_id is None:
        return None, Outcome(False)
    return step_id, law_calendar.requires_justification(step_id, on, election_steps(election))
