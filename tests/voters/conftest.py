"""The ``run`` fixture: write an extract and the plan, run ``voters transform``, read the outputs."""

from __future__ import annotations

from pathlib import Path

import pytest
from voter_extracts import E, Result, Run, write_csv, write_plan

from baucu.voters.pipeline.cli import main as transform_main


@pytest.fixture
def run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    counter = iter(range(1000))

    def _run(rows: list[dict[str, str]] | None = None, *, population: Path | None = None) -> Result:
        i = next(counter)
        if population is None:
            population = write_csv(tmp_path / f"population{i}.csv", rows or [])
        plan = write_plan(tmp_path / "areas.csv")
        out = tmp_path / f"out{i}"
        argv = ["voters", "transform", "--election-day", E.isoformat(), "--population", str(population)]
        code = transform_main([*argv, "--areas", str(plan), "--out", str(out), "--quiet"])
        return Result(out, code, capsys.readouterr().out)

    return _run
