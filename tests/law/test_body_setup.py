"""Forming a local election body: tier, level, place, members (spec/law.md §3; Art. 21–25, 90)."""

from __future__ import annotations

import pytest

from baucu.law.bodies import (
    BODY_RULES,
    TIER_LEVELS,
    BodyFacts,
    BodyKind,
    Member,
    Role,
    Tier,
    body_kind,
    check_body_members,
    check_body_placement,
    check_constituency_boards,
    check_member_addition,
    check_voting_area_teams,
)
from baucu.law.contests import Contest
from baucu.law.setup import VotingAreaKind


def _members(size: int, *, military: bool = False, vice_chairs: int = 1) -> tuple[Member, ...]:
    roles = [Role.CHAIR, *[Role.VICE_CHAIR] * vice_chairs, Role.SECRETARY]
    roles += [Role.MEMBER] * (size - len(roles))
    return tuple(Member(role, military) for role in roles)


@pytest.mark.parametrize(
    ("facts", "kind"),
    [
        (BodyFacts(Tier.COMMITTEE, Contest.PROVINCIAL), BodyKind.PROVINCIAL_EC),
        (BodyFacts(Tier.COMMITTEE, Contest.COMMUNE, commune=True), BodyKind.COMMUNE_EC),
        (BodyFacts(Tier.COMMITTEE, Contest.COMMUNE, by_election=True), BodyKind.COUNCIL_BY_ELECTION_EC),
        (BodyFacts(Tier.BOARD, Contest.NA, constituency=Contest.NA), BodyKind.NA_BOARD),
        (
            BodyFacts(Tier.BOARD, Contest.PROVINCIAL, constituency=Contest.PROVINCIAL),
            BodyKind.PROVINCIAL_BOARD,
        ),
        (BodyFacts(Tier.BOARD, Contest.COMMUNE, constituency=Contest.COMMUNE), BodyKind.COMMUNE_BOARD),
        (BodyFacts(Tier.BOARD, Contest.NA), BodyKind.NA_BOARD),  # no constituency yet: by its level
        (BodyFacts(Tier.BOARD, Contest.NA, by_election=True), BodyKind.NA_BY_ELECTION_BOARD),
        (BodyFacts(Tier.BOARD, Contest.COMMUNE, by_election=True), BodyKind.COUNCIL_BY_ELECTION_BOARD),
        (BodyFacts(Tier.TEAM, Contest.COMMUNE, voting_area=VotingAreaKind.RESIDENTIAL), BodyKind.TEAM),
        (BodyFacts(Tier.TEAM, Contest.COMMUNE, by_election=True), BodyKind.BY_ELECTION_TEAM),
    ],
)
def test_art_22_24_25_90_which_body_of_the_law_a_formed_body_is(facts: BodyFacts, kind: BodyKind) -> None:
    assert body_kind(facts) is kind


def test_art_25_1_a_team_of_the_armed_forces_unit_alone_has_5_to_9_members() -> None:
    soldiers = BodyFacts(Tier.TEAM, Contest.COMMUNE, voting_area=VotingAreaKind.ARMED_FORCES)
    assert body_kind(soldiers) is BodyKind.TEAM  # no members named yet: the general Team
    only_soldiers = BodyFacts(
        Tier.TEAM,
        Contest.COMMUNE,
        voting_area=VotingAreaKind.ARMED_FORCES,
        members=_members(7, military=True, vice_chairs=0),
    )
    assert body_kind(only_soldiers) is BodyKind.MILITARY_TEAM
    assert check_body_members(only_soldiers).ok
    mixed = BodyFacts(
        Tier.TEAM,
        Contest.COMMUNE,
        voting_area=VotingAreaKind.ARMED_FORCES,
        members=(*_members(6, military=True, vice_chairs=0), Member()),
    )
    assert body_kind(mixed) is BodyKind.TEAM
    assert check_body_members(mixed).codes() == ("body_too_small",)
    soldiers_elsewhere = BodyFacts(
        Tier.TEAM, Contest.COMMUNE, voting_area=VotingAreaKind.RESIDENTIAL, members=_members(7, military=True)
    )
    assert body_kind(soldiers_elsewhere) is BodyKind.TEAM


def test_art_25_1_a_team_has_no_vice_chair_and_11_to_21_members() -> None:
    team = BodyFacts(Tier.TEAM, Contest.COMMUNE, voting_area=VotingAreaKind.RESIDENTIAL)
    ok = BodyFacts(**{**team.__dict__, "members": _members(11, vice_chairs=0)})
    assert check_body_members(ok).ok
    with_vice = BodyFacts(**{**team.__dict__, "members": _members(11)})
    assert check_body_members(with_vice).codes() == ("no_vice_chair_role",)
    assert check_body_members(with_vice).reasons[0].article == "Art. 25(1)"


@pytest.mark.parametrize("tier", list(Tier))
def test_art_21_each_tier_has_its_levels(tier: Tier) -> None:
    for level in Contest:
        facts = BodyFacts(
            tier,
            level,
            constituency=level,
            voting_area=VotingAreaKind.RESIDENTIAL,
            commune=True,
        )
        outcome = check_body_placement(facts)
        if level in TIER_LEVELS[tier]:
            assert outcome.ok
        else:
            assert outcome.codes() == ("level_not_of_tier",)
            assert outcome.reasons[0].article == "Art. 21"


def test_art_24_a_board_is_formed_for_a_constituency() -> None:
    outcome = check_body_placement(BodyFacts(Tier.BOARD, Contest.NA))
    assert outcome.codes() == ("board_needs_constituency",)
    assert outcome.reasons[0].article == "Art. 24"


def test_art_25_1_a_team_is_formed_for_a_voting_area() -> None:
    assert check_body_placement(BodyFacts(Tier.TEAM, Contest.COMMUNE)).codes() == ("team_needs_voting_area",)


def test_art_22_2_a_commune_committee_names_its_commune() -> None:
    assert check_body_placement(BodyFacts(Tier.COMMITTEE, Contest.COMMUNE)).codes() == (
        "commune_committee_needs_commune",
    )
    assert check_body_placement(BodyFacts(Tier.COMMITTEE, Contest.PROVINCIAL)).ok


def test_art_22_24_25_adding_a_member_is_refused_only_above_the_maximum() -> None:
    rule = BODY_RULES[BodyKind.COMMUNE_BOARD]
    filling = BodyFacts(
        Tier.BOARD, Contest.COMMUNE, constituency=Contest.COMMUNE, members=(Member(Role.CHAIR),)
    )
    assert check_member_addition(filling).ok  # one member of 9–15: still being filled
    full = BodyFacts(
        Tier.BOARD, Contest.COMMUNE, constituency=Contest.COMMUNE, members=_members(rule.maximum + 1)
    )
    outcome = check_member_addition(full)
    assert outcome.codes() == ("body_too_large",)
    assert outcome.reasons[0].article == "Art. 24(2)"


def test_art_24_each_constituency_has_exactly_one_board() -> None:
    assert check_constituency_boards(1).ok
    assert check_constituency_boards(0).codes() == ("constituency_without_board",)
    second = check_constituency_boards(2)
    assert second.codes() == ("one_board_per_constituency",)
    assert second.reasons[0].article == "Art. 24"


def test_art_25_1_each_voting_area_has_exactly_one_team() -> None:
    assert check_voting_area_teams(1).ok
    assert check_voting_area_teams(0).codes() == ("voting_area_without_team",)
    second = check_voting_area_teams(2)
    assert second.codes() == ("one_team_per_voting_area",)
    assert second.reasons[0].article == "Art. 25(1)"
