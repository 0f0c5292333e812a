"""Voters: age, exclusions, contests per basis, cut-off (spec/law.md §2, TC21)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baucu.law.outcome import InvalidInput, Severity
from baucu.law.voters import (
    ALL_LEVELS,
    CONTESTS_BY_BASIS,
    NA_AND_PROVINCIAL,
    Basis,
    Contests,
    VoterFacts,
    age_rule,
    assess_voter,
    contest_rows,
    contests_for,
    latest_eligible_birth_date,
    list_change_allowed,
    list_changes_cutoff,
    list_totals,
    parse_birth,
    pipeline_parameters,
    residence_basis,
    status_exclusion,
    temporary_12m_since_cutoff,
    vote_elsewhere_contests,
    voting_age,
    years_before,
)

E = dt.date(2026, 3, 15)
D = dt.date.fromisoformat


def test_born_exactly_18_years_before_election_day_votes__art_2() -> None:
    assert latest_eligible_birth_date(E) == D("2008-03-15")
    outcome = voting_age(D("2008-03-15"), E)
    assert outcome.value is True
    assert outcome.codes() == ("voting_age_reached",)
    assert outcome.reasons[0].article == "Art. 2"


def test_born_a_day_later_does_not_vote__art_2() -> None:
    outcome = voting_age(D("2008-03-16"), E)
    assert outcome.value is False
    assert outcome.codes() == ("under_voting_age",)


def test_year_only_birth_before_cutoff_year_votes__art_2_form_31() -> None:
    assert voting_age(2007, E).value is True


def test_year_only_birth_in_cutoff_year_needs_manual_decision__art_2_form_31() -> None:
    outcome = voting_age(2008, E)
    assert outcome.value is None
    assert outcome.codes() == ("birth_year_only",)
    assert outcome.manual_decision_required


def test_year_only_birth_after_cutoff_year_does_not_vote__art_2() -> None:
    assert voting_age(2009, E).value is False


def test_election_on_31_december_settles_the_whole_cutoff_year__art_2() -> None:
    rule = age_rule(D("2028-12-31"), 18)
    assert rule.latest_certain_birth_year == 2010
    assert rule.manual_birth_year is None
    assert voting_age(2010, D("2028-12-31")).value is True


def test_election_on_29_february_counts_from_28_february__art_2() -> None:
    day = D("2032-02-29")  # a Sunday
    assert latest_eligible_birth_date(day) == D("2014-02-28")
    assert voting_age(D("2014-02-28"), day).value is True
    assert voting_age(D("2014-03-01"), day).value is False
    assert years_before(day, 4) == D("2028-02-29")


def test_born_29_february_on_28_february_election_needs_manual_decision__art_2() -> None:
    day = D("2038-02-28")  # a Sunday in a common year; 2020 was a leap year
    assert age_rule(day, 18).manual_birth_date == D("2020-02-29")
    outcome = voting_age(D("2020-02-29"), day)
    assert outcome.value is None
    assert outcome.codes() == ("leap_day_birthday",)
    assert voting_age(D("2020-02-28"), day).value is True
    assert voting_age(D("2020-03-01"), day).value is False
    assert age_rule(E, 18).manual_birth_date is None


@given(st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
def test_voting_age_is_monotone_in_birth_date__art_2(birth: dt.date, day: dt.date) -> None:
    decided = voting_age(birth, day).value
    if decided is True:
        assert birth <= latest_eligible_birth_date(day)
        assert voting_age(birth - dt.timedelta(days=1), day).value is True
    elif decided is False:
        assert voting_age(birth + dt.timedelta(days=1), day).value is False


def test_parse_birth_accepts_date_or_year__formats_4() -> None:
    assert parse_birth("2008-03-15") == D("2008-03-15")
    assert parse_birth(" 2007 ") == 2007
    with pytest.raises(InvalidInput) as raised:
        parse_birth("15/03/2008")
    assert raised.value.problems[0].code == "bad_birth_date"


@pytest.mark.parametrize(
    "status", ["deprived_of_voting_rights", "death_sentence", "imprisoned", "lost_civil_capacity"]
)
def test_excluded_statuses_are_not_listed__art_30_1(status: str) -> None:
    outcome = status_exclusion(status)
    assert outcome.value is False
    assert outcome.codes() == (status,)
    assert outcome.reasons[0].article == "Art. 30(1)"


def test_deceased_is_not_listed_but_is_not_an_art_30_exclusion__art_29_1() -> None:
    outcome = status_exclusion("deceased")
    assert outcome.value is False
    assert outcome.reasons[0].article == "Art. 29(1)"


def test_no_status_is_listed_and_unknown_status_is_invalid__art_30() -> None:
    assert status_exclusion("").value is True
    with pytest.raises(InvalidInput) as raised:
        status_exclusion("restricted_civil_capacity")
    assert raised.value.problems[0].code == "unknown_status"


def test_permanent_resident_votes_three_contests__art_29_3() -> None:
    outcome = residence_basis(E)
    assert outcome.value is Basis.PERMANENT
    assert CONTESTS_BY_BASIS[outcome.value] == ALL_LEVELS


def test_temporary_resident_of_exactly_12_months_votes_commune__art_29_3() -> None:
    assert temporary_12m_since_cutoff(E) == D("2025-03-15")
    outcome = residence_basis(
        E, vote_at_temporary=True, has_temporary_residence=True, temporary_since=D("2025-03-15")
    )
    assert outcome.value is Basis.TEMPORARY_12M
    assert CONTESTS_BY_BASIS[Basis.TEMPORARY_12M] == ALL_LEVELS


def test_temporary_resident_under_12_months_votes_na_and_provincial__art_29_3() -> None:
    outcome = residence_basis(
        E, vote_at_temporary=True, has_temporary_residence=True, temporary_since=D("2025-03-16")
    )
    assert outcome.value is Basis.TEMPORARY
    assert CONTESTS_BY_BASIS[Basis.TEMPORARY] == NA_AND_PROVINCIAL


def test_temporary_resident_who_did_not_ask_is_listed_at_permanent_residence__form_31() -> None:
    outcome = residence_basis(
        E, vote_at_temporary=False, has_temporary_residence=True, temporary_since=D("2020-01-01")
    )
    assert outcome.value is Basis.PERMANENT
    assert residence_basis(E, vote_at_temporary=True).value is Basis.PERMANENT


def test_temporary_residence_without_date_needs_manual_decision__art_29_3() -> None:
    outcome = residence_basis(E, vote_at_temporary=True, has_temporary_residence=True)
    assert outcome.value is Basis.TEMPORARY
    assert "temporary_since_unknown" in outcome.codes()
    assert outcome.manual_decision_required


def test_temporary_residence_after_election_day_is_invalid__art_29_3() -> None:
    with pytest.raises(InvalidInput) as raised:
        residence_basis(
            E, vote_at_temporary=True, has_temporary_residence=True, temporary_since=D("2026-03-16")
        )
    assert raised.value.problems[0].code == "temporary_since_after_election_day"


@pytest.mark.parametrize(
    ("kind", "code", "article"),
    [
        ("hospital", "facility_hospital_or_care", "Form 31 notes"),
        ("care", "facility_hospital_or_care", "Form 31 notes"),
        ("detention", "facility_detention", "Art. 29(5)"),
        ("compulsory", "facility_detention", "Art. 29(5)"),
        ("military", "facility_military", "Art. 29(3), 31(2)"),
    ],
)
def test_facility_voters_vote_na_and_provincial__art_29_5_art_29_3(
    kind: str, code: str, article: str
) -> None:
    outcome = residence_basis(E, facility_kind=kind, vote_at_temporary=True, has_temporary_residence=True)
    assert outcome.value is Basis.FACILITY
    assert CONTESTS_BY_BASIS[Basis.FACILITY] == NA_AND_PROVINCIAL
    assert outcome.reasons[-1].code == code
    assert outcome.reasons[-1].article == article


def test_unknown_facility_kind_is_invalid__art_11_3() -> None:
    with pytest.raises(InvalidInput) as raised:
        residence_basis(E, facility_kind="school")
    assert raised.value.problems[0].code == "unknown_facility_kind"


def test_vote_elsewhere_in_same_province_votes_na_and_provincial__art_34() -> None:
    outcome = vote_elsewhere_contests("20", "20")
    assert outcome.value == NA_AND_PROVINCIAL
    assert not outcome.manual_decision_required


def test_vote_elsewhere_across_provinces_is_flagged_not_blocked__art_34() -> None:
    for origin, destination in (("20", "01"), (None, "01")):
        outcome = vote_elsewhere_contests(origin, destination)
        assert outcome.value == NA_AND_PROVINCIAL
        assert outcome.reasons[-1].code == "vote_elsewhere_restriction_unverified"
        assert outcome.reasons[-1].severity is Severity.MANUAL


def test_contest_table_for_set_based_pipeline__art_29_3() -> None:
    rows = contest_rows()
    assert ("permanent", True, True, True) in rows
    assert ("temporary", True, True, False) in rows
    assert {row[0] for row in rows} == {b.value for b in Basis}
    for basis in Basis:
        assert contests_for(basis).value == CONTESTS_BY_BASIS[basis]
        assert contests_for(basis).reasons[0].code == f"basis_{basis.value}"


def test_pipeline_parameters_for_2026__art_2_art_29_3() -> None:
    params = pipeline_parameters(E)
    assert params["latest_eligible_birth_date"] == D("2008-03-15")
    assert params["latest_certain_birth_year"] == 2007
    assert params["manual_birth_year"] == 2008
    assert params["manual_birth_date"] is None
    assert params["temporary_12m_since_cutoff"] == D("2025-03-15")
    assert params["list_changes_cutoff"] == dt.datetime(2026, 3, 14, 7, 0)
    assert "deceased" in params["not_listed_statuses"]
    assert "deceased" not in params["excluding_statuses"]


def test_list_changes_close_24_hours_before_voting_starts__art_29_art_30() -> None:
    assert list_changes_cutoff(E) == dt.datetime(2026, 3, 14, 7, 0)
    assert list_changes_cutoff(E, dt.time(5, 0)) == dt.datetime(2026, 3, 14, 5, 0)
    assert list_change_allowed(dt.datetime(2026, 3, 14, 6, 59), E).value is True
    closed = list_change_allowed(dt.datetime(2026, 3, 14, 7, 0), E)
    assert closed.value is False
    assert closed.codes() == ("list_changes_closed",)
    assert list_change_allowed(dt.datetime(2026, 3, 14, 6, 0), E, dt.time(6, 0)).value is False


@pytest.mark.parametrize("start", [dt.time(4, 59), dt.time(7, 1)])
def test_voting_starts_between_05_00_and_07_00__art_71_1(start: dt.time) -> None:
    with pytest.raises(InvalidInput) as raised:
        list_changes_cutoff(E, start)
    assert raised.value.problems[0].code == "voting_start_out_of_range"


def test_assess_voter_combines_status_age_and_basis__art_2_art_29_art_30() -> None:
    assert assess_voter(VoterFacts(D("1980-01-01")), E).value == ALL_LEVELS
    assert assess_voter(VoterFacts(D("1980-01-01"), status="imprisoned"), E).codes() == ("imprisoned",)
    assert assess_voter(VoterFacts(D("2010-01-01")), E).value is None
    assert assess_voter(VoterFacts(2008), E).manual_decision_required
    soldier = assess_voter(VoterFacts(D("2005-01-01"), facility_kind="military"), E)
    assert soldier.value == NA_AND_PROVINCIAL


def test_per_level_voter_totals__tc21_art_29_3() -> None:
    voters = (
        [CONTESTS_BY_BASIS[Basis.TEMPORARY]] * 40
        + [CONTESTS_BY_BASIS[Basis.FACILITY]] * 10
        + [CONTESTS_BY_BASIS[Basis.VOTE_ELSEWHERE]] * 5
        + [CONTESTS_BY_BASIS[Basis.PERMANENT]] * 900
        + [CONTESTS_BY_BASIS[Basis.TEMPORARY_12M]] * 45
    )
    totals = list_totals(voters)
    assert (totals.na, totals.provincial, totals.commune) == (1000, 1000, 945)


@given(st.lists(st.sampled_from(list(Basis))))
def test_na_total_at_least_provincial_at_least_commune__form_31(bases: list[Basis]) -> None:
    totals = list_totals(CONTESTS_BY_BASIS[b] for b in bases)
    assert totals.na >= totals.provincial >= totals.commune
    assert totals.na == len(bases)


def test_contests_is_a_plain_value() -> None:
    assert Contests(True, True, False) == NA_AND_PROVINCIAL
