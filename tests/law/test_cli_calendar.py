"""``python -m baucu.law calendar`` (spec/formats.md §1), run as a separate process."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

from baucu.law.calendar import calendar_document


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "baucu.law", "calendar", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
    )


def test_calendar_command_prints_the_2026_calendar__formats_1() -> None:
    done = _run("--election-day", "2026-03-15", "--json")
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)
    assert document == calendar_document(dt.date(2026, 3, 15))
    dates = {step["id"]: step["deadline"] for step in document["steps"]}
    assert dates["election_committees_formed"] == "2025-11-30"
    assert dates["candidacy_dossier_deadline"] == "2026-02-01"
    assert dates["results_announced"] == "2026-03-25"


def test_calendar_command_by_election__formats_1() -> None:
    done = _run("--election-day", "2028-06-04", "--kind", "by-election", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["kind"] == "by-election"


def test_calendar_command_rejects_a_weekday_with_exit_2__art_5() -> None:
    done = _run("--election-day", "2026-03-16", "--json")
    assert done.returncode == 2
    error = json.loads(done.stdout)
    assert error["error"] == "invalid_input"
    assert [p["code"] for p in error["problems"]] == ["election_day_not_sunday"]
    assert error["problems"][0]["rule"] == "Art. 5"
    assert error["problems"][0]["where"] == "election_day"
