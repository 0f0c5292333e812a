"""``baucu synth population --province 20 --seed N --size N --out DIR [--format csv|parquet|xlsx]``.

Writes ``population.<fmt>`` (spec/formats.md §4), ``areas.csv`` (the voting-area plan, §5) and
``counts.json`` (how many of each kind of person and error were made) into DIR. Pure: no Django.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from baucu.synth.population import PopulationSpec, population
from baucu.synth.writers import FORMATS, write_tables


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="baucu synth population", description=__doc__.split("\n\n")[0])
    p.add_argument("--province", type=int, default=20, help="province code (2025 list); default 20 Lạng Sơn")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--size", type=int, default=850_000, help="number of citizens")
    p.add_argument("--election-day", type=dt.date.fromisoformat, default=dt.date(2026, 3, 15))
    p.add_argument("--out", type=Path, required=True, help="output directory (created)")
    p.add_argument("--format", choices=FORMATS, default="csv")
    p.add_argument("--chunk-size", type=int, default=1_000_000, help=argparse.SUPPRESS)
    p.add_argument("--no-errors", action="store_true", help="no deliberate data errors")
    return p


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv[2:] if argv[:2] == ["synth", "population"] else argv)
    spec = PopulationSpec(
        province=args.province,
        size=args.size,
        seed=args.seed,
        election_day=args.election_day,
        chunk_size=args.chunk_size,
        error_rate=0.0 if args.no_errors else PopulationSpec.error_rate,
    )
    try:
        pop = population(spec)
    except ValueError as exc:
        print(
            json.dumps(
                {
                    "error": "invalid_input",
                    "problems": [
                        {
                            "where": "--province",
                            "rule": "vietnam_provinces 2025",
                            "code": "unknown_province",
                            "message": str(exc),
                        }
                    ],
                },
                ensure_ascii=False,
            )
        )
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    def progress() -> object:
        for table in pop.chunks():
            yield table
            print(
                f"synth: {pop.counts['rows']:,}/{spec.size:,} citizens ({time.monotonic() - started:.1f} s)",
                file=sys.stderr,
            )

    path = args.out / f"population.{args.format}"
    write_tables(progress(), path, args.format)  # type: ignore[arg-type]
    plan = pop.plan()
    write_tables([plan], args.out / "areas.csv", "csv")
    counts = dict(sorted(pop.counts.items()))
    counts["voting_areas"] = len(set(plan.column("voting_area_id").to_pylist()))
    (args.out / "counts.json").write_text(json.dumps(counts, indent=2) + "\n", encoding="utf-8")
    print(
        f"synth: wrote {path} and {args.out / 'areas.csv'} in {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(sys.argv[1:]))
