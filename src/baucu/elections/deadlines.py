"""Which statutory calendar step times each setup action, and the late-action gate.

The deadlines themselves come from :mod:`baucu.law.calendar`; this module only says which step an
action belongs to and applies the election's recorded overrides (Art. 98(3)).
"""

from __future__ import annotations

import datetime as dt

from baucu.elections.models import CalendarOverride, Election
from baucu.law import calendar as law_calendar
from baucu.law.outcome import Outcome

# Action → step id, per kind of election.
_GENERAL_STEPS: dict[str, str] = {
    "constituency": "constituencies_announced",  # Art. 10(2)(3)
    "voting_area": "voting_areas_decided",  # Art. 11(4)
    "committee": "election_committees_formed",  # Art. 22
    "board": "election_boards_formed",  # Art. 24
    "team": "election_teams_formed",  # Art. 25(1)
}
_BY_ELECTION_STEPS: dict[str, str] = {
    "committee": "by_election_bodies_formed",  # Art. 90(1)(2)
    "board": "by_election_boards_and_teams_formed",  # Art. 90(2)(3)
    "team": "by_election_boards_and_teams_formed",
    "voting_area": "by_election_boards_and_teams_formed",  # areas are decided before the Teams
}


def law_kind(election: Election) -> str:
    return law_calendar.BY_ELECTION if election.kind == Election.Kind.BY_ELECTION else law_calendar.GENERAL


def step_for(election: Election, action: str) -> str | None:
    table = _BY_ELECTION_STEPS if election.kind == Election.Kind.BY_ELECTION else _GENERAL_STEPS
    return table.get(action)


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
