"""Constituency results: turnout validity, winners, ties and what happens next (law.md §10, Art. 78–80).

One constituency, one contest, one round in; who is elected and the next step out
(spec/formats.md §3). The decision depends only on the counts, never on the order of the input:
candidates are ranked by votes, then age (Art. 78(4)), then id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from baucu.law.fields import Fields
from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity

CONTESTS = ("na", "provincial", "commune")
ROUNDS = ("first", "supplementary", "rerun")
MAX_SEATS = {"na": 3, "provincial": 5, "commune": 5}  # Art. 10(4)

NONE = "none"
RERUN = "rerun"
SUPPLEMENTARY_DECISION = "supplementary_decision"
SUPPLEMENTARY_ELECTION = "supplementary_election"
MANUAL_DECISION = "manual_decision"


@dataclass(frozen=True)
class Candidate:
    id: str
    votes: int
    birth_date: dt.date | None = None
    name: str = ""


@dataclass(frozen=True)
class ConstituencyCount:
    """The totals of one constituency for one contest and round (the Board's minutes, Forms 19/24)."""

    contest: str
    round: str
    seats: int
    voters_on_list: int
    voters_voted: int
    valid_ballots: int
    candidates: tuple[Candidate, ...]
    invalid_ballots: int | None = None


@dataclass(frozen=True)
class Supplementary:
    seats: int
    candidates: tuple[str, ...]

    def as_dict(self) -> dict[str, Any]:
        return {"seats": self.seats, "candidates": list(self.candidates)}


@dataclass(frozen=True)
class ConstituencyResult:
    turnout_valid: bool
    elected: tuple[str, ...]
    unfilled_seats: int
    next_step: str
    supplementary: Supplementary | None = None
    tied: tuple[str, ...] = field(default_factory=tuple)


def result_as_dict(outcome: Outcome[ConstituencyResult], language: str = "vi") -> dict[str, Any]:
    """The output object of spec/formats.md §3."""
    result = outcome.value
    return {
        "turnout_valid": result.turnout_valid,
        "elected": list(result.elected),
        "unfilled_seats": result.unfilled_seats,
        "next_step": result.next_step,
        "supplementary": result.supplementary.as_dict() if result.supplementary else None,
        "tied": list(result.tied),
        "reasons": [r.as_dict(language) for r in outcome.reasons],
    }


# --- reasons ------------------------------------------------------------------------------------


def _reason(
    code: str, article: str, rule_id: str, vi: str, en: str, severity: Severity = Severity.INFO
) -> Reason:
    return Reason(code, article, rule_id, vi, en, severity)


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids) if ids else "—"


def _turnout_reason(count: ConstituencyCount, valid: bool) -> Reason:
    figures = f"{count.voters_voted}/{count.voters_on_list}"
    if valid:
        return _reason(
            "turnout_above_half",
            "Art. 78(1)",
            "10.2",
            f"Số cử tri đi bầu ({figures}) quá một nửa tổng số cử tri trong danh sách: kết quả được công "
            "nhận.",
            f"More than half of the listed voters voted ({figures}): the result counts.",
        )
    return _reason(
        "turnout_not_above_half",
        "Art. 78(1)",
        "10.2",
        f"Số cử tri đi bầu ({figures}) không quá một nửa tổng số cử tri trong danh sách.",
        f"No more than half of the listed voters voted ({figures}).",
    )


RERUN_REQUIRED = _reason(
    "rerun_required",
    "Art. 80",
    "10.9",
    "Phải bầu cử lại trong đơn vị bầu cử với danh sách người ứng cử như lần đầu; phiếu bầu lần đầu không "
    "dùng "
    "để xác định người trúng cử.",
    "A re-run is required in the constituency with the same candidate list; the first round's votes do not "
    "decide winners.",
)
RERUN_RECOGNISED = _reason(
    "rerun_result_recognised",
    "Art. 80",
    "10.9",
    "Bầu cử lại: kết quả được công nhận dù số cử tri đi bầu không quá một nửa; không bầu cử lại lần nữa.",
    "Re-run: the result is recognised even though no more than half of the listed voters voted; no third "
    "round.",
)
SUPPLEMENTARY_TURNOUT_UNSETTLED = _reason(
    "supplementary_turnout_not_above_half",
    "Art. 78(1), 79(3)",
    "10.8",
    "Bầu cử thêm có số cử tri đi bầu không quá một nửa: luật không quy định cách xử lý; cần quyết định của "
    "cơ "
    "quan có thẩm quyền.",
    "No more than half of the listed voters voted in a supplementary election: the law does not say what "
    "follows; a recorded decision is required.",
    Severity.MANUAL,
)


def _majority_reason(winners: Sequence[str], half: Sequence[str], valid: int) -> Reason:
    vi = f"Người trúng cử phải được quá một nửa số phiếu hợp lệ ({valid}): đạt {_ids(winners)}."
    en = f"A winner needs more than half of the {valid} valid ballots: reached by {_ids(winners)}."
    if half:
        vi += f" Được đúng một nửa (không đủ): {_ids(half)}."
        en += f" Exactly half (not enough): {_ids(half)}."
    return _reason("majority_of_valid", "Art. 78(2)", "10.3", vi, en)


def _highest_reason(seats: int, qualified: int) -> Reason:
    return _reason(
        "highest_votes_win",
        "Art. 78(3)",
        "10.4",
        f"{qualified} người đạt quá một nửa số phiếu hợp lệ cho {seats} ghế: người nhiều phiếu hơn trúng cử.",
        f"{qualified} candidates have more than half of the valid ballots for {seats} seats: the highest "
        "win.",
    )


def _older_wins_reason(winners: Sequence[str], tie: Sequence[str]) -> Reason:
    return _reason(
        "tie_older_wins",
        "Art. 78(4)",
        "10.5",
        f"Số phiếu bằng nhau ở ghế cuối ({_ids(tie)}): người nhiều tuổi hơn trúng cử ({_ids(winners)}).",
        f"Tie for the last seat ({_ids(tie)}): the older candidate wins ({_ids(winners)}).",
    )


def _tie_manual_reason(tied: Sequence[str], missing_birth_date: bool) -> Reason:
    if missing_birth_date:
        return _reason(
            "tie_birth_date_missing",
            "Art. 78(4)",
            "10.5",
            f"Số phiếu bằng nhau ở ghế cuối nhưng thiếu ngày sinh để so tuổi ({_ids(tied)}): cần quyết định.",
            f"Tie for the last seat but a birth date needed to compare ages is missing ({_ids(tied)}): "
            "a recorded decision is required.",
            Severity.MANUAL,
        )
    return _reason(
        "tie_identical_birth_dates",
        "Art. 78(4)",
        "10.5",
        f"Số phiếu bằng nhau ở ghế cuối và cùng ngày sinh ({_ids(tied)}): luật không quy định; cần quyết "
        "định.",
        f"Tie for the last seat with identical birth dates ({_ids(tied)}): the law does not settle it; "
        "a recorded decision is required.",
        Severity.MANUAL,
    )


def _na_shortfall_reason(missing: int) -> Reason:
    return _reason(
        "na_shortfall_nec_decides",
        "Art. 79(1)",
        "10.6",
        f"Số người trúng cử ít hơn số đại biểu được bầu ({missing} ghế): Hội đồng bầu cử quốc gia xem xét, "
        "quyết định việc bầu cử thêm.",
        f"Fewer winners than seats ({missing} unfilled): the National Election Council decides whether a "
        "supplementary election is held.",
    )


def _council_shortfall_reason(missing: int, elected: int, seats: int) -> Reason:
    if elected * 3 < seats * 2:
        return _reason(
            "council_shortfall_below_two_thirds",
            "Art. 79(2)",
            "10.7",
            f"Số người trúng cử ({elected}/{seats}) chưa đủ hai phần ba số đại biểu được bầu: tổ chức bầu cử "
            "thêm "
            f"cho {missing} ghế trong số người ứng cử chưa trúng cử.",
            f"Winners ({elected}/{seats}) are fewer than two thirds of the seats: a supplementary election "
            "for "
            f"{missing} seats among the candidates not elected.",
        )
    return _reason(
        "council_seats_remain_vacant",
        "Art. 79(2)",
        "10.7",
        f"Số người trúng cử ({elected}/{seats}) đã đạt hai phần ba số đại biểu được bầu: không bầu cử thêm; "
        f"{missing} ghế để trống.",
        f"Winners ({elected}/{seats}) reach two thirds of the seats: no supplementary election; {missing} "
        "seats stay vacant.",
    )


def _no_second_supplementary_reason(missing: int) -> Reason:
    return _reason(
        "no_second_supplementary",
        "Art. 79(3)",
        "10.8",
        f"Bầu cử thêm vẫn chưa đủ số đại biểu: không tổ chức bầu cử thêm lần thứ hai; {missing} ghế để "
        "trống.",
        f"The supplementary election still leaves seats unfilled: no second supplementary election; "
        f"{missing} seats stay vacant.",
    )


def _rerun_shortfall_reason(missing: int) -> Reason:
    return _reason(
        "shortfall_after_rerun",
        "Art. 79, 80",
        "10.12",
        f"Bầu cử lại vẫn chưa đủ số đại biểu ({missing} ghế): luật không quy định có bầu cử thêm sau bầu cử "
        "lại "
        "hay không; cần quyết định.",
        f"The re-run leaves {missing} seats unfilled: the law does not say whether a supplementary election "
        "may "
        "follow a re-run; a recorded decision is required.",
        Severity.MANUAL,
    )


def _all_seats_filled_reason(seats: int) -> Reason:
    return _reason(
        "all_seats_filled",
        "Art. 78(2), 78(3)",
        "10.3",
        f"Đã bầu đủ {seats} đại biểu.",
        f"All {seats} seats are filled.",
    )


def _votes_below_valid_reason(total: int, valid: int) -> Reason:
    return _reason(
        "total_votes_below_valid",
        "Art. 74(1)",
        "9.14",
        f"Tổng số phiếu bầu ({total}) nhỏ hơn số phiếu hợp lệ ({valid}), trong khi mỗi phiếu hợp lệ để lại "
        "ít "
        "nhất một tên: kiểm tra lại biên bản.",
        f"Total votes ({total}) are below the valid ballots ({valid}) although every valid ballot leaves at "
        "least one name: check the minutes.",
        Severity.WARNING,
    )


# --- input --------------------------------------------------------------------------------------


def count_from_dict(data: object, language: str = "vi") -> ConstituencyCount:
    """Read the input object of spec/formats.md §3; raises InvalidInput listing every problem."""
    fields = Fields(language)
    obj = fields.obj(data, "")
    if obj is None:
        raise InvalidInput(fields.problems)
    contest = fields.choice(obj, "contest", "contest", CONTESTS)
    round_ = fields.choice(obj, "round", "round", ROUNDS)
    seats = fields.integer(obj, "seats", "seats")
    listed = fields.integer(obj, "voters_on_list", "voters_on_list")
    voted = fields.integer(obj, "voters_voted", "voters_voted")
    valid = fields.integer(obj, "valid_ballots", "valid_ballots")
    invalid = fields.integer(obj, "invalid_ballots", "invalid_ballots", required=False)
    candidates = []
    for i, item in enumerate(fields.array(obj, "candidates", "candidates")):
        where = f"candidates[{i}]"
        entry = fields.obj(item, where)
        if entry is None:
            continue
        cid = fields.string(entry, "id", f"{where}.id")
        votes = fields.integer(entry, "votes", f"{where}.votes")
        birth = fields.date(entry, "birth_date", f"{where}.birth_date")
        name = entry.get("name")
        if cid is not None and votes is not None:
            candidates.append(Candidate(cid, votes, birth, name if isinstance(name, str) else ""))
    fields.raise_if_any()
    assert contest is not None
    assert round_ is not None
    assert seats is not None
    assert listed is not None
    assert voted is not None
    assert valid is not None
    count = ConstituencyCount(contest, round_, seats, listed, voted, valid, tuple(candidates), invalid)
    problems = check_count(count, language)
    if problems:
        raise InvalidInput(problems)
    return count


def check_count(count: ConstituencyCount, language: str = "vi") -> list[Problem]:
    """The invariants of spec/formats.md §3: a count breaking one cannot be decided."""
    problems: list[Problem] = []

    def say(where: str, rule: str, code: str, vi: str, en: str) -> None:
        problems.append(Problem(where, rule, code, en if language == "en" else vi))

    if count.contest not in CONTESTS:
        say(
            "contest",
            "spec/formats.md §3",
            "unknown_value",
            "loại cuộc bầu cử không hợp lệ",
            "unknown contest",
        )
    if count.round not in ROUNDS:
        say("round", "spec/formats.md §3", "unknown_value", "vòng bầu cử không hợp lệ", "unknown round")
    top = MAX_SEATS.get(count.contest, 5)
    if not 1 <= count.seats <= top:
        say(
            "seats",
            "Art. 10(4)",
            "seats_out_of_range",
            f"số đại biểu được bầu ({count.seats}) phải từ 1 đến {top}",
            f"seats ({count.seats}) must be 1 to {top}",
        )
    for name, value in (
        ("voters_on_list", count.voters_on_list),
        ("voters_voted", count.voters_voted),
        ("valid_ballots", count.valid_ballots),
        ("invalid_ballots", count.invalid_ballots or 0),
    ):
        if value < 0:
            say(name, "spec/formats.md §3", "negative_number", "không được âm", "must not be negative")
    if count.voters_voted > count.voters_on_list:
        say(
            "voters_voted",
            "Art. 78(1)",
            "voted_exceed_listed",
            f"số cử tri đi bầu ({count.voters_voted}) lớn hơn số cử tri trong danh sách "
            f"({count.voters_on_list})",
            f"more voters voted ({count.voters_voted}) than are listed ({count.voters_on_list})",
        )
    ballots = count.valid_ballots + (count.invalid_ballots or 0)
    if ballots > count.voters_voted:
        say(
            "valid_ballots" if count.invalid_ballots is None else "invalid_ballots",
            "Art. 76(1)",
            "ballots_exceed_voted",
            f"số phiếu hợp lệ và không hợp lệ ({ballots}) lớn hơn số cử tri đi bầu ({count.voters_voted})",
            f"valid plus invalid ballots ({ballots}) exceed the voters who voted ({count.voters_voted})",
        )
    if not count.candidates:
        say("candidates", "Art. 78", "no_candidates", "không có người ứng cử", "there are no candidates")
    seen: set[str] = set()
    for i, c in enumerate(count.candidates):
        if c.id in seen:
            say(
                f"candidates[{i}].id",
                "Art. 78",
                "duplicate_candidate_id",
                f"mã {c.id!r} trùng",
                f"duplicate id {c.id!r}",
            )
        seen.add(c.id)
        if c.votes < 0:
            say(
                f"candidates[{i}].votes",
                "Art. 78",
                "negative_number",
                "không được âm",
                "must not be negative",
            )
        if c.votes > count.valid_ballots:
            say(
                f"candidates[{i}].votes",
                "Art. 78",
                "votes_exceed_valid",
                f"số phiếu của {c.id} ({c.votes}) lớn hơn số phiếu hợp lệ ({count.valid_ballots})",
                f"votes for {c.id} ({c.votes}) exceed the valid ballots ({count.valid_ballots})",
            )
    total = sum(c.votes for c in count.candidates)
    cap = count.seats * count.valid_ballots  # a valid ballot leaves at most ``seats`` names, Art. 74(1)(c)
    if total > cap:
        say(
            "candidates",
            "Art. 74(1)(c)",
            "total_votes_exceed_seats_times_valid",
            f"tổng số phiếu bầu ({total}) lớn hơn số ghế × số phiếu hợp lệ ({cap})",
            f"total votes ({total}) exceed seats × valid ballots ({cap})",
        )
    return problems


# --- decision -----------------------------------------------------------------------------------


def _rank(c: Candidate) -> tuple[int, bool, dt.date, str]:
    """Most votes first; among equal votes the older first (Art. 78(4)), unknown ages last; then id."""
    return (-c.votes, c.birth_date is None, c.birth_date or dt.date.max, c.id)


def determine_constituency_result(
    count: ConstituencyCount, language: str = "vi"
) -> Outcome[ConstituencyResult]:
    """Decide one constituency's result (Art. 78–80); raises InvalidInput if the count breaks an invariant."""
    problems = check_count(count, language)
    if problems:
        raise InvalidInput(problems)
    ranked = sorted(count.candidates, key=_rank)
    reasons: list[Reason] = []
    total = sum(c.votes for c in ranked)
    if total < count.valid_ballots:
        reasons.append(_votes_below_valid_reason(total, count.valid_ballots))

    turnout_valid = count.voters_voted * 2 > count.voters_on_list  # strictly more than half, Art. 78(1)
    reasons.append(_turnout_reason(count, turnout_valid))
    if not turnout_valid:
        if count.round == "first":
            reasons.append(RERUN_REQUIRED)
            return Outcome(ConstituencyResult(False, (), count.seats, RERUN), tuple(reasons))
        if count.round == "supplementary":
            reasons.append(SUPPLEMENTARY_TURNOUT_UNSETTLED)
            return Outcome(ConstituencyResult(False, (), count.seats, MANUAL_DECISION), tuple(reasons))
        reasons.append(RERUN_RECOGNISED)  # Art. 80: the re-run's result counts whatever the turnout

    # Art. 78(2): more than half of the valid ballots; exactly half is not enough.
    qualified = [c for c in ranked if c.votes * 2 > count.valid_ballots]
    half = [c.id for c in ranked if c.votes * 2 == count.valid_ballots]
    reasons.append(_majority_reason([c.id for c in qualified], half, count.valid_ballots))

    elected, tied = _fill_seats(qualified, count.seats, reasons)
    missing = count.seats - len(elected)
    if tied:
        next_step = MANUAL_DECISION
    elif missing == 0:
        next_step = NONE
        reasons.append(_all_seats_filled_reason(count.seats))
    else:
        next_step = _shortfall_step(count, len(elected), missing, reasons)
    supplementary = None
    if next_step in (SUPPLEMENTARY_DECISION, SUPPLEMENTARY_ELECTION):
        # Art. 79(3): voters choose only among the first election's candidates who were not elected.
        supplementary = Supplementary(missing, tuple(c.id for c in ranked if c not in elected))
    result = ConstituencyResult(
        turnout_valid,
        tuple(c.id for c in elected),
        missing,
        next_step,
        supplementary,
        tuple(c.id for c in tied),
    )
    return Outcome(result, tuple(reasons))


def _fill_seats(
    qualified: list[Candidate], seats: int, reasons: list[Reason]
) -> tuple[list[Candidate], list[Candidate]]:
    """Who of the ranked qualifiers takes the seats (Art. 78(3), (4)); returns (elected, tied)."""
    if len(qualified) <= seats:
        return qualified, []
    reasons.append(_highest_reason(seats, len(qualified)))
    last_votes = qualified[seats - 1].votes
    above = [c for c in qualified if c.votes > last_votes]
    tie = [c for c in qualified if c.votes == last_votes]
    open_seats = seats - len(above)
    if len(tie) <= open_seats:
        return qualified[:seats], []  # the seats end exactly at a change of votes: no tie
    tie_ids = [c.id for c in tie]
    if any(c.birth_date is None for c in tie):
        reasons.append(_tie_manual_reason(tie_ids, missing_birth_date=True))
        return above, tie
    # ``tie`` is ranked oldest first: the open seats go to the oldest unless a birth date is shared
    # across the boundary, which Art. 78(4) does not settle.
    boundary = tie[open_seats - 1].birth_date
    if tie[open_seats].birth_date == boundary:
        older = [c for c in tie[:open_seats] if c.birth_date != boundary]
        same = [c for c in tie if c.birth_date == boundary]
        if older:
            reasons.append(_older_wins_reason([c.id for c in older], tie_ids))
        reasons.append(_tie_manual_reason([c.id for c in same], missing_birth_date=False))
        return above + older, same
    winners = tie[:open_seats]
    reasons.append(_older_wins_reason([c.id for c in winners], tie_ids))
    return above + winners, []


def _shortfall_step(count: ConstituencyCount, elected: int, missing: int, reasons: list[Reason]) -> str:
    """What follows when fewer are elected than there are seats (Art. 79, law.md [10.12])."""
    if count.round == "supplementary":
        reasons.append(_no_second_supplementary_reason(missing))
        return NONE
    if count.round == "rerun":
        reasons.append(_rerun_shortfall_reason(missing))
        return MANUAL_DECISION
    if count.contest == "na":
        reasons.append(_na_shortfall_reason(missing))
        return SUPPLEMENTARY_DECISION
    reasons.append(_council_shortfall_reason(missing, elected, count.seats))
    return SUPPLEMENTARY_ELECTION if elected * 3 < count.seats * 2 else NONE


def determine_from_dict(data: object, language: str = "vi") -> dict[str, Any]:
    """spec/formats.md §3 end to end: input object in, output object out (InvalidInput on bad input)."""
    return result_as_dict(determine_constituency_result(count_from_dict(data, language), language), language)
