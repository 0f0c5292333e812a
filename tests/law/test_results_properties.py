"""Properties of the result decision (Art. 78), over counts built from simulated valid ballots."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from baucu.law.results import MAX_SEATS, Candidate, ConstituencyCount, determine_constituency_result

BIRTHS = [None, dt.date(1970, 1, 1), dt.date(1975, 6, 30), dt.date(1980, 12, 31)]


@st.composite
def counts(draw: st.DrawFn) -> ConstituencyCount:
    contest = draw(st.sampled_from(["na", "provincial", "commune"]))
    seats = draw(st.integers(1, MAX_SEATS[contest]))
    ids = [f"c{i}" for i in range(draw(st.integers(1, seats + 4)))]
    # Each valid ballot leaves 1..seats names (Art. 74(1)), so the counts always keep the invariants.
    ballots = draw(
        st.lists(
            st.lists(st.sampled_from(ids), min_size=1, max_size=min(seats, len(ids)), unique=True),
            max_size=40,
        )
    )
    votes = {cid: sum(cid in b for b in ballots) for cid in ids}
    candidates = tuple(Candidate(cid, votes[cid], draw(st.sampled_from(BIRTHS))) for cid in ids)
    valid = len(ballots)
    invalid = draw(st.integers(0, 5))
    voted = valid + invalid + draw(st.integers(0, 5))
    listed = voted + draw(st.integers(0, 2 * voted + 2))
    round_ = draw(st.sampled_from(["first", "supplementary", "rerun"]))
    return ConstituencyCount(contest, round_, seats, listed, voted, valid, candidates, invalid)


@settings(max_examples=500)
@given(counts())
def test_winners_are_candidates_within_the_seats_with_a_majority__art_78_2(count: ConstituencyCount) -> None:
    result = determine_constituency_result(count).value
    votes = {c.id: c.votes for c in count.candidates}
    assert set(result.elected) <= set(votes)
    assert set(result.tied) <= set(votes) - set(result.elected)
    assert len(result.elected) <= count.seats
    assert len(result.elected) + result.unfilled_seats == count.seats
    assert all(votes[cid] * 2 > count.valid_ballots for cid in result.elected)
    assert [votes[cid] for cid in result.elected] == sorted(
        (votes[cid] for cid in result.elected), reverse=True
    )


@settings(max_examples=500)
@given(counts())
def test_more_votes_than_a_winner_wins_unless_seats_are_full_of_higher__art_78_3(
    count: ConstituencyCount,
) -> None:
    result = determine_constituency_result(count).value
    for loser in count.candidates:
        if loser.id in result.elected:
            continue
        higher = sum(c.votes > loser.votes for c in count.candidates)
        for winner in count.candidates:
            if winner.id in result.elected and loser.votes > winner.votes:
                assert higher >= count.seats


@settings(max_examples=300)
@given(counts(), st.randoms(use_true_random=False))
def test_decision_does_not_depend_on_input_order__art_78(
    count: ConstituencyCount, rnd: random.Random
) -> None:
    shuffled = list(count.candidates)
    rnd.shuffle(shuffled)
    reordered = ConstituencyCount(**{**count.__dict__, "candidates": tuple(shuffled)})
    assert determine_constituency_result(reordered) == determine_constituency_result(count)
