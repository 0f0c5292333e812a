"""What a constituency and a voting area are made of (spec/law.md §4; Art. 10, 11, 71(1)).

The apps turn their rows into the plain facts below (:class:`ConstituencyFacts`, :class:`VotingAreaFacts`)
and present the outcome; the rules live here. Every check returns all its reasons at once, each with a
``code`` the caller may map to the form field it concerns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from baucu.law import calendar as law_calendar
from baucu.law import districting
from baucu.law import voters as law_voters
from baucu.law.contests import Contest
from baucu.law.outcome import InvalidInput, Outcome, Reason, Severity


def _error(code: str, article: str, rule_id: str, vi: str, en: str) -> Reason:
    return Reason(code, article, rule_id, vi, en, Severity.ERROR)


def _blocking(reasons: Iterable[Reason]) -> tuple[Reason, ...]:
    return tuple(r for r in reasons if r.severity in (Severity.ERROR, Severity.MANUAL))


# --- Constituencies (Art. 10) ---------------------------------------------------------------------


@dataclass(frozen=True)
class CommuneRef:
    """A commune as a constituency names it: its code, its name (for messages) and its province."""

    code: str
    name: str
    province: str


@dataclass(frozen=True)
class AreaRef:
    """A voting area as a constituency names it: its id and the commune it lies in."""

    id: str
    commune: str


@dataclass(frozen=True)
class ConstituencyFacts:
    """One constituency as planned: the contest, where it lies, its seats and what it is made of.

    ``commune`` is the commune of a commune-council contest (``None`` otherwise).
    """

    contest: Contest
    province: str
    seats: int
    commune: str | None = None
    communes: tuple[CommuneRef, ...] = ()
    voting_areas: tuple[AreaRef, ...] = ()


def check_constituency(facts: ConstituencyFacts) -> Outcome[bool]:
    """Seats (Art. 10(4)) and make-up (Art. 10(1)–(3), 11(1)) of one constituency.

    A commune-council constituency is made of the commune's own voting areas; an NA or provincial-council
    constituency of communes of its province.
    """
    reasons = list(_blocking(districting.check_constituency_seats(facts.contest, facts.seats).reasons))
    if facts.contest is Contest.COMMUNE:
        if facts.communes:
            reasons.append(
                _error(
                    "commune_constituency_of_areas",
                    "Art. 10(1)",
                    "4.1",
                    "Đơn vị bầu cử đại biểu Hội đồng nhân dân cấp xã gồm các khu vực bỏ phiếu của xã.",
                    "A commune-council constituency is made of the commune's own voting areas.",
                )
            )
        if any(a.commune != facts.commune for a in facts.voting_areas):
            reasons.append(
                _error(
                    "voting_area_outside_commune",
                    "Art. 10(1)",
                    "4.1",
                    "Khu vực bỏ phiếu không thuộc xã của Hội đồng nhân dân này.",
                    "A voting area lies outside this council's commune.",
                )
            )
    else:
        outside = [c.name for c in facts.communes if c.province != facts.province]
        if outside:
            reasons.append(
                _error(
                    "commune_outside_province",
                    "Art. 10(2), 10(3)",
                    "4.1",
                    "Xã, phường không thuộc tỉnh của đơn vị bầu cử: " + ", ".join(outside),
                    "Communes outside the constituency's province: " + ", ".join(outside),
                )
            )
        if facts.voting_areas:
            reasons.append(
                _error(
                    "province_constituency_of_communes",
                    "Art. 10(2), 10(3)",
                    "4.1",
                    "Đơn vị bầu cử đại biểu Quốc hội, Hội đồng nhân dân tỉnh gồm các xã, phường.",
                    "NA and provincial-council constituencies are made of communes.",
                )
            )
    return Outcome(not reasons, tuple(reasons))


def check_constituency_number(number: int, taken: Collection[int]) -> Outcome[bool]:
    """Constituencies of one contest are numbered, each number once (Art. 10(1))."""
    if number not in taken:
        return Outcome(True)
    reason = _error(
        "duplicate_constituency_number",
        "Art. 10(1)",
        "4.1",
        f"Đã có đơn vị bầu cử số {number} trong cuộc bầu cử này.",
        f"Constituency number {number} already exists in this contest.",
    )
    return Outcome(False, (reason,))


def check_seats_add_up(
    contest: Contest, seats: Iterable[int], declared: int | None, *, code: str = "seats_total_mismatch"
) -> Outcome[bool]:
    """The seats of a contest's constituencies add up to the seats decided for it (Art. 10(2), 10(3)).

    ``declared`` is the decided total (``None``: none recorded, nothing to compare); ``code`` names the
    total compared (the contest's, or a province's published share of the NA seats).
    """
    got = sum(seats)
    if declared is None or got == declared:
        return Outcome(True)
    article = "Art. 10(2)" if contest is Contest.NA else "Art. 10(3)"
    reason = _error(
        code,
        article,
        "4.2" if contest is Contest.NA else "4.3",
        f"Tổng số đại biểu của các đơn vị bầu cử là {got}, khác {declared}.",
        f"Constituency seats add up to {got}, not {declared}.",
    )
    return Outcome(False, (reason,))


# --- Voting areas (Art. 11, 71(1)) ----------------------------------------------------------------


class VotingAreaKind(StrEnum):
    """Where a voting area is formed: by residence (Art. 11(1)) or separately (Art. 11(3)(a)–(c))."""

    RESIDENTIAL = "residential"
    ARMED_FORCES = "armed_forces"  # Art. 11(3)(a)
    HOSPITAL_CARE = "hospital_care"  # Art. 11(3)(b)
    DETENTION_COMPULSORY = "detention_compulsory"  # Art. 11(3)(c)


_SIZE_KINDS = {
    VotingAreaKind.ARMED_FORCES: districting.AreaKind.MILITARY,
    VotingAreaKind.HOSPITAL_CARE: districting.AreaKind.HOSPITAL_CARE,
    VotingAreaKind.DETENTION_COMPULSORY: districting.AreaKind.DETENTION,
}


def size_kind(kind: VotingAreaKind, *, remote: bool = False) -> districting.AreaKind:
    """Which size rule of Art. 11(2)–(3) applies: a residential area in a mountainous, island or sparsely
    populated place may have fewer than 300 voters."""
    if kind in _SIZE_KINDS:
        return _SIZE_KINDS[kind]
    return districting.AreaKind.REMOTE if remote else districting.AreaKind.GENERAL


@dataclass(frozen=True)
class VotingAreaFacts:
    """One voting area as planned. ``voter_count`` is ``None`` until the lists are known."""

    kind: VotingAreaKind
    remote: bool = False
    residence_groups: tuple[str, ...] = ()
    facility: str = ""
    voter_count: int | None = None
    voting_start: dt.time = law_voters.DEFAULT_VOTING_START


def _start_reason(voting_start: dt.time) -> tuple[Reason, ...]:
    try:
        law_voters.check_voting_start(voting_start)
    except InvalidInput:
        return (
            _error(
                "voting_start_out_of_range",
                "Art. 71(1)",
                "8.2",
                "Việc bỏ phiếu bắt đầu từ 7 giờ sáng; Tổ bầu cử có thể quyết định bắt đầu sớm hơn"
                " nhưng không được trước 5 giờ sáng.",
                "Voting starts at 07:00; a Team may start earlier, but not before 05:00.",
            ),
        )
    return ()


def check_voting_area(facts: VotingAreaFacts) -> Outcome[bool]:
    """Voters per area and the separate areas for facilities (Art. 11(2)–(3)), the residence groups a
    residential area serves or the facility a separate one serves (Art. 11(1), 11(3)), and the start of
    voting (Art. 71(1))."""
    reasons: list[Reason] = []
    if facts.voter_count is not None:
        size = districting.check_voting_area_size(
            facts.voter_count, size_kind(facts.kind, remote=facts.remote)
        )
        reasons += _blocking(size.reasons)
    reasons += _start_reason(facts.voting_start)
    groups = any(g.strip() for g in facts.residence_groups)
    if facts.kind is VotingAreaKind.RESIDENTIAL and not groups:
        reasons.append(
            _error(
                "residential_area_needs_groups",
                "Art. 11(1)",
                "4.6",
                "Khu vực bỏ phiếu theo địa bàn dân cư phải ghi các thôn, tổ dân phố.",
                "A residential voting area must name the residence groups it serves.",
            )
        )
    if facts.kind is not VotingAreaKind.RESIDENTIAL and not facts.facility.strip():
        reasons.append(
            _error(
                "separate_area_needs_facility",
                "Art. 11(3)",
                "4.8",
                "Khu vực bỏ phiếu riêng phải ghi đơn vị vũ trang, cơ sở y tế hoặc cơ sở giam giữ.",
                "A separate voting area must name the unit or facility it serves.",
            )
        )
    return Outcome(not reasons, tuple(reasons))


def check_voting_area_number(number: int, taken: Collection[int]) -> Outcome[bool]:
    """The commune numbers its voting areas, each number once (Art. 11(4))."""
    if number not in taken:
        return Outcome(True)
    reason = _error(
        "duplicate_voting_area_number",
        "Art. 11(4)",
        "4.9",
        f"Xã đã có khu vực bỏ phiếu số {number}.",
        f"The commune already has voting area number {number}.",
    )
    return Outcome(False, (reason,))


# --- Which calendar step times each setup action ---------------------------------------------------


class SetupAction(StrEnum):
    CONSTITUENCY = "constituency"
    VOTING_AREA = "voting_area"
    COMMITTEE = "committee"
    BOARD = "board"
    TEAM = "team"


# The step of baucu.law.calendar whose deadline each action meets, by kind of election.
SETUP_STEPS: dict[str, dict[str, str]] = {
    law_calendar.GENERAL: {
        SetupAction.CONSTITUENCY: "constituencies_announced",  # Art. 10(2)(3)
        SetupAction.VOTING_AREA: "voting_areas_decided",  # Art. 11(4)
        SetupAction.COMMITTEE: "election_committees_formed",  # Art. 22
        SetupAction.BOARD: "election_boards_formed",  # Art. 24
        SetupAction.TEAM: "election_teams_formed",  # Art. 25(1)
    },
    law_calendar.BY_ELECTION: {
        SetupAction.COMMITTEE: "by_election_bodies_formed",  # Art. 90(1)(2)
        SetupAction.BOARD: "by_election_boards_and_teams_formed",  # Art. 90(2)(3)
        SetupAction.TEAM: "by_election_boards_and_teams_formed",
        SetupAction.VOTING_AREA: "by_election_boards_and_teams_formed",  # decided before the Teams
    },
}


def setup_step(election_kind: str, action: str) -> str | None:
    """The calendar step timing ``action`` in an election of ``election_kind`` (None: no deadline).

    ``election_kind`` is :data:`baucu.law.calendar.GENERAL` or :data:`baucu.law.calendar.BY_ELECTION`.
    """
    return SETUP_STEPS[election_kind].get(action)
