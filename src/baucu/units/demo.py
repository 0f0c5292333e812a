"""Demo step: the administrative units (all 34 provinces, so the demo matches production)."""

from __future__ import annotations

from typing import TextIO

from baucu.units.services import do_load_units


def load(*, stdout: TextIO) -> None:
    report = do_load_units()
    stdout.write(f"Units: {report}\n")
