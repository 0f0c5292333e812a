"""Benchmark: ``python -m baucu.law determine FILE`` on 10,000 constituencies.

Generates a deterministic file (fixed seed; a mix of NA and council contests, first rounds with a few
low-turnout constituencies, ties and shortfalls) and times the whole process side by side with a baseline
process that only loads and dumps the same JSON. Prints the median of several runs of each and the ratio.

    .venv/bin/python bench/results_determine.py [--constituencies 10000] [--runs 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BASELINE = "import json, sys; json.dump(json.load(open(sys.argv[1], encoding='utf-8')), sys.stdout)"


def constituency(rnd: random.Random, i: int) -> dict[str, Any]:
    contest = rnd.choice(["na", "provincial", "commune"])
    seats = rnd.randint(1, 3 if contest == "na" else 5)
    listed = rnd.randint(5_000, 200_000)
    voted = int(listed * (rnd.uniform(0.40, 0.52) if i % 50 == 0 else rnd.uniform(0.9, 1.0)))
    invalid = voted // 100
    valid = voted - invalid
    candidates = []
    budget = seats * valid
    for k in range(seats + rnd.randint(1, 3)):
        votes = min(valid, rnd.randint(valid // 4, valid), budget)
        budget -= votes
        birth = dt.date(1960, 1, 1) + dt.timedelta(days=rnd.randint(0, 12_000))
        candidates.append(
            {"id": f"{i}-{k}", "name": f"Ứng cử viên {k}", "birth_date": birth.isoformat(), "votes": votes}
        )
    if i % 97 == 0 and len(candidates) > seats:  # a tie at the last seat
        low = min(
            candidates[seats]["votes"], candidates[seats - 1]["votes"]
        )  # lowering keeps Σ ≤ seats·valid
        candidates[seats]["votes"] = candidates[seats - 1]["votes"] = low
    return {
        "contest": contest,
        "round": "first",
        "seats": seats,
        "voters_on_list": listed,
        "voters_voted": voted,
        "valid_ballots": valid,
        "invalid_ballots": invalid,
        "candidates": candidates,
    }


def timed(argv: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    return time.perf_counter() - start, done.returncode


def _list(seconds: list[float]) -> str:
    return ", ".join(f"{s:.3f}" for s in seconds)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--constituencies", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    rnd = random.Random(20260315)
    document = [constituency(rnd, i) for i in range(args.constituencies)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "constituencies.json"
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        size = path.stat().st_size
        ours, base = [], []
        for _ in range(args.runs):  # side by side, interleaved, so drift affects both alike
            seconds, status = timed([sys.executable, "-m", "baucu.law", "determine", str(path)])
            if status != 0:
                raise SystemExit(f"determine exited {status}")
            ours.append(seconds)
            base.append(timed([sys.executable, "-c", BASELINE, str(path)])[0])
    median_ours, median_base = statistics.median(ours), statistics.median(base)
    verdict = "ok" if median_ours < 5 else "EXCEEDED"
    print(f"input: {args.constituencies} constituencies, {size / 1e6:.1f} MB, {args.runs} runs each")
    print(f"baseline (json load + dump): median {median_base:.3f} s  (runs: {_list(base)})")
    print(f"baucu.law determine:         median {median_ours:.3f} s  (runs: {_list(ours)})")
    print(f"ratio: {median_ours / median_base:.2f}x baseline; budget 5 s: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
