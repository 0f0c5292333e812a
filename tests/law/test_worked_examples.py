"""The worked examples of spec/law.md §16, as the law reads them."""

from __future__ import annotations

import datetime as dt

from baucu.law.ballots import Ballot, judge_ballot
from baucu.law.minutes import CountingMinutes, reconcile_minutes
from baucu.law.results import Candidate, ConstituencyCount, determine_constituency_result


def _candidates(votes: dict[str, int], births: dict[str, str] | None = None) -> tuple[Candidate, ...]:
    births = births or {}
    return tuple(
        Candidate(cid, n, dt.date.fromisoformat(births[cid]) if cid in births else None)
        for cid, n in votes.items()
    )


def test_tc01_na_winners_need_more_than_half__art_78() -> None:
    count = ConstituencyCount(
        "na", "first", 3, 10_000, 9_000, 8_900,
        _candidates({"A": 7_000, "B": 6_500, "C": 4_451, "D": 4_450, "E": 2_000}),
        invalid_ballots=100,
    )  # fmt: skip
    outcome = determine_constituency_result(count)
    assert outcome.value.turnout_valid
    assert outcome.value.elected == ("A", "B", "C")
    assert outcome.value.next_step == "none"
    assert outcome.value.unfilled_seats == 0
    assert "majority_of_valid" in outcome.codes()


def test_tc03_tie_at_the_last_seat_older_wins__art_78_3_4() -> None:
    count = ConstituencyCount(
        "na", "first", 3, 2_000, 1_100, 1_000,
        _candidates({"A": 900, "B": 700, "C": 600, "D": 600, "E": 100},
                    {"C": "1970-05-01", "D": "1975-03-03"}),
    )  # fmt: skip
    outcome = determine_constituency_result(count)
    assert outcome.value.elected == ("A", "B", "C")
    assert outcome.value.tied == ()
    assert "tie_older_wins" in outcome.codes()


def test_tc06_council_supplementary_election_below_two_thirds__art_79_2() -> None:
    votes = dict(zip("ABCDEFGH", [3_000, 2_500, 2_100, 1_950, 1_900, 1_800, 1_000, 800], strict=True))
    outcome = determine_constituency_result(
        ConstituencyCount("commune", "first", 5, 5_000, 4_000, 3_900, _candidates(votes))
    )
    assert outcome.value.elected == ("A", "B", "C")
    assert outcome.value.next_step == "supplementary_election"
    assert outcome.value.supplementary is not None
    assert outcome.value.supplementary.seats == 2
    assert outcome.value.supplementary.candidates == ("D", "E", "F", "G", "H")


def test_tc11_turnout_exactly_half_means_rerun__art_78_1_art_80() -> None:
    votes = {"A": 9_000, "B": 8_000, "C": 7_000, "D": 3_000, "E": 1_000}
    outcome = determine_constituency_result(
        ConstituencyCount("na", "first", 3, 20_000, 10_000, 9_800, _candidates(votes))
    )
    assert not outcome.value.turnout_valid
    assert outcome.value.next_step == "rerun"
    assert outcome.value.elected == ()  # first-round votes are not used for winners
    assert outcome.value.unfilled_seats == 3
    assert outcome.codes()[-2:] == ("turnout_not_above_half", "rerun_required")


def test_tc14_too_many_names_left_is_invalid__art_74_1_c() -> None:
    outcome = judge_ballot(Ballot(3, ("A", "B", "C", "D", "E"), frozenset({"A"})))
    assert not outcome.value.valid
    assert outcome.value.reason_code == "too_many_kept"
    assert outcome.value.rule == "Art. 74(1)(c)"


def test_tc19_reconciliation_passes__form_32_and_9_14() -> None:
    minutes = CountingMinutes(
        seats=3, voters_on_list=1_200, voters_voted=1_150, ballots_issued=1_150, ballots_collected=1_150,
        valid_ballots=1_130, invalid_ballots=20, votes={"A": 900, "B": 800, "C": 700},
        ballots_received=1_250, spoiled_exchanged=5, unused_ballots=95,
    )  # fmt: skip
    outcome = reconcile_minutes(minutes)
    assert outcome.value
    assert outcome.reasons == ()
    for total, ok in ((1_129, False), (1_130, True), (3_390, True), (3_391, False)):
        votes = {"A": min(total, 1_130), "B": max(0, min(total - 1_130, 1_130)), "C": max(0, total - 2_260)}
        assert reconcile_minutes(CountingMinutes(**{**minutes.__dict__, "votes": votes})).value is ok
