"""Election bodies: sizes, member roles, quorum and the candidate conflict (spec/law.md §3, [10.19]).

Each body is a collective (Art. 13, 26): a meeting needs at least two thirds of all members, a decision
more than half of all members (not of those present).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from baucu.law.contests import Contest
from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity
from baucu.law.setup import VotingAreaKind


class BodyKind(StrEnum):
    NEC = "nec"  # Hội đồng bầu cử quốc gia
    PROVINCIAL_EC = "provincial_ec"  # Ủy ban bầu cử ở tỉnh
    COMMUNE_EC = "commune_ec"  # Ủy ban bầu cử ở xã
    NA_BOARD = "na_board"  # Ban bầu cử đại biểu Quốc hội
    PROVINCIAL_BOARD = "provincial_board"  # Ban bầu cử đại biểu HĐND cấp tỉnh
    COMMUNE_BOARD = "commune_board"  # Ban bầu cử đại biểu HĐND cấp xã
    TEAM = "team"  # Tổ bầu cử
    MILITARY_TEAM = "military_team"  # Tổ bầu cử of an armed-forces unit that is its own voting area
    NA_BY_ELECTION_COUNCIL = "na_by_election_council"  # Hội đồng bầu cử bổ sung
    NA_BY_ELECTION_BOARD = "na_by_election_board"  # Ban bầu cử bổ sung (Quốc hội)
    COUNCIL_BY_ELECTION_EC = "council_by_election_ec"  # Ủy ban bầu cử bổ sung
    COUNCIL_BY_ELECTION_BOARD = "council_by_election_board"  # Ban bầu cử bổ sung (HĐND)
    BY_ELECTION_TEAM = "by_election_team"  # Tổ bầu cử bổ sung


class Role(StrEnum):
    CHAIR = "chair"  # Chủ tịch / Trưởng ban / Tổ trưởng
    VICE_CHAIR = "vice_chair"  # Phó Chủ tịch / Phó Trưởng ban
    SECRETARY = "secretary"  # Thư ký
    MEMBER = "member"  # Ủy viên


@dataclass(frozen=True)
class BodyRule:
    minimum: int
    maximum: int
    article: str
    rule_id: str
    secretary: bool  # the article lists a Thư ký among the members
    vice_chairs: bool  # the article lists vice-chairs (a Team has a leader and a secretary only)


BODY_RULES: dict[BodyKind, BodyRule] = {
    BodyKind.NEC: BodyRule(15, 21, "Art. 12(1)", "3.1", secretary=False, vice_chairs=True),
    BodyKind.PROVINCIAL_EC: BodyRule(23, 37, "Art. 22(1)", "3.3", secretary=True, vice_chairs=True),
    BodyKind.COMMUNE_EC: BodyRule(9, 17, "Art. 22(2)", "3.4", secretary=True, vice_chairs=True),
    BodyKind.NA_BOARD: BodyRule(9, 17, "Art. 24(1)", "3.5", secretary=True, vice_chairs=True),
    BodyKind.PROVINCIAL_BOARD: BodyRule(11, 15, "Art. 24(2)", "3.6", secretary=True, vice_chairs=True),
    BodyKind.COMMUNE_BOARD: BodyRule(9, 15, "Art. 24(2)", "3.7", secretary=True, vice_chairs=True),
    BodyKind.TEAM: BodyRule(11, 21, "Art. 25(1)", "3.9", secretary=True, vice_chairs=False),
    BodyKind.MILITARY_TEAM: BodyRule(5, 9, "Art. 25(1)", "3.10", secretary=True, vice_chairs=False),
    BodyKind.NA_BY_ELECTION_COUNCIL: BodyRule(5, 7, "Art. 90(1)", "10.19", secretary=False, vice_chairs=True),
    BodyKind.NA_BY_ELECTION_BOARD: BodyRule(3, 5, "Art. 90(1)", "10.19", secretary=False, vice_chairs=True),
    BodyKind.COUNCIL_BY_ELECTION_EC: BodyRule(3, 5, "Art. 90(2)", "10.19", secretary=False, vice_chairs=True),
    BodyKind.COUNCIL_BY_ELECTION_BOARD: BodyRule(
        3, 5, "Art. 90(2)", "10.19", secretary=False, vice_chairs=True
    ),
    BodyKind.BY_ELECTION_TEAM: BodyRule(9, 11, "Art. 90(3)", "10.19", secretary=True, vice_chairs=False),
}


def check_body_size(kind: BodyKind, members: int) -> Outcome[bool]:
    """The number of members within the range of the body's article."""
    rule = BODY_RULES[kind]
    if rule.minimum <= members <= rule.maximum:
        return Outcome(True)
    code = "body_too_small" if members < rule.minimum else "body_too_large"
    reason = Reason(
        code,
        rule.article,
        rule.rule_id,
        f"Tổ chức phụ trách bầu cử này có từ {rule.minimum} đến {rule.maximum} thành viên (có {members}).",
        f"A {kind.value} has {rule.minimum} to {rule.maximum} members (got {members}).",
        Severity.ERROR,
    )
    return Outcome(False, (reason,))


def check_body_roles(kind: BodyKind, roles: Iterable[Role]) -> Outcome[bool]:
    """Exactly one chair; a secretary where the article names one; no vice-chair in a Team."""
    rule = BODY_RULES[kind]
    counts = Counter(roles)
    reasons: list[Reason] = []

    def error(code: str, vi: str, en: str) -> None:
        reasons.append(Reason(code, rule.article, rule.rule_id, vi, en, Severity.ERROR))

    if counts[Role.CHAIR] != 1:
        error(
            "chair_count",
            f"Phải có đúng một người đứng đầu (có {counts[Role.CHAIR]}).",
            f"Exactly one chair (or Team leader) is required (got {counts[Role.CHAIR]}).",
        )
    if rule.secretary and counts[Role.SECRETARY] != 1:
        error(
            "secretary_count",
            f"Phải có đúng một Thư ký (có {counts[Role.SECRETARY]}).",
            f"Exactly one secretary is required (got {counts[Role.SECRETARY]}).",
        )
    if not rule.secretary and counts[Role.SECRETARY]:
        error(
            "no_secretary_role", "Tổ chức này không có chức danh Thư ký.", "This body has no secretary role."
        )
    if not rule.vice_chairs and counts[Role.VICE_CHAIR]:
        error("no_vice_chair_role", "Tổ bầu cử không có Phó Tổ trưởng.", "A Team has no vice-chair role.")
    return Outcome(not reasons, tuple(reasons))


def check_body(kind: BodyKind, roles: Iterable[Role]) -> Outcome[bool]:
    """Size and roles of a body whose members hold ``roles`` (one entry per member)."""
    members = tuple(roles)
    size = check_body_size(kind, len(members))
    role_check = check_body_roles(kind, members)
    return Outcome(size.value and role_check.value, size.reasons + role_check.reasons)


def _check_counts(members: int, count: int, where: str) -> None:
    if members < 1 or not 0 <= count <= members:
        raise InvalidInput(
            [Problem(where, "Art. 26", "invalid_member_count", f"{count} of {members} members is impossible")]
        )


def quorum_met(members: int, present: int) -> Outcome[bool]:
    """A meeting needs at least two thirds of all members (Art. 13, 26)."""
    _check_counts(members, present, "present")
    if present * 3 >= members * 2:
        return Outcome(True)
    reason = Reason(
        "no_quorum",
        "Art. 26",
        "3.12",
        f"Cuộc họp cần ít nhất hai phần ba tổng số thành viên ({present}/{members}).",
        f"A meeting needs at least two thirds of all members ({present}/{members}).",
        Severity.ERROR,
    )
    return Outcome(False, (reason,))


def decision_passes(members: int, in_favour: int) -> Outcome[bool]:
    """A decision needs more than half of all members, not of those present (Art. 13, 26)."""
    _check_counts(members, in_favour, "in_favour")
    if in_favour * 2 > members:
        return Outcome(True)
    reason = Reason(
        "no_majority_of_members",
        "Art. 26",
        "3.12",
        f"Quyết định cần quá nửa tổng số thành viên tán thành ({in_favour}/{members}).",
        f"A decision needs more than half of all members in favour ({in_favour}/{members}).",
        Severity.ERROR,
    )
    return Outcome(False, (reason,))


@dataclass(frozen=True)
class Membership:
    """A person on a Board or Team, with the constituencies that body serves.

    A Board serves one constituency; a Team serves one voting area, hence one constituency per contest.
    """

    person_id: str
    body_id: str
    constituencies: frozenset[str]


def check_candidate_conflicts(
    memberships: Iterable[Membership], candidacies: Iterable[tuple[str, str]]
) -> Outcome[bool]:
    """No candidate sits on the Board or Team of their own constituency (Art. 27).

    ``candidacies`` are ``(person_id, constituency_id)``. The person must withdraw from the body by the day
    the official candidate list is published, else the appointing body replaces them.
    """
    standing: dict[str, set[str]] = {}
    for person, constituency in candidacies:
        standing.setdefault(person, set()).add(constituency)
    reasons: list[Reason] = []
    for membership in memberships:
        clash = sorted(standing.get(membership.person_id, set()) & membership.constituencies)
        if clash:
            where = ", ".join(clash)
            reasons.append(
                Reason(
                    "candidate_on_own_constituency_body",
                    "Art. 27",
                    "3.13",
                    f"Người ứng cử {membership.person_id} là thành viên {membership.body_id} "
                    f"của đơn vị bầu cử mình ứng cử ({where}).",
                    f"Candidate {membership.person_id} sits on {membership.body_id}, "
                    f"which serves their own constituency ({where}).",
                    Severity.ERROR,
                )
            )
    return Outcome(not reasons, tuple(reasons))


# --- Forming a body: its tier, place and members (Art. 21–25, 90) ---------------------------------


class Tier(StrEnum):
    """The three tiers of local election bodies (Art. 21)."""

    COMMITTEE = "committee"  # Ủy ban bầu cử (Art. 22)
    BOARD = "board"  # Ban bầu cử, one per constituency (Art. 24)
    TEAM = "team"  # Tổ bầu cử, one per voting area (Art. 25)


# Art. 21: committees of a province or a commune; a Board for a constituency of one contest; the Teams of
# a commune's voting areas. The level is named by the contest it serves.
TIER_LEVELS: dict[Tier, tuple[Contest, ...]] = {
    Tier.COMMITTEE: (Contest.PROVINCIAL, Contest.COMMUNE),
    Tier.BOARD: (Contest.NA, Contest.PROVINCIAL, Contest.COMMUNE),
    Tier.TEAM: (Contest.COMMUNE,),
}


@dataclass(frozen=True)
class Member:
    """A member as the law sees one: the role held and whether a soldier (Art. 25(1))."""

    role: Role = Role.MEMBER
    is_military: bool = False


@dataclass(frozen=True)
class BodyFacts:
    """A local body as formed.

    ``constituency`` is the contest of the Board's constituency (``None`` when none is chosen);
    ``voting_area`` the kind of the Team's voting area (``None`` when none is chosen); ``commune`` whether
    the body names its commune.
    """

    tier: Tier
    level: Contest
    by_election: bool = False
    constituency: Contest | None = None
    voting_area: VotingAreaKind | None = None
    commune: bool = False
    members: tuple[Member, ...] = ()


def body_kind(facts: BodyFacts) -> BodyKind:
    """Which body of the law this is, hence its size (Art. 22, 24, 25(1), 90)."""
    if facts.tier is Tier.COMMITTEE:
        if facts.by_election:
            return BodyKind.COUNCIL_BY_ELECTION_EC
        return BodyKind.COMMUNE_EC if facts.level is Contest.COMMUNE else BodyKind.PROVINCIAL_EC
    if facts.tier is Tier.BOARD:
        level = facts.constituency or facts.level
        if facts.by_election:
            return (
                BodyKind.NA_BY_ELECTION_BOARD if level is Contest.NA else BodyKind.COUNCIL_BY_ELECTION_BOARD
            )
        boards = {Contest.NA: BodyKind.NA_BOARD, Contest.PROVINCIAL: BodyKind.PROVINCIAL_BOARD}
        return boards.get(level, BodyKind.COMMUNE_BOARD)
    if facts.by_election:
        return BodyKind.BY_ELECTION_TEAM
    # Art. 25(1): an armed-forces voting area whose Team is of the unit alone has 5–9 members.
    military_area = facts.voting_area is VotingAreaKind.ARMED_FORCES
    if military_area and facts.members and all(m.is_military for m in facts.members):
        return BodyKind.MILITARY_TEAM
    return BodyKind.TEAM


def _placement_error(code: str, article: str, rule_id: str, vi: str, en: str) -> Reason:
    return Reason(code, article, rule_id, vi, en, Severity.ERROR)


def check_body_placement(facts: BodyFacts) -> Outcome[bool]:
    """A body of a level its tier has (Art. 21); a Board serves one constituency (Art. 24), a Team one
    voting area (Art. 25(1)), a commune Committee its commune (Art. 22(2))."""
    reasons: list[Reason] = []
    if facts.level not in TIER_LEVELS[facts.tier]:
        allowed = ", ".join(level.value for level in TIER_LEVELS[facts.tier])
        reasons.append(
            _placement_error(
                "level_not_of_tier",
                "Art. 21",
                "3.2",
                f"Cấp của tổ chức phụ trách bầu cử này là một trong: {allowed}.",
                f"The level of this body is one of: {allowed}.",
            )
        )
    if facts.tier is Tier.BOARD and facts.constituency is None:
        reasons.append(
            _placement_error(
                "board_needs_constituency",
                "Art. 24",
                "3.5",
                "Ban bầu cử được thành lập ở mỗi đơn vị bầu cử: chọn đơn vị bầu cử.",
                "An Election Board is formed for one constituency: choose it.",
            )
        )
    if facts.tier is Tier.TEAM and facts.voting_area is None:
        reasons.append(
            _placement_error(
                "team_needs_voting_area",
                "Art. 25(1)",
                "3.9",
                "Tổ bầu cử được thành lập ở mỗi khu vực bỏ phiếu: chọn khu vực bỏ phiếu.",
                "An Election Team is formed for one voting area: choose it.",
            )
        )
    if facts.tier is Tier.COMMITTEE and facts.level is Contest.COMMUNE and not facts.commune:
        reasons.append(
            _placement_error(
                "commune_committee_needs_commune",
                "Art. 22(2)",
                "3.4",
                "Ủy ban bầu cử ở xã: chọn xã.",
                "A commune Election Committee needs its commune.",
            )
        )
    return Outcome(not reasons, tuple(reasons))


def check_body_members(facts: BodyFacts) -> Outcome[bool]:
    """Members and roles of the body (Art. 22, 24, 25(1), 90): a military-only Team has 5–9."""
    return check_body(body_kind(facts), (m.role for m in facts.members))


def check_member_addition(facts: BodyFacts) -> Outcome[bool]:
    """Adding a member (``facts`` with the member added) is refused only above the maximum: a body being
    filled is below its minimum until its last member is named (Art. 22, 24, 25(1))."""
    size = check_body_size(body_kind(facts), len(facts.members))
    reasons = tuple(r for r in size.reasons if r.code == "body_too_large")
    return Outcome(not reasons, reasons)


def check_constituency_boards(boards: int) -> Outcome[bool]:
    """Each constituency has exactly one Election Board (Art. 24)."""
    if boards == 1:
        return Outcome(True)
    if boards < 1:
        reason = _placement_error(
            "constituency_without_board",
            "Art. 24",
            "3.5",
            "Đơn vị bầu cử chưa có Ban bầu cử.",
            "The constituency has no Election Board.",
        )
    else:
        reason = _placement_error(
            "one_board_per_constituency",
            "Art. 24",
            "3.5",
            "Mỗi đơn vị bầu cử có một Ban bầu cử: đơn vị bầu cử này đã có Ban bầu cử.",
            "One Election Board per constituency: this constituency already has one.",
        )
    return Outcome(False, (reason,))


def check_voting_area_teams(teams: int) -> Outcome[bool]:
    """Each voting area has exactly one Election Team (Art. 25(1))."""
    if teams == 1:
        return Outcome(True)
    if teams < 1:
        reason = _placement_error(
            "voting_area_without_team",
            "Art. 25(1)",
            "3.9",
            "Khu vực bỏ phiếu chưa có Tổ bầu cử.",
            "The voting area has no Election Team.",
        )
    else:
        reason = _placement_error(
            "one_team_per_voting_area",
            "Art. 25(1)",
            "3.9",
            "Mỗi khu vực bỏ phiếu có một Tổ bầu cử: khu vực bỏ phiếu này đã có Tổ bầu cử.",
            "One Election Team per voting area: this voting area already has one.",
        )
    return Outcome(False, (reason,))
