"""Complaints about a voter list (spec/law.md [2.16], [11.1]; Art. 33)."""

from __future__ import annotations

import datetime as dt

import pytest

from baucu.law.list_complaints import (
    ComplaintOutcome,
    check_complaint_subject,
    check_correction,
    check_decision,
    decided_late,
)

E = dt.date(2026, 3, 15)


def test_art_33_a_complaint_goes_to_the_commune_that_made_the_list() -> None:
    assert check_complaint_subject("06016").ok
    assert check_complaint_subject("06016", area_commune="06016", voter_commune="06016").ok
    assert check_complaint_subject("06016", area_commune="06017").codes() == ("complaint_outside_commune",)
    assert check_complaint_subject("06016", voter_commune="06017").codes() == ("complaint_outside_commune",)


def test_art_33_a_decision_gives_its_outcome_and_content_once() -> None:
    assert check_decision(ComplaintOutcome.UPHELD, "Sửa tên").ok
    assert check_decision("rejected", "Không có căn cứ").ok
    assert check_decision("maybe", "…").codes() == ("decision_incomplete",)
    assert check_decision(ComplaintOutcome.UPHELD, "  ").codes() == ("decision_incomplete",)
    again = check_decision(ComplaintOutcome.UPHELD, "Sửa tên", already_decided=True)
    assert again.codes() == ("complaint_already_decided",)


def test_art_33_a_decision_after_the_5_days_is_late() -> None:
    due = dt.date(2026, 2, 10)
    assert not decided_late(due, due)
    assert decided_late(due + dt.timedelta(days=1), due)


@pytest.mark.parametrize(
    ("outcome", "names_voter", "listed", "code"),
    [
        (ComplaintOutcome.REJECTED, True, True, "correction_needs_upheld_complaint"),
        (ComplaintOutcome.UPHELD, False, True, "correction_needs_upheld_complaint"),
        (ComplaintOutcome.UPHELD, True, False, "correction_of_row_not_listed"),
    ],
)
def test_art_33_only_an_upheld_complaint_about_a_listed_voter_corrects_a_row(
    outcome: str, names_voter: bool, listed: bool, code: str
) -> None:
    refused = check_correction(outcome, names_voter=names_voter, voter_listed=listed, election_day=E)
    assert refused.codes() == (code,)
    assert refused.reasons[0].article == "Art. 33"


def test_art_33_a_corrected_sex_is_one_of_form_31s_columns() -> None:
    assert check_correction("upheld", names_voter=True, voter_listed=True, sex="F", election_day=E).ok
    bad = check_correction("upheld", names_voter=True, voter_listed=True, sex="X", election_day=E)
    assert bad.codes() == ("bad_gender",)


def test_art_2_art_33_a_corrected_birth_date_keeps_the_voter_18() -> None:
    adult = check_correction(
        "upheld", names_voter=True, voter_listed=True, birth_date=dt.date(2008, 3, 15), election_day=E
    )
    assert adult.ok
    young = check_correction(
        "upheld", names_voter=True, voter_listed=True, birth_date=dt.date(2008, 3, 16), election_day=E
    )
    assert young.codes() == ("corrected_birth_date_under_age",)
    assert young.reasons[0].article == "Art. 2"
