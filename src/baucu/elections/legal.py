"""The law core's answers for election setup, in the shapes the services and checks need.

Nothing here decides a legal question: every rule is asked of :mod:`baucu.law` (house rule 1).
This module only maps stored rows to the law core's inputs and its outcomes to reasons.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from baucu.elections.deadlines import election_steps, law_kind
from baucu.elections.errors import Violation
from baucu.elections.models import Constituency, Contest, Election, ElectionBody, VotingArea
from baucu.law import bodies as law_bodies
from baucu.law import calendar as law_calendar
from baucu.law import districting
from baucu.law import voters as law_voters
from baucu.law.contests import Contest as LawContest
from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity
from baucu.units.models import Commune, Province

if TYPE_CHECKING:
    from baucu.elections.services import MemberInput


class MemberLike(Protocol):
    is_military: bool
    role: str


def _blocking(outcome: Outcome[Any]) -> tuple[Reason, ...]:
    return tuple(r for r in outcome.reasons if r.severity in (Severity.ERROR, Severity.MANUAL))


def _reason(code: str, article: str, rule_id: str, vi: str, en: str) -> Reason:
    return Reason(code=code, article=article, rule_id=rule_id, vi=vi, en=en, severity=Severity.ERROR)


def problem_reason(problem: Problem) -> Reason:
    return _reason(problem.code, problem.rule, "", problem.message, problem.message)


def steps_of(election: Election) -> tuple[law_calendar.Step, ...]:
    return election_steps(election)


def election_day_violations(day: dt.date, election: Election) -> list[Violation]:
    try:
        law_calendar.check_election_day(day, law_kind(election))
    except InvalidInput as exc:
        return [Violation(problem_reason(p), "day") for p in exc.problems]
    return []


# ---------------------------------------------------------------- constituencies


def seat_violations(contest_kind: str, seats: int) -> tuple[Reason, ...]:
    """Art. 10(4): seats per constituency."""
    return _blocking(districting.check_constituency_seats(LawContest(contest_kind), seats))


def constituency_shape_violations(
    contest: Contest, province: Province, communes: Sequence[Commune], areas: Sequence[VotingArea]
) -> list[tuple[str, Reason]]:
    """What a constituency is made of (Art. 10(1)–(3), 11(1)): communes or the commune's voting areas."""
    found: list[tuple[str, Reason]] = []
    if contest.kind == Contest.Kind.COMMUNE:
        if communes:
            found.append(
                (
                    "communes",
                    _reason(
                        "commune_constituency_of_areas",
                        "Art. 10(1)",
                        "4.1",
                        "Đơn vị bầu cử đại biểu Hội đồng nhân dân cấp xã gồm các khu vực bỏ phiếu của xã.",
                        "A commune-council constituency is made of the commune's own voting areas.",
                    ),
                )
            )
        strays = [a for a in areas if a.commune_id != contest.commune_id]
        if strays:
            found.append(
                (
                    "voting_areas",
                    _reason(
                        "voting_area_outside_commune",
                        "Art. 10(1)",
                        "4.1",
                        "Khu vực bỏ phiếu không thuộc xã của Hội đồng nhân dân này.",
                        "A voting area lies outside this council's commune.",
                    ),
                )
            )
    else:
        outside = [c for c in communes if c.province_id != province.code]
        if outside:
            found.append(
                (
                    "communes",
                    _reason(
                        "commune_outside_province",
                        "Art. 10(2), 10(3)",
                        "4.1",
                        "Xã, phường không thuộc tỉnh của đơn vị bầu cử: "
                        + ", ".join(c.name for c in outside),
                        "Communes outside the constituency's province: " + ", ".join(c.name for c in outside),
                    ),
                )
            )
        if areas:
            found.append(
                (
                    "voting_areas",
                    _reason(
                        "province_constituency_of_communes",
                        "Art. 10(2), 10(3)",
                        "4.1",
                        "Đơn vị bầu cử đại biểu Quốc hội, Hội đồng nhân dân tỉnh gồm các xã, phường.",
                        "NA and provincial-council constituencies are made of communes.",
                    ),
                )
            )
    return found


def duplicate_number_reason(number: int) -> Reason:
    return _reason(
        "duplicate_constituency_number",
        "Art. 10(1)",
        "4.1",
        f"Đã có đơn vị bầu cử số {number} trong cuộc bầu cử này.",
        f"Constituency number {number} already exists in this contest.",
    )


# ---------------------------------------------------------------- voting areas


_AREA_KINDS = {
    VotingArea.Kind.ARMED_FORCES: districting.AreaKind.MILITARY,
    VotingArea.Kind.HOSPITAL_CARE: districting.AreaKind.HOSPITAL_CARE,
    VotingArea.Kind.DETENTION_COMPULSORY: districting.AreaKind.DETENTION,
}


def area_kind(area: VotingArea) -> districting.AreaKind:
    if area.kind in _AREA_KINDS:
        return _AREA_KINDS[VotingArea.Kind(area.kind)]
    return districting.AreaKind.REMOTE if area.is_mountainous else districting.AreaKind.GENERAL


def voting_area_violations(area: VotingArea) -> list[tuple[str, Reason]]:
    """Art. 11(2)–(3): voters per area and the separate areas for facilities; Art. 71(1): the start."""
    found: list[tuple[str, Reason]] = []
    if area.voter_count is not None:
        outcome = districting.check_voting_area_size(area.voter_count, area_kind(area))
        found += [("voter_count", r) for r in _blocking(outcome)]
    try:
        law_voters.check_voting_start(area.voting_start)
    except InvalidInput:
        found.append(
            (
                "voting_start",
                _reason(
                    "voting_start_out_of_range",
                    "Art. 71(1)",
                    "8.2",
                    "Việc bỏ phiếu bắt đầu từ 7 giờ sáng; Tổ bầu cử có thể quyết định bắt đầu sớm hơn"
                    " nhưng không được trước 5 giờ sáng.",
                    "Voting starts at 07:00; a Team may start earlier, but not before 05:00.",
                ),
            )
        )
    groups, facility = bool(area.residence_group_list), bool(area.facility.strip())
    if area.kind == VotingArea.Kind.RESIDENTIAL and not groups:
        found.append(
            (
                "residence_groups",
                _reason(
                    "residential_area_needs_groups",
                    "Art. 11(1)",
                    "4.6",
                    "Khu vực bỏ phiếu theo địa bàn dân cư phải ghi các thôn, tổ dân phố.",
                    "A residential voting area must name the residence groups it serves.",
                ),
            )
        )
    if area.kind != VotingArea.Kind.RESIDENTIAL and not facility:
        found.append(
            (
                "facility",
                _reason(
                    "separate_area_needs_facility",
                    "Art. 11(3)",
                    "4.8",
                    "Khu vực bỏ phiếu riêng phải ghi đơn vị vũ trang, cơ sở y tế hoặc cơ sở giam giữ.",
                    "A separate voting area must name the unit or facility it serves.",
                ),
            )
        )
    return found


def duplicate_area_reason(number: int) -> Reason:
    return _reason(
        "duplicate_voting_area_number",
        "Art. 11(4)",
        "4.9",
        f"Xã đã có khu vực bỏ phiếu số {number}.",
        f"The commune already has voting area number {number}.",
    )


# ---------------------------------------------------------------- bodies


def body_shape_violations(body: ElectionBody) -> list[tuple[str, Reason]]:
    """Art. 21: a Board serves one constituency, a Team one voting area, a Committee one level."""
    found: list[tuple[str, Reason]] = []
    if body.kind == ElectionBody.Kind.BOARD and body.constituency is None:
        found.append(
            (
                "constituency",
                _reason(
                    "board_needs_constituency",
                    "Art. 24",
                    "3.5",
                    "Ban bầu cử được thành lập ở mỗi đơn vị bầu cử: chọn đơn vị bầu cử.",
                    "An Election Board is formed for one constituency: choose it.",
                ),
            )
        )
    if body.kind == ElectionBody.Kind.TEAM and body.voting_area is None:
        found.append(
            (
                "voting_area",
                _reason(
                    "team_needs_voting_area",
                    "Art. 25(1)",
                    "3.9",
                    "Tổ bầu cử được thành lập ở mỗi khu vực bỏ phiếu: chọn khu vực bỏ phiếu.",
                    "An Election Team is formed for one voting area: choose it.",
                ),
            )
        )
    if (
        body.kind == ElectionBody.Kind.COMMITTEE
        and body.level == ElectionBody.Level.COMMUNE
        and not body.commune
    ):
        found.append(
            (
                "commune",
                _reason(
                    "commune_committee_needs_commune",
                    "Art. 22(2)",
                    "3.4",
                    "Ủy ban bầu cử ở xã: chọn xã.",
                    "A commune Election Committee needs its commune.",
                ),
            )
        )
    return found


def body_kind(body: ElectionBody, members: Sequence[MemberInput | MemberLike] = ()) -> law_bodies.BodyKind:
    """Which body of the law this is (Art. 22, 24, 25, 90)."""
    by_election = body.election.kind == Election.Kind.BY_ELECTION
    kinds = law_bodies.BodyKind
    if body.kind == ElectionBody.Kind.COMMITTEE:
        if by_election:
            return kinds.COUNCIL_BY_ELECTION_EC
        return kinds.COMMUNE_EC if body.level == ElectionBody.Level.COMMUNE else kinds.PROVINCIAL_EC
    if body.kind == ElectionBody.Kind.BOARD:
        level = body.constituency.contest.kind if body.constituency is not None else body.level
        if by_election:
            return kinds.NA_BY_ELECTION_BOARD if level == Contest.Kind.NA else kinds.COUNCIL_BY_ELECTION_BOARD
        boards = {
            Contest.Kind.NA.value: kinds.NA_BOARD,
            Contest.Kind.PROVINCIAL.value: kinds.PROVINCIAL_BOARD,
        }
        return boards.get(str(level), kinds.COMMUNE_BOARD)
    if by_election:
        return kinds.BY_ELECTION_TEAM
    # Art. 25(1): an armed-forces voting area with a team from the unit alone has 5–9 members.
    military_area = body.voting_area is not None and body.voting_area.kind == VotingArea.Kind.ARMED_FORCES
    if military_area and members and all(m.is_military for m in members):
        return kinds.MILITARY_TEAM
    return kinds.TEAM


def body_size_violations(
    body: ElectionBody, members: Sequence[MemberInput | MemberLike], *, only_maximum: bool = False
) -> tuple[Reason, ...]:
    """Art. 22, 24, 25(1): members and roles of the body (a military-only Team has 5–9).

    ``only_maximum`` is for adding one member to a body being filled: only "too large" counts then.
    """
    kind = body_kind(body, members)
    if only_maximum:
        return tuple(
            r for r in _blocking(law_bodies.check_body_size(kind, len(members))) if r.code == "body_too_large"
        )
    roles = [law_bodies.Role(m.role) for m in members]
    return _blocking(law_bodies.check_body(kind, roles))


def body_rule(body: ElectionBody) -> law_bodies.BodyRule:
    return law_bodies.BODY_RULES[body_kind(body)]


def one_board_reason() -> Reason:
    return _reason(
        "one_board_per_constituency",
        "Art. 24",
        "3.5",
        "Đơn vị bầu cử này đã có Ban bầu cử.",
        "This constituency already has an Election Board.",
    )


def one_team_reason() -> Reason:
    return _reason(
        "one_team_per_voting_area",
        "Art. 25(1)",
        "3.9",
        "Khu vực bỏ phiếu này đã có Tổ bầu cử.",
        "This voting area already has an Election Team.",
    )


def default_body_name(body: ElectionBody) -> str:
    if body.kind == ElectionBody.Kind.TEAM and body.voting_area is not None:
        return f"Tổ bầu cử khu vực bỏ phiếu số {body.voting_area.number}, {body.voting_area.commune.name}"
    if body.kind == ElectionBody.Kind.BOARD and body.constituency is not None:
        c = body.constituency
        what = {"na": "đại biểu Quốc hội", "provincial": "đại biểu HĐND tỉnh", "commune": "đại biểu HĐND xã"}
        return f"Ban bầu cử {what[c.contest.kind]} đơn vị bầu cử số {c.number}"
    if body.commune is not None:
        return f"Ủy ban bầu cử {body.commune.name}"
    return f"Ủy ban bầu cử {body.province.name}"


# ---------------------------------------------------------------- constituencies as a whole


def constituency_seats(constituency: Constituency) -> int:
    return constituency.seats
