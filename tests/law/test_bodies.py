"""Election bodies (spec/law.md §3, [10.19])."""

from __future__ import annotations

import pytest

from baucu.law.bodies import (
    BODY_RULES,
    BodyKind,
    Membership,
    Role,
    check_body,
    check_body_roles,
    check_body_size,
    check_candidate_conflicts,
    decision_passes,
    quorum_met,
)
from baucu.law.outcome import InvalidInput

SIZES = [
    (BodyKind.NEC, 15, 21, "Art. 12(1)"),
    (BodyKind.PROVINCIAL_EC, 23, 37, "Art. 22(1)"),
    (BodyKind.COMMUNE_EC, 9, 17, "Art. 22(2)"),
    (BodyKind.NA_BOARD, 9, 17, "Art. 24(1)"),
    (BodyKind.PROVINCIAL_BOARD, 11, 15, "Art. 24(2)"),
    (BodyKind.COMMUNE_BOARD, 9, 15, "Art. 24(2)"),
    (BodyKind.TEAM, 11, 21, "Art. 25(1)"),
    (BodyKind.MILITARY_TEAM, 5, 9, "Art. 25(1)"),
    (BodyKind.NA_BY_ELECTION_COUNCIL, 5, 7, "Art. 90(1)"),
    (BodyKind.NA_BY_ELECTION_BOARD, 3, 5, "Art. 90(1)"),
    (BodyKind.COUNCIL_BY_ELECTION_EC, 3, 5, "Art. 90(2)"),
    (BodyKind.COUNCIL_BY_ELECTION_BOARD, 3, 5, "Art. 90(2)"),
    (BodyKind.BY_ELECTION_TEAM, 9, 11, "Art. 90(3)"),
]


@pytest.mark.parametrize(("kind", "low", "high", "article"), SIZES)
def test_body_size_ranges__art_12_22_24_25_90(kind: BodyKind, low: int, high: int, article: str) -> None:
    assert check_body_size(kind, low).value is True
    assert check_body_size(kind, high).value is True
    assert check_body_size(kind, low - 1).codes() == ("body_too_small",)
    too_large = check_body_size(kind, high + 1)
    assert too_large.codes() == ("body_too_large",)
    assert too_large.reasons[0].article == article
    assert set(BODY_RULES) == {k for k, *_ in SIZES}


def test_team_of_10_civilians_rejected__art_25_1() -> None:
    assert check_body_size(BodyKind.TEAM, 10).errors


def test_military_only_team_of_5_accepted__art_25_1() -> None:
    assert check_body_size(BodyKind.MILITARY_TEAM, 5).ok


def test_provincial_committee_of_31_fits_the_2025_range__art_22_1() -> None:
    assert check_body_size(BodyKind.PROVINCIAL_EC, 31).ok
    assert check_body_size(BodyKind.PROVINCIAL_EC, 21).errors  # the 2015 minimum no longer suffices


def _roles(chair: int = 1, vice: int = 0, secretary: int = 0, members: int = 0) -> list[Role]:
    return (
        [Role.CHAIR] * chair
        + [Role.VICE_CHAIR] * vice
        + [Role.SECRETARY] * secretary
        + [Role.MEMBER] * members
    )


def test_committee_needs_one_chair_and_a_secretary__art_22() -> None:
    assert check_body_roles(BodyKind.PROVINCIAL_EC, _roles(vice=3, secretary=1, members=20)).ok
    missing = check_body_roles(BodyKind.COMMUNE_EC, _roles(chair=0, vice=1, members=8))
    assert missing.codes() == ("chair_count", "secretary_count")


def test_na_board_includes_a_secretary__art_24_1() -> None:
    assert check_body_roles(BodyKind.NA_BOARD, _roles(vice=2, members=6)).codes() == ("secretary_count",)


def test_nec_has_no_secretary_role__art_12_1() -> None:
    assert check_body_roles(BodyKind.NEC, _roles(vice=2, members=12)).ok
    assert check_body_roles(BodyKind.NEC, _roles(vice=2, secretary=1, members=12)).codes() == (
        "no_secretary_role",
    )


def test_team_has_leader_and_secretary_without_vice__art_25_1() -> None:
    assert check_body_roles(BodyKind.TEAM, _roles(secretary=1, members=9)).ok
    assert check_body_roles(BodyKind.TEAM, _roles(vice=1, secretary=1, members=9)).codes() == (
        "no_vice_chair_role",
    )


def test_check_body_combines_size_and_roles__art_25_1() -> None:
    ok = check_body(BodyKind.BY_ELECTION_TEAM, _roles(secretary=1, members=7))
    assert ok.value is True
    bad = check_body(BodyKind.TEAM, _roles(chair=2, secretary=1, members=7))
    assert bad.value is False
    assert bad.codes() == ("body_too_small", "chair_count")


def test_quorum_is_two_thirds_of_all_members__art_26() -> None:
    assert quorum_met(15, 10).value is True
    assert quorum_met(15, 9).codes() == ("no_quorum",)
    assert quorum_met(11, 8).value is True
    assert quorum_met(11, 7).value is False


def test_decision_needs_more_than_half_of_all_members__art_26() -> None:
    assert decision_passes(15, 8).value is True
    assert decision_passes(16, 8).codes() == ("no_majority_of_members",)


@pytest.mark.parametrize(("members", "count"), [(0, 0), (5, 6), (5, -1)])
def test_impossible_counts_are_invalid__art_26(members: int, count: int) -> None:
    with pytest.raises(InvalidInput):
        quorum_met(members, count)
    with pytest.raises(InvalidInput):
        decision_passes(members, count)


def test_candidate_may_not_sit_on_board_or_team_of_own_constituency__art_27() -> None:
    memberships = [
        Membership("p1", "Ban bầu cử QH số 1", frozenset({"QH-1"})),
        Membership("p2", "Tổ bầu cử KV7", frozenset({"QH-2", "T-5", "X-3"})),
        Membership("p3", "Tổ bầu cử KV8", frozenset({"QH-2", "T-5", "X-4"})),
    ]
    candidacies = [("p1", "QH-2"), ("p2", "X-3"), ("p4", "QH-1")]
    outcome = check_candidate_conflicts(memberships, candidacies)
    assert outcome.value is False
    assert outcome.codes() == ("candidate_on_own_constituency_body",)
    assert "p2" in outcome.reasons[0].en
    assert "X-3" in outcome.reasons[0].en
    assert check_candidate_conflicts(memberships[:1], candidacies).ok
