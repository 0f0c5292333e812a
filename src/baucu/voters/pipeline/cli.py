"""``baucu voters transform --election-day DATE --population FILE --areas FILE --out DIR``.

spec/formats.md §6. Pure: no Django, no database. Exit 0 on success, 2 on invalid input (the error
object of §0 on stdout, nothing written). Progress goes to stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from baucu.law.outcome import InvalidInput, Problem


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="baucu voters transform", description=__doc__.split("\n\n")[0])
    p.add_argument("--election-day", required=True, help="YYYY-MM-DD")
    p.add_argument("--population", type=Path, required=True, help="extract: .csv, .parquet or .xlsx (§4)")
    p.add_argument("--areas", type=Path, required=True, help="voting-area plan CSV (§5)")
    p.add_argument("--out", type=Path, required=True, help="output directory (created or replaced)")
    p.add_argument("--memory-limit", default=None, help="DuckDB memory limit (default 2500MB)")
    p.add_argument("--threads", type=int, default=None, help="DuckDB threads (default: all cores)")
    p.add_argument("--quiet", action="store_true", help="no progress on stderr")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv[2:] if argv[:2] == ["voters", "transform"] else argv)
    try:
        election_day = dt.date.fromisoformat(args.election_day)
    except ValueError:
        error = InvalidInput(
            [
                Problem(
                    "--election-day", "spec/formats.md §0", "bad_date", f"not a date: {args.election_day!r}"
                )
            ]
        )
        print(json.dumps(error.as_dict(), ensure_ascii=False))
        return 2
    from baucu.voters.pipeline.transform import transform

    def progress(text: str) -> None:
        if not args.quiet:
            print(f"voters transform: {text}", file=sys.stderr, flush=True)

    try:
        transform(
            election_day,
            args.population,
            args.areas,
            args.out,
            progress=progress,
            memory_limit=args.memory_limit,
            threads=args.threads,
        )
    except InvalidInput as exc:
        print(json.dumps(exc.as_dict(), ensure_ascii=False))
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
