"""Election-setup rows turned into the law core's facts, and its outcomes into reasons per form field.

Nothing here decides a legal question (house rule 1): constituencies and voting areas are checked by
:mod:`baucu.law.setup`, bodies by :mod:`baucu.law.bodies`, the calendar by :mod:`baucu.law.calendar`. This
module only builds their inputs from stored rows and says which form field each reason concerns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from baucu.elections.deadlines import election_steps, law_kind
from baucu.elections.errors import Violation
from baucu.elections.models import Contest, Election, ElectionBody, VotingArea
from baucu.law import bodies as law_bodies
from baucu.law import calendar as law_calendar
from baucu.law import districting
from baucu.law import setup as law_setup
from baucu.law.contests import Contest as LawContest
from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity
from baucu.units.models import Commune, Province


class MemberLike(Protocol):
    """A member row or input: only its role and whether a soldier matter to the law (Art. 25(1))."""

    @property
    def is_military(self) -> bool: ...

    @property
    def role(self) -> str: ...


# The form field each of the law core's reason codes concerns (``None``: the whole form).
_FIELD_OF = {
    "seats_below_minimum": "seats",
    "seats_above_cap": "seats",
    "commune_constituency_of_areas": "communes",
    "commune_outside_province": "communes",
    "voting_area_outside_commune": "voting_areas",
    "province_constituency_of_communes": "voting_areas",
    "residential_area_needs_groups": "residence_groups",
    "separate_area_needs_facility": "facility",
    "voting_start_out_of_range": "voting_start",
    "board_needs_constituency": "constituency",
    "team_needs_voting_area": "voting_area",
    "commune_committee_needs_commune": "commune",
    "level_not_of_tier": "level",
}


def _blocking(outcome: Outcome[Any]) -> tuple[Reason, ...]:
    return tuple(r for r in outcome.reasons if r.severity in (Severity.ERROR, Severity.MANUAL))


def _by_field(outcome: Outcome[Any], default: str) -> list[tuple[str, Reason]]:
    return [(_FIELD_OF.get(r.code, default), r) for r in _blocking(outcome)]


def problem_reason(problem: Problem) -> Reason:
    return Reason(problem.code, problem.rule, "", problem.message, problem.message, Severity.ERROR)


def steps_of(election: Election) -> tuple[law_calendar.Step, ...]:
    return election_steps(election)


def election_day_violations(day: dt.date, election: Election) -> list[Violation]:
    try:
        law_calendar.check_election_day(day, law_kind(election))
    except InvalidInput as exc:
        return [Violation(problem_reason(p), "day") for p in exc.problems]
    return []


# ---------------------------------------------------------------- constituencies (Art. 10)


def seat_violations(contest_kind: str, seats: int) -> tuple[Reason, ...]:
    """Art. 10(4): seats per constituency."""
    return _blocking(districting.check_constituency_seats(LawContest(contest_kind), seats))


def constituency_facts(
    contest: Contest,
    province: Province,
    seats: int,
    communes: Iterable[Commune] = (),
    areas: Iterable[VotingArea] = (),
) -> law_setup.ConstituencyFacts:
    return law_setup.ConstituencyFacts(
        contest=LawContest(contest.kind),
        province=province.code,
        seats=seats,
        commune=contest.commune_id,
        communes=tuple(law_setup.CommuneRef(c.code, c.name, c.province_id) for c in communes),
        voting_areas=tuple(law_setup.AreaRef(str(a.pk), a.commune_id) for a in areas),
    )


def constituency_violations(
    contest: Contest, province: Province, seats: int, communes: Sequence[Commune], areas: Sequence[VotingArea]
) -> list[tuple[str, Reason]]:
    """Seats (Art. 10(4)) and make-up (Art. 10(1)–(3), 11(1)), each reason with its form field."""
    facts = constituency_facts(contest, province, seats, communes, areas)
    return _by_field(law_setup.check_constituency(facts), "communes")


def duplicate_number_reason(number: int) -> Reason:
    """The law's reason when ``number`` is already taken in the contest (Art. 10(1))."""
    return law_setup.check_constituency_number(number, (number,)).reasons[0]


# ---------------------------------------------------------------- voting areas (Art. 11)


def area_facts(area: VotingArea) -> law_setup.VotingAreaFacts:
    return law_setup.VotingAreaFacts(
        kind=law_setup.VotingAreaKind(area.kind),
        remote=area.is_mountainous,
        residence_groups=tuple(area.residence_group_list),
        facility=area.facility,
        voter_count=area.voter_count,
        voting_start=area.voting_start,
    )


def area_kind(area: VotingArea) -> districting.AreaKind:
    """The size rule of Art. 11(2)–(3) that applies to ``area``."""
    return law_setup.size_kind(law_setup.VotingAreaKind(area.kind), remote=area.is_mountainous)


def voting_area_violations(area: VotingArea) -> list[tuple[str, Reason]]:
    """Art. 11(1)–(3) and 71(1), each reason with its form field."""
    return _by_field(law_setup.check_voting_area(area_facts(area)), "voter_count")


def duplicate_area_reason(number: int) -> Reason:
    """The law's reason when the commune already has voting area ``number`` (Art. 11(4))."""
    return law_setup.check_voting_area_number(number, (number,)).reasons[0]


# ---------------------------------------------------------------- bodies (Art. 21–25, 90)


def body_facts(body: ElectionBody, members: Sequence[MemberLike] = ()) -> law_bodies.BodyFacts:
    area = body.voting_area
    return law_bodies.BodyFacts(
        tier=law_bodies.Tier(body.kind),
        level=LawContest(body.level),
        by_election=body.election.kind == Election.Kind.BY_ELECTION,
        constituency=LawContest(body.constituency.contest.kind) if body.constituency is not None else None,
        voting_area=law_setup.VotingAreaKind(area.kind) if area is not None else None,
        commune=body.commune_id is not None,
        members=tuple(law_bodies.Member(law_bodies.Role(m.role), m.is_military) for m in members),
    )


def body_shape_violations(body: ElectionBody) -> list[tuple[str, Reason]]:
    """Art. 21, 22(2), 24, 25(1): the level, constituency, voting area or commune the body serves."""
    return _by_field(law_bodies.check_body_placement(body_facts(body)), "kind")


def body_kind(body: ElectionBody, members: Sequence[MemberLike] = ()) -> law_bodies.BodyKind:
    """Which body of the law this is (Art. 22, 24, 25, 90)."""
    return law_bodies.body_kind(body_facts(body, members))


def body_size_violations(
    body: ElectionBody, members: Sequence[MemberLike], *, only_maximum: bool = False
) -> tuple[Reason, ...]:
    """Art. 22, 24, 25(1): members and roles of the body (a military-only Team has 5–9).

    ``only_maximum``: adding one member to a body being filled (:func:`law_bodies.check_member_addition`).
    """
    facts = body_facts(body, members)
    if only_maximum:
        return _blocking(law_bodies.check_member_addition(facts))
    return _blocking(law_bodies.check_body_members(facts))


def body_rule(body: ElectionBody) -> law_bodies.BodyRule:
    return law_bodies.BODY_RULES[body_kind(body)]


def board_count_violations(boards: int) -> tuple[Reason, ...]:
    """Art. 24: a constituency with ``boards`` Election Boards (the one being formed included)."""
    return _blocking(law_bodies.check_constituency_boards(boards))


def team_count_violations(teams: int) -> tuple[Reason, ...]:
    """Art. 25(1): a voting area with ``teams`` Election Teams (the one being formed included)."""
    return _blocking(law_bodies.check_voting_area_teams(teams))


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
