"""Benchmark: voter lists into the database (issue 6), SQLite and PostgreSQL, whole process.

A Lạng Sơn-sized synthetic population (850,000 citizens, Parquet) aligned with the demo's 1,514 voting
areas is made once under /tmp. Then, alternately:

- baseline: ``baucu voters transform`` alone (the pure DuckDB transform of spec/formats.md §6, no DB)
  on the same extract and the plan exported from the database;
- ``baucu voters import --election ID --province 20 FILE``: plan from the DB, transform, and the load
  of the lists in one transaction (SQLite: batched executemany; PostgreSQL: COPY), rejected rows,
  audit event — replacing the lists of the previous run (re-import).

Prints the median wall time of each, the ratio import / transform, and peak memory (/usr/bin/time -v).
Target: import ≤ 15 s on 2 cores, on each database.

    .venv/bin/python bench/voters_load.py [--runs 3] [--size 850000]
    DATABASE_URL=postgresql://postgres@127.0.0.1:55441/baucu_bench .venv/bin/python bench/voters_load.py

On PostgreSQL give it a fresh, empty database: a later demo step (list changes) run over lists of an
earlier run records changes that then, rightly, block a re-import.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

WORK = Path("/tmp/baucu-bench-voters-load")

PREPARE = """
import os, sys
from pathlib import Path
import django
django.setup()
from baucu.accounts.scoping import unscoped
from baucu.elections.demo import DEMO_NAME
from baucu.elections.models import Election
from baucu.units.models import Province
from baucu.voters.demo import write_extract
from baucu.voters.imports import plan_rows, write_plan
size, out = int(sys.argv[1]), Path(sys.argv[2])
with unscoped("bench"):
    election = Election.objects.get(name=DEMO_NAME)
write_plan(plan_rows(election, Province.objects.get(code="20")), out / "areas.csv")
extract = out / f"population-{size}.parquet"
if not extract.exists():
    write_extract(election, size, extract)
print(election.pk)
"""


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    started = time.monotonic()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *argv], capture_output=True, text=True, check=False, env=env
    )
    wall = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{done.stdout}\n{done.stderr}")
    found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)
    return wall, (int(found.group(1)) if found else 0) / 1024 / 1024


def baucu(*args: str) -> list[str]:
    return [sys.executable, "-m", "baucu.cli", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=int, default=850_000)
    args = parser.parse_args()
    backend = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    WORK.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="baucu.settings", BAUCU_DEMO_POPULATION="0")
    if backend == "sqlite":
        var = WORK / "var-sqlite"
        shutil.rmtree(var, ignore_errors=True)
        env["BAUCU_VAR_DIR"] = str(var)
    print(f"{backend}: setting up the demo election (no voters) ...", flush=True)
    subprocess.run(baucu("demo", "--no-serve"), env=env, check=True, capture_output=True)
    prepared = subprocess.run(
        [sys.executable, "-c", PREPARE, str(args.size), str(WORK)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    election = prepared.stdout.strip().splitlines()[-1]
    extract = WORK / f"population-{args.size}.parquet"
    transform = baucu(
        "voters", "transform", "--election-day", "2026-03-15", "--population", str(extract),
        "--areas", str(WORK / "areas.csv"), "--out", str(WORK / "out"), "--quiet",
    )  # fmt: skip
    load = baucu("voters", "import", "--election", election, "--province", "20", str(extract), "--quiet")
    base, mine = [], []
    for run in range(args.runs):
        base.append(timed(transform, env))
        mine.append(timed(load, env))
        print(
            f"run {run + 1}: transform {base[-1][0]:.1f} s ({base[-1][1]:.2f} GB), "
            f"import {mine[-1][0]:.1f} s ({mine[-1][1]:.2f} GB)",
            flush=True,
        )
    b = statistics.median(w for w, _ in base)
    m = statistics.median(w for w, _ in mine)
    print(
        f"{backend}, {args.size:,} citizens: transform alone {b:.1f} s, import into the lists {m:.1f} s, "
        f"ratio {m / b:.2f}x; peak {max(g for _, g in mine):.2f} GB; target import <= 15 s: "
        f"{'met' if m <= 15 else 'NOT met'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
