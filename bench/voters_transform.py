"""Benchmark: ``baucu voters transform`` (spec/formats.md §6).

(a) ``--lang-son``: a Lạng Sơn-sized population (850,000) made by ``baucu synth population``, then
    transformed; whole-process wall time and peak memory of each step.
(b) ``--ten-million``: 10,000,000 citizens in one Parquet file (made once under /tmp, not the repo).
    The transform, the bare DuckDB query (eligibility filter, join to the plan, the lists' sort — area,
    residence group in plan order, household with its head first, Vietnamese name, id — numbering,
    Parquet out) and the earlier name-only bare query run alternately on the same file; prints the
    medians, the ratio to the bare query (target ≤ 1.5×) and to the name-only one, and peak memory
    (target ≤ 4 GB), measured with /usr/bin/time -v.

    .venv/bin/python bench/voters_transform.py --lang-son
    .venv/bin/python bench/voters_transform.py --ten-million [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORK = Path("/tmp/baucu-bench-voters")
# The bare query: the eligibility filter (status, birth date), the join to the plan, the sort of a list
# (area, residence group in plan order, household with its head first, Vietnamese name order, id;
# spec/formats.md §6 and the issue) and the numbering per area, Parquet out. No validation, no
# duplicate check, no CSV: what the transform does beyond this is what the ratio measures.
BASELINE = """
import sys, duckdb
population, areas, out = sys.argv[1:4]
con = duckdb.connect()
con.execute(f'''
COPY (
    SELECT a.voting_area_id,
           row_number() OVER (PARTITION BY a.voting_area_id
                              ORDER BY a.group_order, p.household_id NULLS LAST,
                                       p.household_head DESC NULLS LAST, p.full_name COLLATE vi,
                                       p.personal_id) AS seq,
           p.personal_id, p.full_name, p.birth_date, p.gender, p.ethnicity
    FROM read_parquet('{population}') p
    JOIN (SELECT *, row_number() OVER () AS group_order FROM read_csv('{areas}', all_varchar = true)) a
      ON a.commune_code = p.permanent_commune_code AND a.residence_group = p.permanent_residence_group
    WHERE coalesce(p.status, '') = '' AND p.birth_date <= '2008-03-15'
    ORDER BY 1, 2
) TO '{out}' (FORMAT parquet)''')
"""
# The bare query of the earlier figures in docs/performance.md: the list sorted by name only.
NAME_ONLY_BASELINE = """
import sys, duckdb
population, areas, out = sys.argv[1:4]
con = duckdb.connect()
con.execute(f'''
COPY (
    SELECT a.voting_area_id,
           row_number() OVER (PARTITION BY a.voting_area_id ORDER BY p.full_name COLLATE vi) AS seq,
           p.personal_id, p.full_name, p.birth_date, p.gender, p.ethnicity
    FROM read_parquet('{population}') p
    JOIN read_csv('{areas}', all_varchar = true) a
      ON a.commune_code = p.permanent_commune_code AND a.residence_group = p.permanent_residence_group
    WHERE coalesce(p.status, '') = '' AND p.birth_date <= '2008-03-15'
    ORDER BY 1, 2
) TO '{out}' (FORMAT parquet)''')
"""


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident memory (GB) of one process."""
    started = time.monotonic()
    done = subprocess.run(["/usr/bin/time", "-v", *argv], capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{done.stdout}\n{done.stderr}")
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))  # type: ignore[union-attr]
    return wall, peak_kb / 1024 / 1024


def baucu(*args: str) -> list[str]:
    return [sys.executable, "-m", "baucu.cli", *args]


def synth(size: int, directory: Path) -> tuple[float, float]:
    if (directory / "population.parquet").exists():
        return 0.0, 0.0
    directory.mkdir(parents=True, exist_ok=True)
    return timed(
        baucu("synth", "population", "--size", str(size), "--out", str(directory), "--format", "parquet")
    )


def transform(directory: Path, out: Path) -> list[str]:
    return baucu(
        "voters", "transform", "--election-day", "2026-03-15",
        "--population", str(directory / "population.parquet"), "--areas", str(directory / "areas.csv"),
        "--out", str(out), "--quiet",
    )  # fmt: skip


def lang_son() -> None:
    directory = WORK / "lang-son"
    shutil.rmtree(directory, ignore_errors=True)
    made, made_peak = synth(850_000, directory)
    wall, peak = timed(transform(directory, directory / "lists"))
    print(f"Lạng Sơn 850,000: synth {made:.1f} s (peak {made_peak:.2f} GB); "
          f"transform {wall:.1f} s (peak {peak:.2f} GB); total {made + wall:.1f} s")  # fmt: skip


def ten_million(runs: int) -> None:
    directory = WORK / "10m"
    made, _ = synth(10_000_000, directory)
    if made:
        print(f"generated 10,000,000 citizens in {made:.1f} s", flush=True)
    files = [
        str(directory / "population.parquet"),
        str(directory / "areas.csv"),
        str(directory / "bare.parquet"),
    ]
    commands = {
        "transform": transform(directory, directory / "lists"),
        "bare": [sys.executable, "-c", BASELINE, *files],
        "bare, name order only": [sys.executable, "-c", NAME_ONLY_BASELINE, *files],
    }
    walls: dict[str, list[float]] = {k: [] for k in commands}
    peaks: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(runs):  # alternately, so that a change of machine load touches all three alike
        for name, argv in commands.items():
            wall, peak = timed(argv)
            walls[name].append(wall)
            peaks[name].append(peak)
        print("run: " + ", ".join(f"{k} {v[-1]:.1f} s" for k, v in walls.items()), flush=True)
    median = {k: statistics.median(v) for k, v in walls.items()}
    print(
        "10,000,000 citizens: "
        + "; ".join(f"{k} median {median[k]:.1f} s (peak {max(peaks[k]):.2f} GB)" for k in commands)
        + f"; ratio {median['transform'] / median['bare']:.2f}x"
        + f" ({median['transform'] / median['bare, name order only']:.2f}x the name-only query)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lang-son", action="store_true")
    parser.add_argument("--ten-million", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if args.lang_son or not args.ten_million:
        lang_son()
    if args.ten_million:
        ten_million(args.runs)


if __name__ == "__main__":
    main()
