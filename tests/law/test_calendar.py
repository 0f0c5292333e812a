"""The statutory calendar (spec/law.md §12, [10.18]–[10.19]; spec/formats.md §1)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baucu.law.calendar import (
    BY_ELECTION,
    Override,
    StepStatus,
    apply_overrides,
    calendar_document,
    calendar_steps,
    find_step,
    requires_justification,
    step_status,
)
from baucu.law.outcome import InvalidInput, Severity

E = dt.date(2026, 3, 15)
D = dt.date.fromisoformat

FORMATS_IDS = [
    "election_committees_formed",
    "consultation_1",
    "first_adjustment",
    "constituencies_announced",
    "election_boards_formed",
    "election_teams_formed",
    "voting_areas_decided",
    "candidacy_dossier_deadline",
    "consultation_2",
    "voter_lists_posted",
    "second_adjustment",
    "allegations_verified",
    "consultation_3",
    "front_lists_sent",
    "official_candidate_lists",
    "candidate_lists_posted",
    "ballots_to_teams",
    "candidate_complaints_freeze",
    "voter_list_changes_cutoff",
    "campaign_ends",
    "election_day",
    "team_minutes_sent",
    "constituency_minutes",
    "provincial_na_minutes",
    "supplementary_and_rerun_deadline",
    "results_announced",
]

# spec/law.md §12, E = Sun 15/03/2026: every dated row with a formats.md §1 id.
DATES_2026 = {
    "election_committees_formed": "2025-11-30",
    "consultation_1": "2025-12-10",
    "first_adjustment": "2025-12-15",
    "constituencies_announced": "2025-12-25",
    "election_boards_formed": "2026-01-04",
    "voting_areas_decided": "2026-01-31",
    "election_teams_formed": "2026-01-31",
    "candidacy_dossier_deadline": "2026-02-01",
    "consultation_2": "2026-02-03",
    "voter_lists_posted": "2026-02-03",
    "second_adjustment": "2026-02-05",
    "allegations_verified": "2026-02-08",
    "consultation_3": "2026-02-20",
    "front_lists_sent": "2026-02-22",
    "official_candidate_lists": "2026-02-26",
    "candidate_lists_posted": "2026-02-27",
    "ballots_to_teams": "2026-03-02",
    "candidate_complaints_freeze": "2026-03-05",
    "voter_list_changes_cutoff": "2026-03-14",
    "campaign_ends": "2026-03-14",
    "election_day": "2026-03-15",
    "team_minutes_sent": "2026-03-18",
    "constituency_minutes": "2026-03-20",
    "provincial_na_minutes": "2026-03-22",
    "supplementary_and_rerun_deadline": "2026-03-22",
    "results_announced": "2026-03-25",
}
WINDOWS_2026 = {
    "consultation_1": "2025-12-01",
    "consultation_2": "2026-02-02",
    "consultation_3": "2026-02-09",
}

sundays = st.dates(dt.date(2000, 1, 2), dt.date(2199, 12, 31)).map(
    lambda d: d + dt.timedelta(days=(6 - d.weekday()) % 7)
)


def test_general_calendar_reproduces_every_2026_date__section_12() -> None:
    doc = calendar_document(E)
    assert doc["election_day"] == "2026-03-15"
    assert doc["kind"] == "general"
    assert [s["id"] for s in doc["steps"]] == list(DATES_2026)
    assert sorted(s["id"] for s in doc["steps"]) == sorted(FORMATS_IDS)
    for step in doc["steps"]:
        assert step["deadline"] == DATES_2026[step["id"]], step["id"]
        assert step["relative_days"] == (D(step["deadline"]) - E).days
        assert step.get("window_start") == WINDOWS_2026.get(step["id"])
        assert set(step) <= {"id", "deadline", "relative_days", "article", "title", "window_start"}
        assert step["article"]
        assert step["title"]["vi"]
        assert step["title"]["en"]


def test_dossier_deadline_is_17_00_and_list_cutoff_07_00_the_day_before__art_35_1_art_29() -> None:
    steps = calendar_steps(E)
    assert find_step(steps, "candidacy_dossier_deadline").deadline_at() == dt.datetime(2026, 2, 1, 17, 0)
    assert find_step(steps, "voter_list_changes_cutoff").deadline_at() == dt.datetime(2026, 3, 14, 7, 0)
    assert find_step(steps, "results_announced").time is None


def test_supplementary_rows_of_section_12_on_request__section_12() -> None:
    steps = {s.id: s for s in calendar_steps(E, include_supplementary=True)}
    assert steps["election_day_announced"].deadline == D("2025-11-20")
    assert steps["dossier_filing_opens"].deadline == D("2025-12-15")
    assert steps["nominations"].window_start == D("2025-12-17")
    assert steps["nominations"].deadline == D("2026-01-25")
    assert steps["voter_conferences"].window_start == D("2026-02-04")
    assert steps["voter_conferences"].deadline == D("2026-02-08")
    assert steps["counting_finished"].deadline_at() == dt.datetime(2026, 3, 16, 19, 0)
    assert steps["first_council_session"].deadline == D("2026-04-29")
    assert steps["first_na_session"].deadline == D("2026-05-14")
    assert "nominations" not in {s["id"] for s in calendar_document(E)["steps"]}


def test_by_election_steps__art_89_to_92_res_101_art_8() -> None:
    day = D("2028-06-04")
    doc = calendar_document(day, BY_ELECTION)
    assert doc["kind"] == "by-election"
    offsets = {s["id"]: s["relative_days"] for s in doc["steps"]}
    assert offsets == {
        "by_election_day_announced": -30,
        "by_election_bodies_formed": -20,
        "consultation_1": -20,
        "nominations": -19,
        "candidacy_dossier_deadline": -18,
        "consultation_2": -16,
        "by_election_boards_and_teams_formed": -15,
        "voter_lists_posted": -15,
        "voter_conferences": -14,
        "consultation_3": -12,
        "official_candidate_lists": -10,
        "voter_list_changes_cutoff": -1,
        "campaign_ends": -1,
        "election_day": 0,
        "team_minutes_sent": 3,
        "constituency_minutes": 5,
        "supplementary_and_rerun_deadline": 7,
        "results_announced": 10,
    }
    assert all(
        s["deadline"] == (day + dt.timedelta(days=s["relative_days"])).isoformat() for s in doc["steps"]
    )


def test_election_day_must_be_a_sunday__art_5() -> None:
    with pytest.raises(InvalidInput) as raised:
        calendar_document(D("2026-03-14"))
    assert [p.code for p in raised.value.problems] == ["election_day_not_sunday"]
    assert raised.value.problems[0].rule == "Art. 5"


def test_by_election_day_must_be_a_sunday__art_89_4() -> None:
    with pytest.raises(InvalidInput) as raised:
        calendar_document(D("2028-06-05"), BY_ELECTION)
    assert raised.value.problems[0].rule == "Art. 89(4)"


def test_unknown_kind_is_invalid_and_all_problems_are_listed__formats_1() -> None:
    with pytest.raises(InvalidInput) as raised:
        calendar_document(D("2026-03-16"), "local")
    assert [p.code for p in raised.value.problems] == ["invalid_kind", "election_day_not_sunday"]


@given(sundays)
def test_steps_keep_their_relative_order_for_any_sunday__section_12(day: dt.date) -> None:
    for kind in ("general", BY_ELECTION):
        reference = [s.id for s in calendar_steps(E if kind == "general" else D("2028-06-04"), kind)]
        steps = calendar_steps(day, kind, include_supplementary=False)
        assert [s.id for s in steps] == reference
        assert all(a.deadline <= b.deadline for a, b in itertools.pairwise(steps))
        assert all(s.window_start is None or s.window_start <= s.deadline for s in steps)
        assert find_step(steps, "election_day").deadline == day


def test_nec_moves_a_step_with_a_recorded_reason__art_98_3() -> None:
    steps = calendar_steps(E)
    moved = apply_overrides(
        steps, E, {"ballots_to_teams": Override(D("2026-03-06"), "  storm delayed printing  ")}
    )
    step = find_step(moved, "ballots_to_teams")
    assert step.overridden
    assert step.override_reason == "storm delayed printing"
    assert step.relative_days == -9
    assert [s.id for s in moved].index("ballots_to_teams") > [s.id for s in moved].index(
        "candidate_complaints_freeze"
    )
    assert not find_step(moved, "election_day").overridden


def test_override_of_a_window_moves_or_clamps_its_start__art_98_3() -> None:
    steps = calendar_steps(E)
    earlier = apply_overrides(steps, E, {"consultation_3": Override(D("2026-02-05"), "moved")})
    assert find_step(earlier, "consultation_3").window_start == D("2026-02-05")
    explicit = apply_overrides(
        steps, E, {"consultation_3": Override(D("2026-02-22"), "moved", window_start=D("2026-02-12"))}
    )
    assert find_step(explicit, "consultation_3").window_start == D("2026-02-12")
    later = apply_overrides(steps, E, {"consultation_3": Override(D("2026-02-21"), "moved")})
    assert find_step(later, "consultation_3").window_start == D("2026-02-09")


def test_override_problems_are_all_reported__art_98_3() -> None:
    with pytest.raises(InvalidInput) as raised:
        apply_overrides(
            calendar_steps(E),
            E,
            {
                "no_such_step": Override(E, "x"),
                "consultation_2": Override(D("2026-02-01"), " ", window_start=D("2026-02-02")),
            },
        )
    assert [p.code for p in raised.value.problems] == [
        "unknown_step",
        "override_reason_required",
        "window_after_deadline",
    ]


def test_step_status_done_upcoming_due_overdue() -> None:
    steps = calendar_steps(E)
    c1 = find_step(steps, "consultation_1")
    assert step_status(c1, D("2025-11-30"), set()) is StepStatus.UPCOMING
    assert step_status(c1, D("2025-12-01"), set()) is StepStatus.DUE
    assert step_status(c1, D("2025-12-10"), set()) is StepStatus.DUE
    assert step_status(c1, D("2025-12-11"), set()) is StepStatus.OVERDUE
    assert step_status(c1, D("2025-12-11"), {"consultation_1"}) is StepStatus.DONE
    boards = find_step(steps, "election_boards_formed")
    assert step_status(boards, D("2025-10-01"), ()) is StepStatus.DUE


def test_late_action_requires_justification__art_98_3() -> None:
    steps = calendar_steps(E)
    assert requires_justification("election_teams_formed", D("2026-01-31"), steps).value is False
    late = requires_justification("election_teams_formed", D("2026-02-01"), steps)
    assert late.value is True
    assert late.codes() == ("deadline_passed_justification_required",)
    assert late.reasons[0].severity is Severity.MANUAL
    assert late.reasons[0].article == "Art. 25(1)"
    assert "31/01/2026" in late.reasons[0].vi


def test_dossier_after_17_00_on_the_last_day_is_late__art_35_1() -> None:
    steps = calendar_steps(E)
    on_time = requires_justification("candidacy_dossier_deadline", dt.datetime(2026, 2, 1, 17, 0), steps)
    assert on_time.value is False
    late = requires_justification("candidacy_dossier_deadline", dt.datetime(2026, 2, 1, 17, 1), steps)
    assert late.value is True
    assert "01/02/2026 17:00" in late.reasons[0].en
    evening = requires_justification("voting_areas_decided", dt.datetime(2026, 1, 31, 23, 59), steps)
    assert evening.value is False


def test_unknown_step_for_justification_is_invalid() -> None:
    with pytest.raises(InvalidInput) as raised:
        requires_justification("nope", E, calendar_steps(E))
    assert raised.value.problems[0].code == "unknown_step"
