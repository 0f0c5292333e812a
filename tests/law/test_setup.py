"""What a constituency and a voting area are made of (spec/law.md §4; Art. 10, 11, 71(1))."""

from __future__ import annotations

import datetime as dt

import pytest

from baucu.law import calendar as law_calendar
from baucu.law.contests import Contest
from baucu.law.districting import AreaKind
from baucu.law.outcome import Severity
from baucu.law.setup import (
    SETUP_STEPS,
    AreaRef,
    CommuneRef,
    ConstituencyFacts,
    SetupAction,
    VotingAreaFacts,
    VotingAreaKind,
    check_constituency,
    check_constituency_number,
    check_seats_add_up,
    check_voting_area,
    check_voting_area_number,
    setup_step,
    size_kind,
)

KỲ_LỪA = CommuneRef("06016", "Phường Kỳ Lừa", "20")
ELSEWHERE = CommuneRef("00004", "Phường Ba Đình", "01")


def test_art_10_1_a_commune_constituency_is_made_of_the_communes_own_voting_areas() -> None:
    ok = ConstituencyFacts(Contest.COMMUNE, "20", 3, commune="06016", voting_areas=(AreaRef("1", "06016"),))
    assert check_constituency(ok).value is True
    with_communes = ConstituencyFacts(Contest.COMMUNE, "20", 3, commune="06016", communes=(KỲ_LỪA,))
    assert check_constituency(with_communes).codes() == ("commune_constituency_of_areas",)
    stray = ConstituencyFacts(
        Contest.COMMUNE, "20", 3, commune="06016", voting_areas=(AreaRef("2", "06017"),)
    )
    outcome = check_constituency(stray)
    assert outcome.codes() == ("voting_area_outside_commune",)
    assert outcome.reasons[0].article == "Art. 10(1)"
    assert outcome.reasons[0].severity is Severity.ERROR


@pytest.mark.parametrize("contest", [Contest.NA, Contest.PROVINCIAL])
def test_art_10_2_10_3_na_and_provincial_constituencies_are_made_of_the_provinces_communes(
    contest: Contest,
) -> None:
    assert check_constituency(ConstituencyFacts(contest, "20", 2, communes=(KỲ_LỪA,))).ok
    outside = check_constituency(ConstituencyFacts(contest, "20", 2, communes=(KỲ_LỪA, ELSEWHERE)))
    assert outside.codes() == ("commune_outside_province",)
    assert "Phường Ba Đình" in outside.reasons[0].en
    of_areas = check_constituency(ConstituencyFacts(contest, "20", 2, voting_areas=(AreaRef("1", "06016"),)))
    assert of_areas.codes() == ("province_constituency_of_communes",)
    assert of_areas.reasons[0].article == "Art. 10(2), 10(3)"


def test_art_10_4_seats_of_a_constituency_are_checked_with_its_make_up() -> None:
    outcome = check_constituency(ConstituencyFacts(Contest.NA, "20", 4, communes=(ELSEWHERE,)))
    assert outcome.codes() == ("seats_above_cap", "commune_outside_province")
    assert check_constituency(ConstituencyFacts(Contest.COMMUNE, "20", 0, commune="06016")).codes() == (
        "seats_below_minimum",
    )


def test_art_10_1_constituency_numbers_are_unique_in_a_contest() -> None:
    assert check_constituency_number(3, {1, 2}).value is True
    clash = check_constituency_number(2, {1, 2})
    assert clash.codes() == ("duplicate_constituency_number",)
    assert clash.reasons[0].article == "Art. 10(1)"


def test_art_10_2_10_3_constituency_seats_add_up_to_the_contests() -> None:
    assert check_seats_add_up(Contest.NA, [3, 2, 2], 7).ok
    assert check_seats_add_up(Contest.PROVINCIAL, [5, 5], None).ok
    na = check_seats_add_up(Contest.NA, [3, 2], 7, code="seats_differ_from_declared")
    assert na.codes() == ("seats_differ_from_declared",)
    assert (na.reasons[0].article, na.reasons[0].rule_id) == ("Art. 10(2)", "4.2")
    council = check_seats_add_up(Contest.COMMUNE, [5, 5, 5], 16)
    assert council.codes() == ("seats_total_mismatch",)
    assert (council.reasons[0].article, council.reasons[0].rule_id) == ("Art. 10(3)", "4.3")


@pytest.mark.parametrize(
    ("kind", "remote", "expected"),
    [
        (VotingAreaKind.RESIDENTIAL, False, AreaKind.GENERAL),
        (VotingAreaKind.RESIDENTIAL, True, AreaKind.REMOTE),
        (VotingAreaKind.ARMED_FORCES, True, AreaKind.MILITARY),
        (VotingAreaKind.HOSPITAL_CARE, False, AreaKind.HOSPITAL_CARE),
        (VotingAreaKind.DETENTION_COMPULSORY, False, AreaKind.DETENTION),
    ],
)
def test_art_11_2_11_3_the_size_rule_follows_the_kind_of_area(
    kind: VotingAreaKind, remote: bool, expected: AreaKind
) -> None:
    assert size_kind(kind, remote=remote) is expected


def test_art_11_1_a_residential_area_names_its_residence_groups() -> None:
    assert check_voting_area(VotingAreaFacts(VotingAreaKind.RESIDENTIAL, residence_groups=("Thôn 1",))).ok
    blank = check_voting_area(VotingAreaFacts(VotingAreaKind.RESIDENTIAL, residence_groups=(" ",)))
    assert blank.codes() == ("residential_area_needs_groups",)


def test_art_11_3_a_separate_area_names_its_unit_or_facility() -> None:
    assert check_voting_area(VotingAreaFacts(VotingAreaKind.HOSPITAL_CARE, facility="Bệnh viện tỉnh")).ok
    outcome = check_voting_area(VotingAreaFacts(VotingAreaKind.ARMED_FORCES))
    assert outcome.codes() == ("separate_area_needs_facility",)
    assert outcome.reasons[0].article == "Art. 11(3)"


def test_art_11_2_voters_per_area_are_checked_once_known() -> None:
    groups = ("Thôn 1",)
    assert check_voting_area(VotingAreaFacts(VotingAreaKind.RESIDENTIAL, residence_groups=groups)).ok
    small = VotingAreaFacts(VotingAreaKind.RESIDENTIAL, residence_groups=groups, voter_count=120)
    assert check_voting_area(small).codes() == ("voting_area_below_300",)
    remote = VotingAreaFacts(
        VotingAreaKind.RESIDENTIAL, remote=True, residence_groups=groups, voter_count=120
    )
    assert check_voting_area(remote).ok
    big_camp = VotingAreaFacts(VotingAreaKind.ARMED_FORCES, facility="Đơn vị", voter_count=4_500)
    outcome = check_voting_area(big_camp)
    assert outcome.manual_decision_required
    assert outcome.codes() == ("separate_area_above_4000",)


def test_art_71_1_voting_starts_between_05_00_and_07_00() -> None:
    groups = ("Thôn 1",)
    early = VotingAreaFacts(VotingAreaKind.RESIDENTIAL, residence_groups=groups, voting_start=dt.time(5, 0))
    assert check_voting_area(early).ok
    late = VotingAreaFacts(VotingAreaKind.RESIDENTIAL, residence_groups=groups, voting_start=dt.time(7, 30))
    outcome = check_voting_area(late)
    assert outcome.codes() == ("voting_start_out_of_range",)
    assert outcome.reasons[0].article == "Art. 71(1)"


def test_art_11_4_voting_area_numbers_are_unique_in_a_commune() -> None:
    assert check_voting_area_number(4, [1, 2, 3]).ok
    assert check_voting_area_number(2, [1, 2, 3]).codes() == ("duplicate_voting_area_number",)


def test_art_10_11_22_24_25_90_each_setup_action_meets_a_calendar_step() -> None:
    assert setup_step(law_calendar.GENERAL, "constituency") == "constituencies_announced"
    assert setup_step(law_calendar.GENERAL, "team") == "election_teams_formed"
    assert setup_step(law_calendar.BY_ELECTION, "voting_area") == "by_election_boards_and_teams_formed"
    assert setup_step(law_calendar.BY_ELECTION, "constituency") is None  # Art. 90: the constituency stands
    assert setup_step(law_calendar.GENERAL, "import_voting_areas") is None
    day = dt.date(2026, 3, 15)
    for kind, table in SETUP_STEPS.items():
        known = {s.id for s in law_calendar.calendar_steps(day, kind)}
        assert set(table.values()) <= known
        assert set(table) <= set(SetupAction)
