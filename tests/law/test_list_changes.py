"""Changes to a posted voter list and complaints about it (law.md [2.8]–[2.17], [11.1])."""

from __future__ import annotations

import datetime as dt

import pytest

from baucu.law.list_changes import (
    CHANGE_RULES,
    ChangeKind,
    ChangeReason,
    certificate_issue_allowed,
    change_rule,
    check_added_voter_age,
    check_still_listed,
    complaint_allowed,
    complaint_decision_due,
    complaint_window_end,
)
from baucu.law.outcome import Severity
from baucu.law.voters import Basis

POSTED = dt.date(2026, 2, 3)


@pytest.mark.parametrize(
    ("reason", "kind", "article"),
    [
        ("returning_from_abroad", ChangeKind.ADDITION, "Art. 29(4)"),
        ("rights_restored", ChangeKind.ADDITION, "Art. 30(2)"),
        ("moved_in", ChangeKind.ADDITION, "Art. 30(3)"),
        ("released", ChangeKind.ADDITION, "Art. 30(4)"),
        ("moved_out", ChangeKind.REMOVAL, "Art. 30(3)"),
        ("released_from_facility", ChangeKind.REMOVAL, "Art. 30(4)"),
        ("disqualified", ChangeKind.REMOVAL, "Art. 30(5)"),
        ("death", ChangeKind.REMOVAL, "Art. 29(1)"),
    ],
)
def test_each_reason_carries_its_article__art_29_30(reason: str, kind: ChangeKind, article: str) -> None:
    outcome = change_rule(reason, kind, "permanent" if kind is ChangeKind.ADDITION else None)
    assert outcome.value is not None
    assert outcome.value.article == article
    assert outcome.reasons[0].article == article


def test_only_disqualification_withdraws_the_card__art_30_5() -> None:
    assert [r for r, rule in CHANGE_RULES.items() if rule.withdraws_card] == [ChangeReason.DISQUALIFIED]


def test_unknown_reason_and_wrong_kind_are_errors() -> None:
    assert change_rule("bogus", ChangeKind.ADDITION).codes() == ("unknown_change_reason",)
    assert change_rule("death", ChangeKind.ADDITION, "permanent").codes() == ("reason_does_not_fit_change",)


def test_returning_citizen_is_listed_at_permanent_or_temporary_residence__art_29_4() -> None:
    assert change_rule("returning_from_abroad", ChangeKind.ADDITION, Basis.TEMPORARY).value is not None
    assert change_rule("returning_from_abroad", ChangeKind.ADDITION, Basis.FACILITY).codes() == (
        "basis_does_not_fit_reason",
    )
    assert change_rule("moved_in", ChangeKind.ADDITION, None).value is None
    assert change_rule("rights_restored", ChangeKind.ADDITION, Basis.FACILITY).value is not None


def test_certificate_from_posting__art_34() -> None:
    assert certificate_issue_allowed(dt.datetime(2026, 2, 3, 8), POSTED).value
    refused = certificate_issue_allowed(dt.datetime(2026, 2, 2, 23, 59), POSTED)
    assert not refused.value
    assert refused.reasons[0].article == "Art. 34"


def test_complaint_window_30_days_and_5_day_decision__art_33() -> None:
    assert complaint_window_end(POSTED) == dt.date(2026, 3, 5)
    assert complaint_decision_due(dt.date(2026, 3, 5)) == dt.date(2026, 3, 10)
    assert complaint_allowed(dt.date(2026, 3, 5), POSTED).value
    late = complaint_allowed(dt.date(2026, 3, 6), POSTED)
    assert (late.value, late.codes(), late.reasons[0].article) == (
        False,
        ("complaint_window_closed",),
        "Art. 33",
    )
    assert complaint_allowed(dt.date(2026, 2, 2), POSTED).codes() == ("complaint_before_posting",)


def test_art_2_an_added_voter_is_18_on_election_day() -> None:
    day = dt.date(2026, 3, 15)
    assert check_added_voter_age(dt.date(2008, 3, 15), day).ok
    young = check_added_voter_age(dt.date(2008, 3, 16), day)
    assert young.value is False
    assert [r.severity for r in young.reasons] == [Severity.ERROR]
    year_only = check_added_voter_age(2008, day)
    assert year_only.value is False
    assert year_only.manual_decision_required


def test_art_30_only_a_listed_name_is_removed() -> None:
    rule = CHANGE_RULES[ChangeReason.MOVED_OUT]
    assert check_still_listed(rule, listed=True).ok
    gone = check_still_listed(rule, listed=False)
    assert gone.codes() == ("not_listed",)
    assert gone.reasons[0].article == "Art. 30(3)"
