"""The statutory calendar of an election as shown on a dashboard: dates, status, countdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from baucu.elections.deadlines import election_steps
from baucu.elections.models import Election
from baucu.law import calendar as law_calendar


@dataclass(frozen=True)
class CalendarRow:
    step: law_calendar.Step
    status: str
    days_left: int  # negative: days since the deadline

    def title(self, language: str) -> str:
        return self.step.title_en if language == "en" else self.step.title_vi


def calendar_rows(
    election: Election, today: dt.date, done: frozenset[str] = frozenset()
) -> list[CalendarRow]:
    """Every step of the election (law.md §12), its status on ``today`` and days to its deadline."""
    return [
        CalendarRow(step, str(law_calendar.step_status(step, today, done)), (step.deadline - today).days)
        for step in election_steps(election, include_supplementary=True)
    ]
