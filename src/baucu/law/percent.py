"""Percentages in minutes: two decimals, round half up, components summing to 100 ([9.8]).

Exact arithmetic only (``Decimal`` and integers): a float would turn 22.565 into 22.564999… and round
it the wrong way.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

HUNDREDTH = Decimal("0.01")
ZERO = Decimal("0.00")
_UNITS = 10_000  # 100 % in hundredths of a percent


def percent(part: int, whole: int) -> Decimal:
    """``part`` as a percentage of ``whole``, 2 decimals, round half up (22.566 → 22.57); 0.00 of nothing."""
    if part < 0 or whole < 0:
        raise ValueError("percentages of negative counts are meaningless")
    if whole == 0:
        return ZERO
    units, rest = divmod(part * _UNITS, whole)
    if 2 * rest >= whole:  # half up, decided in integers
        units += 1
    return _as_percent(units)


def _as_percent(units: int) -> Decimal:
    return (Decimal(units) / 100).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def percents_summing_to_100(parts: Sequence[int]) -> list[Decimal]:
    """Each part's share with 2 decimals, adjusted so that the shares add up to exactly 100.00.

    Largest-remainder method: every share is first rounded down to a hundredth; the hundredths still
    missing go to the largest remainders. Equal remainders go to the larger part, then to the earlier
    one, so the result does not depend on anything but the counts. All zero gives all 0.00.
    """
    if any(p < 0 for p in parts):
        raise ValueError("percentages of negative counts are meaningless")
    whole = sum(parts)
    if whole == 0:
        return [ZERO for _ in parts]
    floors = [p * _UNITS // whole for p in parts]
    remainders = [p * _UNITS % whole for p in parts]
    missing = _UNITS - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: (-remainders[i], -parts[i], i))
    for i in order[:missing]:
        floors[i] += 1
    return [_as_percent(units) for units in floors]
