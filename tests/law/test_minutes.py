"""Reconciliation of counting minutes (law.md [9.14], spec/formats.md §7)."""

from __future__ import annotations

from typing import Any

import pytest

from baucu.law.minutes import (
    CountingMinutes,
    check_constituency_totals,
    check_list_totals,
    minutes_from_dict,
    reconcile_minutes,
    sum_areas,
)
from baucu.law.outcome import InvalidInput, Severity

GOOD: dict[str, Any] = {
    "election": "2026-03-15",
    "contest": "na",
    "constituency": "HN-1",
    "voting_area": "5",
    "round": "first",
    "seats": 3,
    "voters_on_list": 1200,
    "voters_voted": 1150,
    "ballots_issued": 1150,
    "ballots_collected": 1150,
    "valid_ballots": 1130,
    "invalid_ballots": 20,
    "valid_by_names_kept": {"1": 10, "2": 100, "3": 1020},
    "votes": {"A": 900, "B": 1000, "C": 370, "D": 1000},
    "complaints": {"received": 0, "resolved": 0, "forwarded": 0},
    "voting_started": "07:00",
    "voting_ended": "19:00",
    "counting_ended": "21:30",
}


def _minutes(**changes: Any) -> CountingMinutes:
    return CountingMinutes(**{**minutes_from_dict(GOOD).__dict__, **changes})


def _codes(m: CountingMinutes) -> dict[str, Severity]:
    return {r.code: r.severity for r in reconcile_minutes(m).reasons}


def test_consistent_minutes_pass__9_14() -> None:
    m = minutes_from_dict(GOOD)
    assert m.valid_by_names_kept == {1: 10, 2: 100, 3: 1020}
    assert reconcile_minutes(m).value
    assert reconcile_minutes(m).reasons == ()


def test_form_32_inventory_difference_only_warns_as_unverified__9_14_i() -> None:
    m = _minutes(ballots_received=1250, spoiled_exchanged=5, unused_ballots=94)
    assert _codes(m) == {"ballot_inventory_mismatch": Severity.WARNING}
    assert reconcile_minutes(m).value
    assert _codes(_minutes(ballots_received=1250)) == {}  # an incomplete inventory is not checked
    assert _codes(_minutes(ballots_received=1250, spoiled_exchanged=5, unused_ballots=95)) == {}


def test_more_voted_than_listed_is_an_error__9_14_ii() -> None:
    assert _codes(_minutes(voters_on_list=1149))["voted_exceed_listed"] is Severity.ERROR


def test_issued_different_from_voted_is_flagged__9_14_iii() -> None:
    m = _minutes(voters_voted=1151)
    assert _codes(m) == {"issued_differs_from_voted": Severity.WARNING}
    assert reconcile_minutes(m).value


def test_collected_above_issued_is_an_error_below_is_a_warning__9_14_iv() -> None:
    over = _minutes(ballots_issued=1149, voters_voted=1149)
    assert _codes(over) == {"collected_exceed_issued": Severity.ERROR}
    under = _minutes(ballots_issued=1151, voters_voted=1151)
    assert _codes(under) == {"ballots_not_returned": Severity.WARNING}


def test_collected_must_equal_valid_plus_invalid__9_14_v() -> None:
    assert _codes(_minutes(invalid_ballots=21)) == {
        "collected_differs_from_valid_plus_invalid": Severity.ERROR
    }


def test_votes_above_valid_is_an_error__9_14_vi() -> None:
    codes = _codes(_minutes(votes={"A": 1131, "B": 1000, "C": 1000}, valid_by_names_kept=None))
    assert codes == {"votes_exceed_valid": Severity.ERROR}


@pytest.mark.parametrize("votes", [{"A": 1129}, {"A": 1130, "B": 1130, "C": 1130, "D": 1}])
def test_total_votes_between_valid_and_seats_times_valid__9_14_vii(votes: dict[str, int]) -> None:
    assert _codes(_minutes(votes=votes, valid_by_names_kept=None)) == {
        "total_votes_out_of_bounds": Severity.ERROR
    }


def test_votes_equal_the_ballot_type_breakdown_exactly__9_14_vii() -> None:
    codes = _codes(_minutes(valid_by_names_kept={1: 11, 2: 100, 3: 1019}))
    assert codes == {"votes_differ_from_ballot_types": Severity.ERROR}
    codes = _codes(_minutes(valid_by_names_kept={1: 12, 2: 99, 3: 1020}))
    assert codes == {"ballot_types_differ_from_valid": Severity.ERROR}
    codes = _codes(_minutes(valid_by_names_kept={0: 0, 2: 130, 4: 10, 3: 990}))
    assert codes == {"names_kept_out_of_range": Severity.ERROR}


def test_list_totals_na_at_least_provincial_at_least_commune__9_14_ix() -> None:
    assert check_list_totals(1000, 1000, 945).value
    outcome = check_list_totals(1000, 945, 1000)
    assert not outcome.value
    assert outcome.reasons[0].code == "list_totals_out_of_order"
    assert not check_list_totals(999, 1000, 900).value


def test_constituency_totals_are_sums_of_voting_areas__9_14_x() -> None:
    a = _minutes(votes={"A": 900, "B": 1000})
    b = _minutes(votes={"A": 100, "C": 50})
    totals = sum_areas([a, b])
    assert totals["voters_on_list"] == 2400
    assert totals["votes"] == {"A": 1000, "B": 1000, "C": 50}
    constituency = _minutes(**totals)
    assert check_constituency_totals(constituency, [a, b]).value
    wrong = _minutes(**{**totals, "valid_ballots": 2259, "votes": {"A": 1000, "B": 1000, "D": 1}})
    outcome = check_constituency_totals(wrong, [a, b])
    assert not outcome.value
    assert [r.en.split(" is ")[0] for r in outcome.reasons] == [
        "The constituency's valid_ballots",
        "The constituency's votes[C]",
        "The constituency's votes[D]",
    ]
    assert {r.code for r in outcome.reasons} == {"constituency_total_mismatch"}


def test_minutes_document_problems_are_all_reported__formats_7() -> None:
    doc = {**GOOD, "seats": "3", "valid_by_names_kept": {"one": 10, "2": -1}, "votes": {"A": None}}
    del doc["invalid_ballots"]
    with pytest.raises(InvalidInput) as exc:
        minutes_from_dict(doc, "en")
    assert [(p.where, p.code) for p in exc.value.problems] == [
        ("seats", "not_an_integer"),
        ("invalid_ballots", "missing_field"),
        ("votes.A", "missing_field"),
        ("valid_by_names_kept.2", "negative_number"),
        ("valid_by_names_kept.one", "not_an_integer"),
    ]


def test_minutes_document_shapes__formats_7() -> None:
    with pytest.raises(InvalidInput):
        minutes_from_dict([])
    doc = {k: v for k, v in GOOD.items() if k not in ("votes", "valid_by_names_kept")}
    with pytest.raises(InvalidInput) as exc:
        minutes_from_dict(doc)
    assert [(p.where, p.code) for p in exc.value.problems] == [("votes", "missing_field")]
    with pytest.raises(InvalidInput) as exc:
        minutes_from_dict({**doc, "votes": [1]})
    assert [(p.where, p.code) for p in exc.value.problems] == [("votes", "not_an_object")]
    m = minutes_from_dict({**doc, "votes": {"A": 1130}, "ballots_received": 1250})
    assert (m.valid_by_names_kept, m.ballots_received, m.unused_ballots) == (None, 1250, None)
