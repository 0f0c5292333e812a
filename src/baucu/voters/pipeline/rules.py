"""The law's parameters for the set-based transform, taken from ``baucu.law.voters`` (never restated).

``baucu.law.voters.pipeline_parameters`` is the one source; this module only gives the values types
and renders them as SQL literals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from baucu.law.voters import FacilityKind, Status, pipeline_parameters


@dataclass(frozen=True)
class RuleParameters:
    election_day: dt.date
    latest_birth_date: dt.date  # Art. 2: born on or before → 18 on election day
    latest_certain_birth_year: int  # year-only births up to this year are 18
    manual_birth_year: int | None  # year-only births in this year need a manual decision
    manual_birth_date: dt.date | None  # a 29 February birthday the law leaves open
    temporary_12m_since: dt.date  # Art. 29(3): registered on or before → ≥ 12 months
    not_listed_statuses: tuple[str, ...]  # Art. 30(1) exclusions and deceased
    known_statuses: tuple[str, ...]
    facility_kinds: tuple[str, ...]
    contests: tuple[tuple[str, bool, bool, bool], ...]  # basis, na, provincial, commune


def rule_parameters(election_day: dt.date) -> RuleParameters:
    p = pipeline_parameters(election_day)
    return RuleParameters(
        election_day=election_day,
        latest_birth_date=p["latest_eligible_birth_date"],
        latest_certain_birth_year=p["latest_certain_birth_year"],
        manual_birth_year=p["manual_birth_year"],
        manual_birth_date=p["manual_birth_date"],
        temporary_12m_since=p["temporary_12m_since_cutoff"],
        not_listed_statuses=tuple(p["not_listed_statuses"]),
        known_statuses=tuple(s.value for s in Status),
        facility_kinds=tuple(k.value for k in FacilityKind),
        contests=tuple(p["contests_by_basis"]),
    )


def sql_literal(value: object) -> str:
    """A DuckDB literal for the parameter types above (dates, ints, strings, None)."""
    if value is None:
        return "NULL"
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def sql_list(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(sql_literal(v) for v in values) + ")"


def sql_path(path: Path | str) -> str:
    """A file path inside a single-quoted DuckDB string literal."""
    return str(path).replace("'", "''")
