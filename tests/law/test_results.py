"""Constituency results (Art. 78–80, law.md §10, spec/formats.md §3)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from baucu.law.outcome import InvalidInput, Severity
from baucu.law.results import (
    Candidate,
    ConstituencyCount,
    count_from_dict,
    determine_constituency_result,
    determine_from_dict,
)


def _count(
    votes: dict[str, int],
    *,
    contest: str = "na",
    round_: str = "first",
    seats: int = 3,
    listed: int = 2_000,
    voted: int = 1_100,
    valid: int = 1_000,
    births: dict[str, str | None] | None = None,
) -> ConstituencyCount:
    births = births or {}
    candidates = tuple(
        Candidate(cid, n, dt.date.fromisoformat(b) if (b := births.get(cid)) else None)
        for cid, n in votes.items()
    )
    return ConstituencyCount(contest, round_, seats, listed, voted, valid, candidates)


def _doc(**overrides: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "contest": "na",
        "round": "first",
        "seats": 2,
        "voters_on_list": 100,
        "voters_voted": 90,
        "valid_ballots": 80,
        "invalid_ballots": 10,
        "candidates": [
            {"id": "A", "name": "Nguyễn Văn An", "birth_date": "1970-05-01", "votes": 70},
            {"id": "B", "votes": 60},
            {"id": "C", "votes": 20},
        ],
    }
    doc.update(overrides)
    return doc


def _codes(exc: pytest.ExceptionInfo[InvalidInput]) -> list[tuple[str, str]]:
    return [(p.where, p.code) for p in exc.value.problems]


# --- turnout, Art. 78(1) and 80 -----------------------------------------------------------------


def test_turnout_just_above_half_is_valid__art_78_1() -> None:
    outcome = determine_constituency_result(_count({"A": 900, "B": 700}, listed=2_001, voted=1_001))
    assert outcome.value.turnout_valid


def test_first_round_turnout_not_above_half_needs_a_rerun__art_80() -> None:
    outcome = determine_constituency_result(_count({"A": 900}, listed=2_001, voted=1_000))
    assert (outcome.value.turnout_valid, outcome.value.next_step, outcome.value.elected) == (
        False,
        "rerun",
        (),
    )


def test_rerun_result_is_recognised_regardless_of_turnout__art_80() -> None:
    outcome = determine_constituency_result(
        _count({"A": 900, "B": 700, "C": 600, "D": 100}, round_="rerun", listed=4_000, voted=1_100)
    )
    assert not outcome.value.turnout_valid
    assert outcome.value.elected == ("A", "B", "C")
    assert outcome.value.next_step == "none"
    assert "rerun_result_recognised" in outcome.codes()


def test_supplementary_round_with_low_turnout_needs_a_manual_decision__art_79_3() -> None:
    outcome = determine_constituency_result(_count({"A": 900}, round_="supplementary", listed=4_000))
    assert outcome.value.next_step == "manual_decision"
    assert outcome.manual_decision_required


# --- winners, Art. 78(2), (3) -------------------------------------------------------------------


def test_exactly_half_of_valid_is_not_elected__art_78_2() -> None:
    outcome = determine_constituency_result(_count({"A": 501, "B": 500}, seats=2))
    assert outcome.value.elected == ("A",)
    assert "Exactly half" in outcome.reasons[1].en


def test_highest_win_when_more_qualify_than_seats__art_78_3() -> None:
    outcome = determine_constituency_result(_count({"C": 600, "A": 700, "B": 650}, seats=2))
    assert outcome.value.elected == ("A", "B")
    assert "highest_votes_win" in outcome.codes()


# --- ties, Art. 78(4) ---------------------------------------------------------------------------


def test_tie_at_last_seat_goes_to_older_candidate__art_78_4() -> None:
    births = {"B": "1980-01-01", "C": "1979-12-31"}
    outcome = determine_constituency_result(_count({"A": 900, "B": 550, "C": 550}, seats=2, births=births))
    assert outcome.value.elected == ("A", "C")
    assert outcome.value.next_step == "none"


def test_tie_with_identical_birth_dates_needs_a_manual_decision__art_78_4() -> None:
    births = {"B": "1980-01-01", "C": "1980-01-01"}
    outcome = determine_constituency_result(_count({"A": 900, "B": 550, "C": 550}, seats=2, births=births))
    assert outcome.value.elected == ("A",)
    assert outcome.value.tied == ("B", "C")
    assert outcome.value.next_step == "manual_decision"
    assert outcome.value.unfilled_seats == 1
    assert outcome.reasons[-1].severity is Severity.MANUAL
    assert outcome.reasons[-1].code == "tie_identical_birth_dates"


def test_older_of_a_tie_wins_and_identical_younger_dates_stay_undecided__art_78_4() -> None:
    births = {"B": "1970-01-01", "C": "1980-01-01", "D": "1980-01-01"}
    outcome = determine_constituency_result(
        _count({"A": 900, "B": 600, "C": 600, "D": 600}, seats=3, births=births)
    )
    assert outcome.value.elected == ("A", "B")
    assert outcome.value.tied == ("C", "D")
    assert outcome.codes()[-2:] == ("tie_older_wins", "tie_identical_birth_dates")


def test_missing_birth_date_at_a_deciding_tie_needs_a_manual_decision__art_78_4() -> None:
    births: dict[str, str | None] = {"B": "1970-01-01", "C": None}
    outcome = determine_constituency_result(_count({"A": 900, "B": 550, "C": 550}, seats=2, births=births))
    assert outcome.value.elected == ("A",)
    assert outcome.value.tied == ("B", "C")
    assert outcome.codes()[-1] == "tie_birth_date_missing"


def test_missing_birth_date_does_not_matter_without_a_deciding_tie__art_78_4() -> None:
    outcome = determine_constituency_result(_count({"A": 900, "B": 700, "C": 700}, seats=3))
    assert outcome.value.elected == ("A", "B", "C")


def test_elected_are_listed_highest_votes_first_then_older_first__art_78() -> None:
    births = {"B": "1990-01-01", "C": "1960-01-01"}
    outcome = determine_constituency_result(_count({"B": 700, "C": 700, "A": 900}, births=births))
    assert outcome.value.elected == ("A", "C", "B")


# --- shortfalls, Art. 79 and law.md [10.12] -----------------------------------------------------


def test_na_shortfall_goes_to_the_national_election_council__art_79_1() -> None:
    outcome = determine_constituency_result(_count({"A": 900, "B": 400, "C": 300, "D": 200, "E": 100}))
    assert outcome.value.next_step == "supplementary_decision"
    assert outcome.value.unfilled_seats == 2
    assert outcome.value.supplementary is not None
    assert outcome.value.supplementary.candidates == ("B", "C", "D", "E")


def test_council_shortfall_with_two_thirds_elected_leaves_seats_vacant__art_79_2() -> None:
    votes = {"A": 900, "B": 800, "C": 700, "D": 400}
    outcome = determine_constituency_result(_count(votes, contest="provincial", seats=4))
    assert (outcome.value.next_step, outcome.value.unfilled_seats, outcome.value.supplementary) == (
        "none",
        1,
        None,
    )
    assert "council_seats_remain_vacant" in outcome.codes()


def test_council_of_three_with_two_elected_has_no_supplementary__art_79_2() -> None:
    outcome = determine_constituency_result(_count({"A": 900, "B": 800, "C": 400}, contest="commune"))
    assert outcome.value.next_step == "none"  # 2 = 2/3 of 3: not below two thirds


def test_supplementary_round_shortfall_has_no_second_supplementary__art_79_3() -> None:
    outcome = determine_constituency_result(_count({"D": 600, "E": 400}, round_="supplementary", seats=2))
    assert outcome.value.elected == ("D",)
    assert outcome.value.next_step == "none"
    assert outcome.codes()[-1] == "no_second_supplementary"


def test_shortfall_after_a_rerun_needs_a_manual_decision__law_10_12() -> None:
    outcome = determine_constituency_result(_count({"A": 600, "B": 400}, round_="rerun", seats=2))
    assert outcome.value.next_step == "manual_decision"
    assert outcome.value.tied == ()
    assert outcome.manual_decision_required


def test_total_votes_below_valid_is_a_warning__law_9_14_vii() -> None:
    outcome = determine_constituency_result(_count({"A": 600}, seats=1))
    assert outcome.warnings[0].code == "total_votes_below_valid"
    assert outcome.value.elected == ("A",)


# --- input, spec/formats.md §3 ------------------------------------------------------------------


def test_document_in_document_out__formats_3() -> None:
    out = determine_from_dict(_doc(), "en")
    assert out["elected"] == ["A", "B"]
    assert set(out) == {
        "turnout_valid",
        "elected",
        "unfilled_seats",
        "next_step",
        "supplementary",
        "tied",
        "reasons",
    }
    assert out["reasons"][0] == {
        "rule": "Art. 78(1)",
        "code": "turnout_above_half",
        "message": "More than half of the listed voters voted (90/100): the result counts.",
    }
    assert determine_from_dict(_doc())["reasons"][0]["message"].startswith("Số cử tri đi bầu")


def test_invalid_ballots_and_birth_date_are_optional__formats_3() -> None:
    count = count_from_dict(_doc(invalid_ballots=None))
    assert count.invalid_ballots is None
    assert count.candidates[1].birth_date is None
    assert count.candidates[0].name == "Nguyễn Văn An"


def test_every_invariant_problem_is_reported__formats_3() -> None:
    doc = _doc(
        seats=4,
        voters_voted=120,
        invalid_ballots=50,
        candidates=[
            {"id": "A", "votes": 90},
            {"id": "A", "votes": 80},
            {"id": "B", "votes": 80},
            {"id": "C", "votes": 80},
        ],
    )
    with pytest.raises(InvalidInput) as exc:
        count_from_dict(doc, "en")
    assert _codes(exc) == [
        ("seats", "seats_out_of_range"),
        ("voters_voted", "voted_exceed_listed"),
        ("invalid_ballots", "ballots_exceed_voted"),
        ("candidates[0].votes", "votes_exceed_valid"),
        ("candidates[1].id", "duplicate_candidate_id"),
        ("candidates", "total_votes_exceed_seats_times_valid"),
    ]
    assert {p.rule for p in exc.value.problems} >= {"Art. 10(4)", "Art. 78"}


def test_ballots_above_voted_without_invalid_count_points_at_valid__formats_3() -> None:
    with pytest.raises(InvalidInput) as exc:
        count_from_dict(_doc(invalid_ballots=None, valid_ballots=95, voters_voted=90))
    assert ("valid_ballots", "ballots_exceed_voted") in _codes(exc)


def test_council_seats_up_to_five__art_10_4() -> None:
    assert count_from_dict(_doc(contest="commune", seats=5)).seats == 5
    with pytest.raises(InvalidInput):
        count_from_dict(_doc(contest="provincial", seats=6))
    with pytest.raises(InvalidInput):
        count_from_dict(_doc(seats=0))


def test_wrong_types_and_missing_fields_are_all_reported__formats_0() -> None:
    doc = {
        "contest": "senate",
        "round": 1,
        "seats": True,
        "voters_on_list": -1,
        "valid_ballots": "80",
        "candidates": [{"id": "", "votes": 1.5, "birth_date": "15/03/1970"}, "B", {"votes": 3}],
    }
    with pytest.raises(InvalidInput) as exc:
        count_from_dict(doc)
    assert _codes(exc) == [
        ("contest", "unknown_value"),
        ("round", "not_a_string"),
        ("seats", "not_an_integer"),
        ("voters_on_list", "negative_number"),
        ("voters_voted", "missing_field"),
        ("valid_ballots", "not_an_integer"),
        ("candidates[0].id", "empty_string"),
        ("candidates[0].votes", "not_an_integer"),
        ("candidates[0].birth_date", "invalid_date"),
        ("candidates[1]", "not_an_object"),
        ("candidates[2].id", "missing_field"),
    ]


@pytest.mark.parametrize("doc", [None, [], "x", 3])
def test_input_must_be_an_object__formats_3(doc: object) -> None:
    with pytest.raises(InvalidInput) as exc:
        count_from_dict(doc)
    assert _codes(exc) == [("$", "not_an_object")]


def test_candidates_must_be_a_non_empty_array__formats_3() -> None:
    with pytest.raises(InvalidInput) as exc:
        count_from_dict(_doc(candidates={"A": 1}))
    assert _codes(exc) == [("candidates", "not_a_list")]
    with pytest.raises(InvalidInput) as exc:
        count_from_dict(_doc(candidates=[]))
    assert _codes(exc) == [("candidates", "no_candidates")]


def test_a_count_built_in_code_is_checked_too__formats_3() -> None:
    bad = ConstituencyCount("senate", "third", 9, -1, 0, -2, (Candidate("A", -1),), invalid_ballots=-3)
    with pytest.raises(InvalidInput) as exc:
        determine_constituency_result(bad, "en")
    assert [code for _, code in _codes(exc)] == [
        "unknown_value",
        "unknown_value",
        "seats_out_of_range",
        "negative_number",
        "negative_number",
        "negative_number",
        "voted_exceed_listed",
        "negative_number",
        "votes_exceed_valid",
        "total_votes_exceed_seats_times_valid",
    ]
    assert exc.value.problems[0].message == "unknown contest"


def test_supplementary_document_names_the_seats_and_candidates__formats_3() -> None:
    doc = _doc(
        contest="commune",
        candidates=[{"id": "A", "votes": 70}, {"id": "B", "votes": 40}, {"id": "C", "votes": 30}],
    )
    out = determine_from_dict(doc)
    assert out["next_step"] == "supplementary_election"
    assert out["supplementary"] == {"seats": 1, "candidates": ["B", "C"]}
