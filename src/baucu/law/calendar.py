"""The statutory calendar: every step and deadline derived from an election day.

Offsets are those of Law 85/2015/QH13 as amended by Law 83/2025/QH15 (spec/law.md §12 for a general
election, [10.18]–[10.19] for a by-election). A deadline "≤N days before E" is the date E − N. The
windows of the three consultation conferences are the 2026 dates of Joint Res. 102/2025 (S5) expressed
as offsets from E, so that any election day reproduces the same shape.

The National Election Council may move steps (Art. 98(3)); :func:`apply_overrides` records such a move
together with its reason instead of editing the statutory offsets.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity

GENERAL = "general"
BY_ELECTION = "by-election"
KINDS = (GENERAL, BY_ELECTION)

# Art. 71(1): voting normally starts at 07:00; the list cut-off is 24 h before (Art. 29–30).
DEFAULT_VOTING_START = dt.time(7, 0)
# NEC Res. 40 Art. 3(2): dossiers are received until 17:00 on the deadline day.
DOSSIER_CLOSING_TIME = dt.time(17, 0)
# Art. 73: counting finishes within 24 h of the close (19:00 by default, Art. 71(1)).
DEFAULT_VOTING_END = dt.time(19, 0)


@dataclass(frozen=True)
class StepRule:
    """One statutory step as an offset from election day."""

    id: str
    offset: int
    article: str
    rule_id: str
    vi: str
    en: str
    window_offset: int | None = None
    at: dt.time | None = None


@dataclass(frozen=True)
class Step:
    """One step of an election's calendar, with its computed deadline."""

    id: str
    deadline: dt.date
    relative_days: int
    article: str
    rule_id: str
    title_vi: str
    title_en: str
    window_start: dt.date | None = None
    time: dt.time | None = None
    overridden: bool = False
    override_reason: str | None = None

    def deadline_at(self) -> dt.datetime:
        """The last moment of the step: its time where the law gives one, else the end of the day."""
        return dt.datetime.combine(self.deadline, self.time or dt.time.max)

    def as_dict(self) -> dict[str, Any]:
        """The STEP object of spec/formats.md §1."""
        out: dict[str, Any] = {
            "id": self.id,
            "deadline": self.deadline.isoformat(),
            "relative_days": self.relative_days,
            "article": self.article,
            "title": {"vi": self.title_vi, "en": self.title_en},
        }
        if self.window_start is not None:
            out["window_start"] = self.window_start.isoformat()
        return out


# fmt: off
GENERAL_STEPS: tuple[StepRule, ...] = (
    StepRule(
        "election_committees_formed", -105, "Art. 22", "3.3",
        "Thành lập Ủy ban bầu cử ở tỉnh và ở xã",
        "Provincial and commune Election Committees formed",
    ),
    StepRule(
        "consultation_1", -95, "Art. 38, 39, 50", "6.10",
        "Hội nghị hiệp thương lần thứ nhất",
        "First consultation conference",
        window_offset=-104,  # S5: 01–10/12/2025 for E = 15/03/2026
    ),
    StepRule(
        "first_adjustment", -90, "Art. 40, 51", "6.11",
        "Điều chỉnh lần thứ nhất cơ cấu, thành phần, số lượng người được giới thiệu",
        "First adjustment of structure, composition and number of nominees",
    ),
    StepRule(
        "constituencies_announced", -80, "Art. 10(2), 10(3)", "4.2",
        "Công bố số đơn vị bầu cử, danh sách đơn vị bầu cử và số đại biểu được bầu",
        "Constituencies and their seats announced",
    ),
    StepRule(
        "election_boards_formed", -70, "Art. 24", "3.5",
        "Thành lập Ban bầu cử",
        "Election Boards formed",
    ),
    StepRule(
        "voting_areas_decided", -43, "Art. 11(4)", "4.9",
        "Ủy ban nhân dân cấp xã quyết định khu vực bỏ phiếu",
        "Voting areas decided by the commune",
    ),
    StepRule(
        "election_teams_formed", -43, "Art. 25(1)", "3.9",
        "Thành lập Tổ bầu cử",
        "Election Teams formed",
    ),
    StepRule(
        "candidacy_dossier_deadline", -42, "Art. 35(1)", "6.5",
        "Hạn nộp hồ sơ ứng cử (17 giờ)",
        "Candidacy dossier deadline (17:00)",
        at=DOSSIER_CLOSING_TIME,
    ),
    StepRule(
        "consultation_2", -40, "Art. 43, 44, 53", "6.15",
        "Hội nghị hiệp thương lần thứ hai",
        "Second consultation conference",
        window_offset=-41,  # S5: 02–03/02/2026
    ),
    StepRule(
        "voter_lists_posted", -40, "Art. 32", "2.15",
        "Niêm yết danh sách cử tri",
        "Voter lists posted",
    ),
    StepRule(
        "second_adjustment", -38, "Art. 47", "6.18",
        "Điều chỉnh lần thứ hai (đại biểu Quốc hội)",
        "Second adjustment (National Assembly)",
    ),
    StepRule(
        "allegations_verified", -35, "Art. 46(4), 55(4)", "6.17",
        "Hoàn thành xác minh, trả lời các vụ việc cử tri nêu",
        "Verification of voters' allegations completed",
    ),
    StepRule(
        "consultation_3", -23, "Art. 48, 49, 56", "6.19",
        "Hội nghị hiệp thương lần thứ ba",
        "Third consultation conference",
        window_offset=-34,  # S5: 09–20/02/2026
    ),
    StepRule(
        "front_lists_sent", -21, "Art. 57(1)(2), 58(1)", "6.20",
        "Mặt trận gửi biên bản hiệp thương lần thứ ba và danh sách người đủ tiêu chuẩn",
        "Front sends third-consultation minutes and lists",
    ),
    StepRule(
        "official_candidate_lists", -17, "Art. 57(4), 58(2), 23(1)(g)", "6.21",
        "Công bố danh sách chính thức người ứng cử",
        "Official candidate lists announced",
    ),
    StepRule(
        "candidate_lists_posted", -16, "Art. 57(7), 59", "6.23",
        "Niêm yết danh sách người ứng cử tại khu vực bỏ phiếu",
        "Candidate lists posted in the voting areas",
    ),
    StepRule(
        "ballots_to_teams", -13, "Art. 24(3)(d)", "3.8",
        "Ban bầu cử phân phối tài liệu, phiếu bầu cho Tổ bầu cử",
        "Boards distribute ballots and materials to Teams",
    ),
    StepRule(
        "candidate_complaints_freeze", -10, "Art. 61(2), 70", "11.3",
        "Ngừng xem xét khiếu nại về người ứng cử; Tổ bầu cử thông báo ngày bầu cử",
        "Candidate complaints frozen; Teams start daily election notices",
    ),
    StepRule(
        "voter_list_changes_cutoff", -1, "Art. 29, 30", "2.20",
        "Hết hạn bổ sung, xóa tên trong danh sách cử tri (trước giờ bỏ phiếu 24 giờ)",
        "Voter-list changes close (24 h before voting starts)",
        at=DEFAULT_VOTING_START,
    ),
    StepRule(
        "campaign_ends", -1, "Art. 64", "7.2",
        "Kết thúc vận động bầu cử (trước giờ bỏ phiếu 24 giờ)",
        "Campaign ends (24 h before voting starts)",
        at=DEFAULT_VOTING_START,
    ),
    StepRule(
        "election_day", 0, "Art. 5, 71", "8.1",
        "Ngày bầu cử",
        "Election day",
        at=DEFAULT_VOTING_START,
    ),
    StepRule(
        "team_minutes_sent", 3, "Art. 76(3)", "9.12",
        "Tổ bầu cử gửi biên bản kết quả kiểm phiếu",
        "Teams send counting minutes",
    ),
    StepRule(
        "constituency_minutes", 5, "Art. 77", "9.15",
        "Ban bầu cử gửi biên bản xác định kết quả bầu cử ở đơn vị bầu cử",
        "Boards send constituency result minutes",
    ),
    StepRule(
        "provincial_na_minutes", 7, "Art. 83", "10.13",
        "Ủy ban bầu cử ở tỉnh gửi biên bản kết quả bầu cử đại biểu Quốc hội",
        "Provincial Election Committee sends the National Assembly result minutes",
    ),
    StepRule(
        "supplementary_and_rerun_deadline", 7, "Art. 79(3), 80, 81", "10.8",
        "Hạn tổ chức bầu cử thêm, bầu cử lại",
        "Last day for supplementary elections and re-runs",
    ),
    StepRule(
        "results_announced", 10, "Art. 86", "10.16",
        "Công bố kết quả bầu cử",
        "Results announced",
    ),
)
# fmt: on

# Rows of spec/law.md §12 that formats.md §1 does not list: shown on request, never in the
# interchange document (whose step ids are a fixed contract).
# fmt: off
GENERAL_SUPPLEMENTARY_STEPS: tuple[StepRule, ...] = (
    StepRule(
        "election_day_announced", -115, "Art. 5", "8.1",
        "Công bố ngày bầu cử",
        "Election day announced",
    ),
    StepRule(
        "structure_planned", -105, "Art. 8, 9", "6.9",
        "Dự kiến cơ cấu, thành phần người được giới thiệu ứng cử",
        "Structure and composition of nominees planned",
    ),
    StepRule(
        "dossier_filing_opens", -90, "NEC Res. 40 Art. 3", "6.5",
        "Bắt đầu nhận hồ sơ ứng cử",
        "Candidacy dossier filing opens",
    ),
    StepRule(
        "nominations", -49, "Art. 41, 42, 52", "6.12",
        "Giới thiệu người ứng cử, hội nghị cử tri nơi công tác",
        "Nominations by agencies and villages (workplace voter conferences)",
        window_offset=-88,  # S5: 17/12/2025–25/01/2026
    ),
    StepRule(
        "voter_conferences", -35, "Art. 45, 54", "6.16",
        "Hội nghị cử tri nơi cư trú",
        "Residence voter conferences",
        window_offset=-39,  # S5: 04–08/02/2026
    ),
    StepRule(
        "campaign_starts", -17, "Art. 64", "7.2",
        "Bắt đầu vận động bầu cử",
        "Campaign period starts",
    ),
    StepRule(
        "counting_finished", 1, "Art. 73", "9.6",
        "Hoàn thành kiểm phiếu (trong 24 giờ)",
        "Counting finished (within 24 h)",
        at=DEFAULT_VOTING_END,
    ),
    StepRule(
        "first_council_session", 45, "Res. 199/2025/QH15", "12",
        "Kỳ họp thứ nhất Hội đồng nhân dân",
        "First People's Council session",
    ),
    StepRule(
        "first_na_session", 60, "Res. 199/2025/QH15", "12",
        "Kỳ họp thứ nhất Quốc hội khóa mới",
        "First session of the new National Assembly",
    ),
)
# fmt: on

# Art. 89–93 and UBTVQH Res. 101/2025 Art. 8. Art. 91 applies Chapter IV (voter lists, hence the
# 24-hour cut-off) and Art. 93 applies Chapters VII–VIII (voting, minutes, results) to by-elections.
# fmt: off
BY_ELECTION_STEPS: tuple[StepRule, ...] = (
    StepRule(
        "by_election_day_announced", -30, "Art. 89(4)", "10.18",
        "Công bố ngày bầu cử bổ sung",
        "By-election day announced",
    ),
    StepRule(
        "by_election_bodies_formed", -20, "Art. 90(1)(2)", "10.19",
        "Thành lập Ban bầu cử bổ sung (Quốc hội), Ủy ban bầu cử bổ sung (Hội đồng nhân dân)",
        "By-election Board (National Assembly) and by-election Committee (People's Council) formed",
    ),
    StepRule(
        "consultation_1", -20, "Res. 101/2025 Art. 8", "10.19",
        "Hội nghị hiệp thương lần thứ nhất",
        "First consultation conference",
    ),
    StepRule(
        "nominations", -19, "Res. 101/2025 Art. 8", "10.19",
        "Giới thiệu người ứng cử",
        "Nominations",
    ),
    StepRule(
        "candidacy_dossier_deadline", -18, "Art. 92(1)", "10.19",
        "Hạn nộp hồ sơ ứng cử",
        "Candidacy dossier deadline",
    ),
    StepRule(
        "consultation_2", -16, "Res. 101/2025 Art. 8", "10.19",
        "Hội nghị hiệp thương lần thứ hai",
        "Second consultation conference",
    ),
    StepRule(
        "by_election_boards_and_teams_formed", -15, "Art. 90(2)(3)", "10.19",
        "Thành lập Ban bầu cử bổ sung (Hội đồng nhân dân) và Tổ bầu cử bổ sung",
        "By-election Boards (People's Council) and Teams formed",
    ),
    StepRule(
        "voter_lists_posted", -15, "Art. 91", "10.19",
        "Công bố danh sách cử tri",
        "Voter lists published",
    ),
    StepRule(
        "voter_conferences", -14, "Res. 101/2025 Art. 8", "10.19",
        "Hội nghị cử tri",
        "Voter conferences",
    ),
    StepRule(
        "consultation_3", -12, "Art. 92(2); Res. 101/2025 Art. 8", "10.19",
        "Hội nghị hiệp thương lần thứ ba (hoàn thành hiệp thương)",
        "Third consultation conference (consultations completed)",
    ),
    StepRule(
        "official_candidate_lists", -10, "Art. 92(3)", "10.19",
        "Công bố danh sách chính thức người ứng cử",
        "Official candidate lists announced",
    ),
    StepRule(
        "voter_list_changes_cutoff", -1, "Art. 29, 30, 91", "2.20",
        "Hết hạn bổ sung, xóa tên trong danh sách cử tri (trước giờ bỏ phiếu 24 giờ)",
        "Voter-list changes close (24 h before voting starts)",
        at=DEFAULT_VOTING_START,
    ),
    StepRule(
        "campaign_ends", -1, "Art. 64", "7.2",
        "Kết thúc vận động bầu cử (trước giờ bỏ phiếu 24 giờ)",
        "Campaign ends (24 h before voting starts)",
        at=DEFAULT_VOTING_START,
    ),
    StepRule(
        "election_day", 0, "Art. 89(4), 71", "10.18",
        "Ngày bầu cử bổ sung",
        "By-election day",
        at=DEFAULT_VOTING_START,
    ),
    StepRule(
        "team_minutes_sent", 3, "Art. 76(3), 93", "9.12",
        "Tổ bầu cử gửi biên bản kết quả kiểm phiếu",
        "Teams send counting minutes",
    ),
    StepRule(
        "constituency_minutes", 5, "Art. 77, 93", "9.15",
        "Ban bầu cử gửi biên bản xác định kết quả bầu cử",
        "Boards send constituency result minutes",
    ),
    StepRule(
        "supplementary_and_rerun_deadline", 7, "Art. 79(3), 80, 81, 93", "10.8",
        "Hạn tổ chức bầu cử thêm, bầu cử lại",
        "Last day for supplementary elections and re-runs",
    ),
    StepRule(
        "results_announced", 10, "Art. 86, 93", "10.16",
        "Công bố kết quả bầu cử",
        "Results announced",
    ),
)
# fmt: on


class StepStatus(StrEnum):
    DONE = "done"
    UPCOMING = "upcoming"  # a window that has not opened yet
    DUE = "due"  # open and not yet past its deadline
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Override:
    """A step moved by the National Election Council (Art. 98(3)), with the reason recorded."""

    deadline: dt.date
    reason: str
    window_start: dt.date | None = None


def check_election_day(election_day: dt.date, kind: str = GENERAL) -> None:
    """Raise :class:`InvalidInput` unless ``kind`` is known and the day is a Sunday (Art. 5, 89(4))."""
    problems: list[Problem] = []
    if kind not in KINDS:
        problems.append(
            Problem("kind", "spec/formats.md §1", "invalid_kind", f"kind must be one of {', '.join(KINDS)}")
        )
    if election_day.weekday() != 6:
        article = "Art. 89(4)" if kind == BY_ELECTION else "Art. 5"
        problems.append(
            Problem(
                "election_day",
                article,
                "election_day_not_sunday",
                f"{election_day.isoformat()} is a {election_day.strftime('%A')}, not a Sunday",
            )
        )
    if problems:
        raise InvalidInput(problems)


def _rules(kind: str, include_supplementary: bool) -> tuple[StepRule, ...]:
    if kind == BY_ELECTION:
        return BY_ELECTION_STEPS
    return GENERAL_STEPS + (GENERAL_SUPPLEMENTARY_STEPS if include_supplementary else ())


def _step(rule: StepRule, election_day: dt.date) -> Step:
    window = None if rule.window_offset is None else election_day + dt.timedelta(days=rule.window_offset)
    return Step(
        id=rule.id,
        deadline=election_day + dt.timedelta(days=rule.offset),
        relative_days=rule.offset,
        article=rule.article,
        rule_id=rule.rule_id,
        title_vi=rule.vi,
        title_en=rule.en,
        window_start=window,
        time=rule.at,
    )


def calendar_steps(
    election_day: dt.date, kind: str = GENERAL, *, include_supplementary: bool = False
) -> tuple[Step, ...]:
    """Every step of the election's calendar, in order of deadline (ties keep statutory order).

    ``include_supplementary`` adds the rows of spec/law.md §12 that are not interchange steps
    (announcement of the day, nomination and voter-conference windows, first sessions, ...).
    """
    check_election_day(election_day, kind)
    rules = _rules(kind, include_supplementary)
    indexed = sorted(enumerate(rules), key=lambda pair: (pair[1].offset, pair[0]))
    return tuple(_step(rule, election_day) for _, rule in indexed)


def calendar_document(election_day: dt.date, kind: str = GENERAL) -> dict[str, Any]:
    """The output of ``baucu law calendar`` (spec/formats.md §1)."""
    steps = calendar_steps(election_day, kind)
    return {
        "election_day": election_day.isoformat(),
        "kind": kind,
        "steps": [step.as_dict() for step in steps],
    }


def apply_overrides(
    steps: Sequence[Step], election_day: dt.date, overrides: Mapping[str, Override]
) -> tuple[Step, ...]:
    """The steps with the National Election Council's moves applied (Art. 98(3)).

    Every override needs a known step id and a non-empty reason, and a window may not open after its
    new deadline; all problems are reported together. Steps are re-sorted by their new deadlines.
    """
    known = {step.id for step in steps}
    problems: list[Problem] = []
    for step_id, override in overrides.items():
        where = f"overrides.{step_id}"
        if step_id not in known:
            problems.append(Problem(where, "Art. 98(3)", "unknown_step", f"no step with id {step_id!r}"))
        if not override.reason.strip():
            problems.append(
                Problem(
                    where, "Art. 98(3)", "override_reason_required", "a moved step needs a recorded reason"
                )
            )
        if override.window_start is not None and override.window_start > override.deadline:
            problems.append(
                Problem(where, "Art. 98(3)", "window_after_deadline", "the window opens after its deadline")
            )
    if problems:
        raise InvalidInput(problems)

    moved: list[Step] = []
    for step in steps:
        move = overrides.get(step.id)
        if move is None:
            moved.append(step)
            continue
        window = move.window_start if move.window_start is not None else step.window_start
        if window is not None and window > move.deadline:
            window = move.deadline  # the old window start would lie after the new deadline
        moved.append(
            replace(
                step,
                deadline=move.deadline,
                relative_days=(move.deadline - election_day).days,
                window_start=window,
                overridden=True,
                override_reason=move.reason.strip(),
            )
        )
    order = {step.id: index for index, step in enumerate(steps)}
    return tuple(sorted(moved, key=lambda s: (s.deadline, order[s.id])))


def step_status(step: Step, today: dt.date, done: Collection[str]) -> StepStatus:
    """Where a step stands on ``today``; whether it was done is a fact recorded outside the law core."""
    if step.id in done:
        return StepStatus.DONE
    if today > step.deadline:
        return StepStatus.OVERDUE
    if step.window_start is not None and today < step.window_start:
        return StepStatus.UPCOMING
    return StepStatus.DUE


def find_step(steps: Iterable[Step], step_id: str) -> Step:
    """The step with ``step_id``; an unknown id is invalid input."""
    for step in steps:
        if step.id == step_id:
            return step
    raise InvalidInput([Problem("step_id", "Art. 98(3)", "unknown_step", f"no step with id {step_id!r}")])


def requires_justification(
    step_id: str, action_date: dt.date | dt.datetime, steps: Iterable[Step]
) -> Outcome[bool]:
    """Whether an action for ``step_id`` on ``action_date`` is late and needs a recorded justification.

    A ``datetime`` is compared with the step's time where the law gives one (dossiers until 17:00);
    a plain date is late only after the deadline day.
    """
    step = find_step(steps, step_id)
    if isinstance(action_date, dt.datetime):
        late = action_date > step.deadline_at()
    else:
        late = action_date > step.deadline
    if not late:
        return Outcome(False)
    when = step.deadline.strftime("%d/%m/%Y") + (f" {step.time.strftime('%H:%M')}" if step.time else "")
    return Outcome(
        True,
        (
            Reason(
                code="deadline_passed_justification_required",
                article=step.article,
                rule_id=step.rule_id,
                vi=f"Đã quá hạn «{step.title_vi}» ({when}): cần ghi rõ lý do.",
                en=f"The deadline of “{step.title_en}” ({when}) has passed: record a justification.",
                severity=Severity.MANUAL,
            ),
        ),
    )
