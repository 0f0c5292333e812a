"""Election bodies: sizes, member roles, quorum and the candidate conflict (spec/law.md §3, [10.19]).

Each body is a collective (Art. 13, 26): a meeting needs at least two thirds of all members, a decision
more than half of all members (not of those present).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity


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
