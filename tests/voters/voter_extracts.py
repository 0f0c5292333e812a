"""Small hand-made extracts and plans for the voter-list transform (spec/formats.md §4–6)."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from baucu.voters.pipeline.read import COLUMNS

E = dt.date(2026, 3, 15)

# Commune 06040: Thôn A and Thôn B make area 06040-KV01, Thôn C area 06040-KV02.
# Commune 06001: Khối 1 → 06001-KV01. Facilities: a military unit and a hospital.
PLAN_ROWS = [
    ("06040", "Thôn A", "", "06040-KV01"),
    ("06040", "Thôn B", "", "06040-KV01"),
    ("06040", "Thôn C", "", "06040-KV02"),
    ("06001", "Khối 1", "", "06001-KV01"),
    ("06040", "", "QS01", "06040-KV03"),
    ("06040", "", "BV01", "06040-KV04"),
]


def make_id(year: int, female: bool, serial: int, province: str = "020") -> str:
    """A personal_id consistent with birth year and sex (spec/formats.md §4)."""
    return f"{province}{(year // 100 - 19) * 2 + int(female)}{year % 100:02d}{serial:06d}"


_serial = iter(range(1, 10**6))


def person(
    birth: str = "1980-05-01", gender: str = "M", name: str = "Nguyễn Văn An", **fields: str
) -> dict[str, str]:
    year = int(birth[:4])
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        personal_id=make_id(year, gender == "F", next(_serial)),
        full_name=name,
        birth_date=birth,
        gender=gender,
        ethnicity="Tày",
        permanent_commune_code="06040",
        permanent_residence_group="Thôn A",
    )
    row.update(fields)
    return row


def write_csv(path: Path, rows: list[dict[str, str]], encoding: str = "utf-8") -> Path:
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    return path


def write_plan(path: Path, rows: list[tuple[str, str, str, str]] = PLAN_ROWS) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["commune_code", "residence_group", "facility_code", "voting_area_id"])
        writer.writerows(rows)
    return path


class Result:
    def __init__(self, out: Path, code: int, stdout: str) -> None:
        self.out, self.code, self.stdout = out, code, stdout

    def csv(self, name: str) -> list[dict[str, str]]:
        with (self.out / name).open(encoding="utf-8", newline="") as f:
            return list(csv.DictReader(f))

    def header(self, name: str) -> list[str]:
        with (self.out / name).open(encoding="utf-8", newline="") as f:
            return next(csv.reader(f))

    @property
    def voters(self) -> list[dict[str, str]]:
        return self.csv("voters.csv")

    def voter(self, personal_id: str) -> dict[str, str]:
        (found,) = [v for v in self.voters if v["personal_id"] == personal_id]
        return found

    @property
    def rejected(self) -> list[dict[str, str]]:
        return self.csv("rejected.csv")

    @property
    def excluded(self) -> dict[str, str]:
        return {r["personal_id"]: r["code"] for r in self.csv("excluded.csv")}

    @property
    def summary(self) -> dict[str, Any]:
        return json.loads((self.out / "summary.json").read_text(encoding="utf-8"))


Run = Callable[..., Result]
