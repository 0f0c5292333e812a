"""Ballot validity (Art. 74(1), law.md [9.5], spec/formats.md §2)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baucu.law.ballots import Ballot, ballot_from_dict, judge_ballot
from baucu.law.outcome import InvalidInput, Severity

NAMES = ("A", "B", "C", "D", "E")


def _judge(**kw: Any) -> tuple[bool, tuple[str, ...], str | None, str | None]:
    ballot = Ballot(**{"seats": 3, "candidates": NAMES, **kw})
    v = judge_ballot(ballot).value
    return v.valid, v.kept, v.reason_code, v.rule


def test_ballot_keeping_one_to_seats_names_is_valid__art_74_1() -> None:
    outcome = judge_ballot(Ballot(3, NAMES, frozenset({"A", "B"})))
    assert outcome.value.as_dict() == {
        "valid": True,
        "kept": ["C", "D", "E"],
        "reason_code": None,
        "rule": None,
    }
    assert outcome.value.votes == ("C", "D", "E")
    assert outcome.ok
    assert outcome.codes() == ("valid_ballot",)
    assert _judge(struck=frozenset({"A", "B", "C", "D"}))[0]


def test_not_the_official_form_is_invalid__art_74_1_a() -> None:
    assert _judge(struck=frozenset("AB"), official_form=False)[2:] == ("not_official_form", "Art. 74(1)(a)")


def test_no_stamp_is_invalid__art_74_1_b() -> None:
    assert _judge(struck=frozenset("AB"), stamped=False)[2:] == ("no_stamp", "Art. 74(1)(b)")


def test_untouched_ballot_with_surplus_candidates_is_invalid__art_74_1_c() -> None:
    valid, kept, code, rule = _judge()
    assert (valid, kept, code, rule) == (False, NAMES, "too_many_kept", "Art. 74(1)(c)")


def test_all_names_struck_is_invalid__art_74_1_d() -> None:
    assert _judge(struck=frozenset(NAMES))[1:] == ((), "all_struck", "Art. 74(1)(d)")


@pytest.mark.parametrize("kw", [{"extra_names": 1}, {"other_content": True}])
def test_extra_name_or_other_content_is_invalid__art_74_1_dd(kw: dict[str, Any]) -> None:
    assert _judge(struck=frozenset("AB"), **kw)[2:] == ("extra_name_or_content", "Art. 74(1)(đ)")


def test_first_ground_in_statutory_order_is_reported__formats_2() -> None:
    outcome = judge_ballot(Ballot(3, NAMES, stamped=False, official_form=False, extra_names=2))
    assert outcome.value.reason_code == "not_official_form"
    assert outcome.codes() == ("not_official_form", "no_stamp", "too_many_kept", "extra_name_or_content")
    assert all(r.severity is Severity.ERROR for r in outcome.reasons)
    assert outcome.value.votes == ()


@given(
    st.integers(1, 5),
    st.lists(st.sampled_from("ABCDEFGH"), unique=True, min_size=1),
    st.sets(st.sampled_from("ABCDEFGH")),
    st.booleans(),
    st.booleans(),
)
def test_a_ballot_never_gives_more_votes_than_seats__art_74_1_c(
    seats: int, names: list[str], struck: set[str], stamped: bool, extra: bool
) -> None:
    verdict = judge_ballot(Ballot(seats, tuple(names), frozenset(struck), stamped, other_content=extra)).value
    assert len(verdict.votes) <= seats
    assert set(verdict.votes) <= set(names) - struck
    assert verdict.valid == (stamped and not extra and 1 <= len(verdict.kept) <= seats)


def test_ballot_document__formats_2() -> None:
    doc = {
        "seats": 3,
        "candidates": list(NAMES),
        "struck": ["A"],
        "stamped": True,
        "official_form": True,
        "extra_names": 0,
        "other_content": False,
    }
    ballot = ballot_from_dict(doc)
    assert ballot == Ballot(3, NAMES, frozenset({"A"}))
    minimal = ballot_from_dict({"seats": 1, "candidates": ["A", "B"], "stamped": True, "official_form": True})
    assert minimal.struck == frozenset()
    assert (minimal.extra_names, minimal.other_content) == (0, False)


def test_every_problem_of_a_ballot_document_is_reported__formats_0() -> None:
    doc = {
        "seats": 9,
        "candidates": ["A", "A", 3, " "],
        "struck": ["Z"],
        "stamped": "yes",
        "extra_names": -1,
        "other_content": 1,
    }
    with pytest.raises(InvalidInput) as exc:
        ballot_from_dict(doc, "en")
    assert [(p.where, p.code) for p in exc.value.problems] == [
        ("seats", "seats_out_of_range"),
        ("candidates[1]", "duplicate_name"),
        ("candidates[2]", "not_a_name"),
        ("candidates[3]", "not_a_name"),
        ("struck[0]", "struck_name_not_on_ballot"),
        ("stamped", "not_a_boolean"),
        ("official_form", "missing_field"),
        ("extra_names", "negative_number"),
        ("other_content", "not_a_boolean"),
    ]
    assert exc.value.problems[0].message == "seats must be 1 to 5"


def test_ballot_document_must_be_an_object_with_names__formats_2() -> None:
    with pytest.raises(InvalidInput) as exc:
        ballot_from_dict(["A"])
    assert exc.value.problems[0].code == "not_an_object"
    with pytest.raises(InvalidInput) as exc:
        ballot_from_dict({"seats": 1, "candidates": [], "stamped": True, "official_form": True})
    assert [p.code for p in exc.value.problems] == ["no_candidates"]
    with pytest.raises(InvalidInput) as exc:
        ballot_from_dict({"seats": 1, "stamped": True, "official_form": True})
    assert [p.code for p in exc.value.problems] == ["missing_field"]
