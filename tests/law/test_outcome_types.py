"""The outcome types every decision of the law core returns."""

from __future__ import annotations

from baucu.law.ballots import Ballot, judge_ballot
from baucu.law.outcome import merge


def test_merge_keeps_every_reason_in_order() -> None:
    invalid = judge_ballot(Ballot(1, ("A", "B"), stamped=False))
    valid = judge_ballot(Ballot(1, ("A", "B"), frozenset({"A"})))
    assert [r.code for r in merge([invalid, valid])] == ["no_stamp", "too_many_kept", "valid_ballot"]
