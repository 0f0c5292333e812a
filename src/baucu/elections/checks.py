"""``baucu election check``: every range and coverage rule of an election's setup, asked of the law core.

Each rule reports how many objects it looked at and each problem with its article; a rule with no
problems is satisfied.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from baucu.accounts.scoping import unscoped
from baucu.elections import legal
from baucu.elections.models import BodyMember, Constituency, Contest, Election, ElectionBody, VotingArea
from baucu.law import bodies as law_bodies
from baucu.law import districting
from baucu.law import setup as law_setup
from baucu.law.contests import Contest as LawContest
from baucu.law.outcome import Reason, Severity
from baucu.units.models import Commune


@dataclass(frozen=True)
class Finding:
    where: str
    article: str
    code: str
    message_vi: str
    message_en: str

    def message(self, language: str = "en") -> str:
        text = self.message_en if language == "en" else self.message_vi
        return text if self.article in text else f"{text} ({self.article})"

    def as_dict(self, language: str = "en") -> dict[str, str]:
        return {
            "where": self.where,
            "rule": self.article,
            "code": self.code,
            "message": self.message(language),
        }


@dataclass
class RuleResult:
    rule: str
    article: str
    title: str
    checked: int = 0
    problems: list[Finding] = field(default_factory=list)

    @property
    def satisfied(self) -> bool:
        return not self.problems

    def add(self, where: str, reasons: Iterable[Reason]) -> None:
        for r in reasons:
            if r.severity in (Severity.ERROR, Severity.MANUAL):
                self.problems.append(Finding(where, r.article, r.code, r.vi, r.en))

    def as_dict(self, language: str = "en") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "article": self.article,
            "title": self.title,
            "checked": self.checked,
            "satisfied": self.satisfied,
            "problems": [p.as_dict(language) for p in self.problems],
        }


def _where(c: Constituency) -> str:
    place = c.commune_id or c.province_id
    return f"{c.contest.kind}:{place}/{c.number}"


def _seats(constituencies: list[Constituency]) -> RuleResult:
    result = RuleResult("constituency_seats", "Art. 10(4)", "Seats per constituency")
    for c in constituencies:
        result.checked += 1
        result.add(_where(c), legal.seat_violations(c.contest.kind, c.seats))
    return result


def _seat_totals(contests: list[Contest], constituencies: list[Constituency]) -> RuleResult:
    result = RuleResult(
        "contest_seat_totals", "Art. 10(2), 10(3)", "Constituency seats add up to the contest's"
    )
    seats: dict[int, list[int]] = defaultdict(list)
    for c in constituencies:
        seats[c.contest_id].append(c.seats)
    for contest in contests:
        if contest.seats_total is None:
            continue
        result.checked += 1
        outcome = law_setup.check_seats_add_up(
            LawContest(contest.kind), seats[contest.pk], contest.seats_total
        )
        result.add(str(contest), outcome.reasons)
    return result


def _commune_coverage(contests: list[Contest], constituencies: list[Constituency]) -> list[RuleResult]:
    through = Constituency.communes.through
    ids = [c.pk for c in constituencies if c.contest.kind != Contest.Kind.COMMUNE]
    pairs_by: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (kind, province) → pairs
    by_id = {c.pk: c for c in constituencies}
    for cid, commune in through.objects.filter(constituency_id__in=ids).values_list(
        "constituency_id", "commune_id"
    ):
        c = by_id[cid]
        pairs_by[(c.contest.kind, c.province_id)].append((str(c.number), commune))
    provinces_by_kind: dict[str, set[str]] = defaultdict(set)
    for c in constituencies:
        if c.contest.kind != Contest.Kind.COMMUNE:
            provinces_by_kind[c.contest.kind].add(c.province_id)
    for contest in contests:
        if contest.kind == Contest.Kind.PROVINCIAL and contest.province_id:
            provinces_by_kind[contest.kind].add(contest.province_id)
    communes_of: dict[str, list[str]] = defaultdict(list)
    for code, province in Commune.objects.values_list("code", "province_id"):
        communes_of[province].append(code)
    results = []
    for kind, article in ((Contest.Kind.NA, "Art. 10(2)"), (Contest.Kind.PROVINCIAL, "Art. 10(3)")):
        result = RuleResult(
            f"{kind}_commune_coverage", article, f"Every commune in exactly one {kind} constituency"
        )
        for province in sorted(provinces_by_kind.get(kind, ())):
            result.checked += 1
            outcome = districting.check_commune_coverage(
                LawContest(kind), sorted(communes_of[province]), pairs_by.get((kind, province), [])
            )
            result.add(f"{kind}:{province}", outcome.reasons)
        results.append(result)
    return results


def _area_coverage(
    election: Election, contests: list[Contest], constituencies: list[Constituency]
) -> RuleResult:
    result = RuleResult(
        "commune_area_coverage", "Art. 11(1)", "Every voting area in exactly one commune-council constituency"
    )
    through = Constituency.voting_areas.through
    commune_ids = [c.pk for c in constituencies if c.contest.kind == Contest.Kind.COMMUNE]
    by_id = {c.pk: c for c in constituencies}
    pairs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, area in through.objects.filter(constituency_id__in=commune_ids).values_list(
        "constituency_id", "votingarea_id"
    ):
        pairs[by_id[cid].commune_id or ""].append((str(by_id[cid].number), str(area)))
    areas: dict[str, list[str]] = defaultdict(list)
    for pk, commune in VotingArea.objects.filter(election=election).values_list("pk", "commune_id"):
        areas[commune].append(str(pk))
    for contest in contests:
        if contest.kind != Contest.Kind.COMMUNE or contest.commune_id is None:
            continue
        result.checked += 1
        outcome = districting.check_voting_area_constituencies(
            LawContest.COMMUNE, areas.get(contest.commune_id, []), pairs.get(contest.commune_id, [])
        )
        result.add(f"commune:{contest.commune_id}", outcome.reasons)
    return result


def _area_sizes(election: Election) -> RuleResult:
    result = RuleResult("voting_area_size", "Art. 11(2), 11(3)", "Voters per voting area")
    for area in VotingArea.objects.filter(election=election).exclude(voter_count=None):
        result.checked += 1
        result.add(
            f"area:{area.commune_id}/{area.number}", (r for _, r in legal.voting_area_violations(area))
        )
    return result


def _bodies(election: Election, constituencies: list[Constituency]) -> list[RuleResult]:
    sizes = RuleResult("body_sizes", "Art. 22, 24, 25(1)", "Members per Committee, Board and Team")
    bodies = list(
        ElectionBody.objects.filter(election=election).select_related(
            "election", "constituency__contest", "voting_area", "commune", "province"
        )
    )
    members: dict[int, list[_Counted]] = defaultdict(list)
    for body_id, role, military in BodyMember.objects.filter(body__election=election).values_list(
        "body_id", "role", "is_military"
    ):
        members[body_id].append(_Counted(military, role))
    for body in bodies:
        sizes.checked += 1
        sizes.add(f"{body.kind}:{body.pk} {body.name}", legal.body_size_violations(body, members[body.pk]))
    boards = RuleResult("one_board_per_constituency", "Art. 24", "Every constituency has one Election Board")
    boards_of = Counter(b.constituency_id for b in bodies if b.constituency_id)
    for c in constituencies:
        boards.checked += 1
        boards.add(_where(c), law_bodies.check_constituency_boards(boards_of[c.pk]).reasons)
    teams = RuleResult("one_team_per_voting_area", "Art. 25(1)", "Every voting area has one Election Team")
    teams_of = Counter(b.voting_area_id for b in bodies if b.voting_area_id)
    for pk, commune, number in VotingArea.objects.filter(election=election).values_list(
        "pk", "commune_id", "number"
    ):
        teams.checked += 1
        teams.add(f"area:{commune}/{number}", law_bodies.check_voting_area_teams(teams_of[pk]).reasons)
    return [sizes, boards, teams]


@dataclass
class _Counted:
    is_military: bool
    role: str


def check_election(election: Election) -> list[RuleResult]:
    """Every rule of the election's setup, satisfied or with its problems."""
    with unscoped("election check: the whole election"):
        contests = list(Contest.objects.filter(election=election))
        constituencies = list(
            Constituency.objects.filter(contest__election=election).select_related("contest")
        )
        results = [_seats(constituencies), _seat_totals(contests, constituencies)]
        results += _commune_coverage(contests, constituencies)
        results.append(_area_coverage(election, contests, constituencies))
        results.append(_area_sizes(election))
        results += _bodies(election, constituencies)
    return results
