"""Percentages in minutes: 2 decimals, round half up, summing to 100 (law.md [9.8])."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baucu.law.percent import percent, percents_summing_to_100


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [(22_566, 100_000, "22.57"), (22_565, 100_000, "22.57"), (22_564, 100_000, "22.56"), (1, 3, "33.33"),
     (2, 3, "66.67"), (1_150, 1_200, "95.83"), (0, 5, "0.00"), (5, 5, "100.00"), (0, 0, "0.00")],
)  # fmt: skip
def test_two_decimals_round_half_up__law_9_8(part: int, whole: int, expected: str) -> None:
    assert percent(part, whole) == Decimal(expected)
    assert str(percent(part, whole)) == expected


def test_components_sum_to_exactly_100__law_9_8() -> None:
    assert percents_summing_to_100([1, 1, 1]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert percents_summing_to_100([1_130, 20]) == [Decimal("98.26"), Decimal("1.74")]
    assert percents_summing_to_100([0, 0]) == [Decimal("0.00"), Decimal("0.00")]
    assert percents_summing_to_100([]) == []


def test_equal_remainders_go_to_the_larger_part_then_the_earlier() -> None:
    # 1/32 = 3.125 % and 3/32 = 9.375 % leave the same remainder: the hundredth goes to the larger part.
    assert percents_summing_to_100([1, 3, 28]) == [Decimal("3.12"), Decimal("9.38"), Decimal("87.50")]
    assert percents_summing_to_100([1, 1, 1]) == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]


@pytest.mark.parametrize(
    "call", [lambda: percent(-1, 3), lambda: percent(1, -3), lambda: percents_summing_to_100([1, -1])]
)
def test_negative_counts_are_refused(call: object) -> None:
    with pytest.raises(ValueError, match="negative"):
        call()  # type: ignore[operator]


@given(st.lists(st.integers(0, 10**9), min_size=1, max_size=30).filter(any))
def test_percentages_sum_to_100__law_9_8(parts: list[int]) -> None:
    shares = percents_summing_to_100(parts)
    assert sum(shares) == Decimal("100.00")
    assert all(s.as_tuple().exponent == -2 for s in shares)
    for part, share in zip(parts, shares, strict=True):
        exact = Decimal(part) * 100 / Decimal(sum(parts))
        assert abs(share - exact) < Decimal("0.01")
