"""The voting-area plan (spec/formats.md §5), checked and keyed for matching residence groups.

A plan is small (one row per residence group or facility), so it is read with the csv module; the
residence-group names are matched on ``baucu.law.collation.match_key`` (case, NFC, apostrophes,
spacing and old/new tone placement do not matter: Hoà = Hòa). A group's position in the plan is its
order on the list (houses in street or hamlet order, Form 31 note).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from baucu.law.collation import match_key, normalize
from baucu.law.outcome import InvalidInput, Problem
from baucu.voters.pipeline.encoding import ensure_utf8
from baucu.voters.pipeline.problems import invalid

COLUMNS = ("commune_code", "residence_group", "facility_code", "voting_area_id")
_RULE = "spec/formats.md §5"
_COMMUNE_CODE = re.compile(r"[0-9]{5}")
_MAX_PROBLEMS = 100


@functools.lru_cache(maxsize=1 << 20)
def residence_group_key(name: str) -> str:
    """``match_key`` of a residence-group name, remembered: the plan and the extract spell most of
    their groups alike, and a province has tens of thousands of them."""
    return match_key(name)


@dataclass(frozen=True)
class Plan:
    groups: pa.Table  # commune_code, group_key, voting_area_id, group_order
    facilities: pa.Table  # facility_code, voting_area_id
    communes: frozenset[str]


def read_plan(path: Path, workdir: Path) -> Plan:
    if not path.is_file():
        raise invalid(str(path), _RULE, "file_not_found", f"{path}: no such file")
    source = ensure_utf8(path, workdir)
    with source.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader, [])]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise InvalidInput(
                [
                    Problem(
                        f"{path}: header, column {c}",
                        _RULE,
                        "missing_column",
                        f"{path}: column '{c}' is missing",
                    )
                    for c in missing
                ]
            )
        at = [header.index(c) for c in COLUMNS]
        rows = [
            [normalize(r[i]) if i < len(r) else "" for i in at] for r in reader if any(v.strip() for v in r)
        ]
    return _checked(path, rows)


def _checked(path: Path, rows: list[list[str]]) -> Plan:
    problems: list[Problem] = []

    def problem(row: int, field: str, code: str, message: str) -> None:
        problems.append(Problem(f"{path}: row {row}, {field}", _RULE, code, f"{path}, row {row}: {message}"))

    group_commune, group_key, group_area, group_order = [], [], [], []
    fac_code, fac_area = [], []
    seen_groups: dict[tuple[str, str], int] = {}
    seen_facilities: dict[str, int] = {}
    area_commune: dict[str, str] = {}
    for n, (commune, group, facility, area) in enumerate(rows, start=1):
        if not _COMMUNE_CODE.fullmatch(commune):
            problem(n, "commune_code", "bad_commune_code", f"commune_code {commune!r} is not 5 digits")
        if not area:
            problem(n, "voting_area_id", "missing_voting_area_id", "voting_area_id is empty")
        elif area_commune.setdefault(area, commune) != commune:
            problem(n, "voting_area_id", "area_in_two_communes", f"voting area {area} is in two communes")
        if bool(group) == bool(facility):
            problem(
                n, "residence_group", "group_xor_facility", "exactly one of residence_group, facility_code"
            )
        elif group:
            key = (commune, residence_group_key(group))
            if key in seen_groups:
                problem(
                    n,
                    "residence_group",
                    "duplicate_residence_group",
                    f"{group!r} also on row {seen_groups[key]}",
                )
            seen_groups[key] = n
            group_commune.append(commune)
            group_key.append(key[1])
            group_area.append(area)
            group_order.append(n)
        else:
            if facility in seen_facilities:
                problem(
                    n,
                    "facility_code",
                    "duplicate_facility",
                    f"{facility!r} also on row {seen_facilities[facility]}",
                )
            seen_facilities[facility] = n
            fac_code.append(facility)
            fac_area.append(area)
        if len(problems) >= _MAX_PROBLEMS:
            break
    if not rows:
        problem(1, "header", "empty_plan", "the plan has no voting areas")
    if problems:
        raise InvalidInput(problems)
    return Plan(
        groups=pa.table(
            {
                "commune_code": pa.array(group_commune, pa.string()),
                "group_key": pa.array(group_key, pa.string()),
                "voting_area_id": pa.array(group_area, pa.string()),
                "group_order": pa.array(group_order, pa.int64()),
            }
        ),
        facilities=pa.table(
            {
                "facility_code": pa.array(fac_code, pa.string()),
                "voting_area_id": pa.array(fac_area, pa.string()),
            }
        ),
        communes=frozenset(area_commune.values()),
    )
