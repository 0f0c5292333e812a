"""The only writers of election setup (house rule 3).

Each ``do_<verb>_<noun>(..., *, actor)`` checks the actor's permission where the object lies, asks
:mod:`baucu.law` whether the change is lawful (through :mod:`baucu.elections.legal`), writes the rows
and one audit event inside one transaction. A change after its statutory deadline needs a recorded
justification (:class:`Justification`); without one nothing is written.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar, cast

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.elections import jurisdictions, legal
from baucu.elections.deadlines import lateness
from baucu.elections.errors import SetupError, Violation
from baucu.elections.events import record, snapshot
from baucu.elections.members import MemberInput as MemberInput  # re-exported: forms, imports, tests
from baucu.elections.models import (
    BodyMember,
    CalendarOverride,
    Constituency,
    Contest,
    Election,
    ElectionBody,
    Justification,
    VotingArea,
)
from baucu.law import calendar as law_calendar
from baucu.law import voters as law_voters
from baucu.law.outcome import InvalidInput, Reason, Severity
from baucu.units.models import Commune, Province

INTEGRITY = "election setup service: integrity checks"

F = TypeVar("F", bound=Callable[..., Any])


def service_transaction(func: F) -> F:
    """One transaction; rows are written with the unscoped base manager after the permission check."""

    @functools.wraps(func)
    def run(*args: Any, **kwargs: Any) -> Any:
        with transaction.atomic(), unscoped(f"election setup service {func.__name__}"):
            return func(*args, **kwargs)

    return cast(F, run)


def _require(actor: Actor, jurisdiction: Jurisdiction, election: Election) -> None:
    if not actor.can(Permission.CHANGE, jurisdiction, election_key=str(election.pk)):
        raise PermissionDenied


def _raise_if(violations: Sequence[Violation]) -> None:
    if violations:
        raise SetupError(violations)


def _deadline_gate(
    election: Election,
    action: str,
    *,
    subject: str,
    justification: str,
    actor: Actor,
    province: Province | None,
    on: dt.date | None = None,
) -> list[Violation]:
    """Violations if ``action`` is late and unjustified; records the justification if it is late."""
    day = on or timezone.localdate()
    step_id, outcome = lateness(election, action, day)
    if not outcome.value or step_id is None:
        return []
    if not justification.strip():
        return [Violation(r, "justification") for r in outcome.reasons]
    step = next(s for s in legal.steps_of(election) if s.id == step_id)
    note = Justification.objects.create(
        election=election,
        province=province,
        step_id=step_id,
        action=action,
        subject=subject[:300],
        reason=justification.strip(),
        deadline=step.deadline,
        acted_on=day,
        recorded_by=actor.user,
    )
    record(
        AuditAction.LATE_ACTION_JUSTIFIED,
        actor=actor,
        election=election,
        jurisdiction=Jurisdiction.province(province.code) if province else Jurisdiction.nation(),
        obj=note,
        new=snapshot(note, exclude=("recorded_by",)),
    )
    return []


# ---------------------------------------------------------------- elections and contests


@service_transaction
def do_create_election(
    *,
    name: str,
    day: dt.date,
    kind: str = Election.Kind.GENERAL,
    term_label: str = "",
    na_legislature: int | None = None,
    mode: str = Election.Mode.TEST,
    is_synthetic: bool = False,
    actor: Actor,
) -> Election:
    if not actor.can(Permission.CHANGE, Jurisdiction.nation()):
        raise PermissionDenied
    election = Election(
        name=name,
        day=day,
        kind=kind,
        term_label=term_label,
        na_legislature=na_legislature,
        mode=mode,
        is_synthetic=is_synthetic,
    )
    _raise_if(legal.election_day_violations(day, election))
    election.save()
    record(
        AuditAction.ELECTION_CREATED,
        actor=actor,
        election=election,
        jurisdiction=Jurisdiction.nation(),
        obj=election,
        new=snapshot(election),
    )
    return election


@service_transaction
def do_create_contest(
    election: Election,
    *,
    kind: str,
    province: Province | None = None,
    commune: Commune | None = None,
    seats_total: int | None = None,
    is_synthetic: bool = False,
    actor: Actor,
) -> Contest:
    """Create a contest. The NA contest is national and has no province of its own: with ``province``
    it is brought into being by that province's committee, which lists its own NA constituencies in it
    (Art. 10(2): the province proposes them), so the permission is asked there; without, at the nation.
    """
    if kind == Contest.Kind.COMMUNE and commune is None:
        raise ValueError("a commune council contest needs its commune")
    if kind == Contest.Kind.PROVINCIAL and province is None:
        raise ValueError("a provincial council contest needs its province")
    if commune is not None:
        province = commune.province
    where = (
        Jurisdiction.commune(commune.province_id, commune.code)
        if commune
        else Jurisdiction.province(province.code)
        if province
        else Jurisdiction.nation()
    )
    _require(actor, where, election)
    contest = Contest.objects.create(
        election=election,
        kind=kind,
        province=province if kind != Contest.Kind.NA else None,
        commune=commune,
        seats_total=seats_total,
        is_synthetic=is_synthetic,
    )
    record(
        AuditAction.CONTEST_CREATED,
        actor=actor,
        election=election,
        jurisdiction=where,
        obj=contest,
        new=snapshot(contest),
    )
    return contest


def _where_contest(contest: Contest) -> Jurisdiction:
    if contest.commune is not None:
        return Jurisdiction.commune(contest.commune.province_id, contest.commune.code)
    if contest.province_id:
        return Jurisdiction.province(contest.province_id)
    return Jurisdiction.nation()


def ensure_contest(
    election: Election,
    *,
    kind: str,
    province: Province | None = None,
    commune: Commune | None = None,
    actor: Actor,
) -> Contest:
    """The election's contest of this kind and place, created through :func:`do_create_contest` (with
    its permission check and audit event) when it does not exist yet."""
    with unscoped(INTEGRITY):
        if kind == Contest.Kind.NA:
            found = Contest.objects.filter(election=election, kind=kind).first()
        elif kind == Contest.Kind.PROVINCIAL:
            found = Contest.objects.filter(election=election, kind=kind, province=province).first()
        else:
            found = Contest.objects.filter(election=election, kind=kind, commune=commune).first()
    return found or do_create_contest(election, kind=kind, province=province, commune=commune, actor=actor)


@service_transaction
def do_update_contest_seats(contest: Contest, *, seats_total: int | None, actor: Actor) -> Contest:
    """Set the number of seats a contest fills (the NA: 500, Art. 7; a council: its size)."""
    where = _where_contest(contest)
    _require(actor, where, contest.election)
    if contest.seats_total == seats_total:
        return contest
    old = snapshot(contest)
    contest.seats_total = seats_total
    contest.save(update_fields=["seats_total"])
    record(
        AuditAction.CONTEST_UPDATED,
        actor=actor,
        election=contest.election,
        jurisdiction=where,
        obj=contest,
        old=old,
        new=snapshot(contest),
    )
    return contest


# ---------------------------------------------------------------- constituencies (Art. 10)


def _constituency_violations(
    contest: Contest,
    province: Province,
    number: int,
    seats: int,
    communes: Sequence[Commune],
    areas: Sequence[VotingArea],
    exclude_pk: int | None,
) -> list[Violation]:
    found = [
        Violation(r, field)
        for field, r in legal.constituency_violations(contest, province, seats, communes, areas)
    ]
    with unscoped(INTEGRITY):
        clash = Constituency.objects.filter(
            contest=contest, province=province, commune=contest.commune, number=number
        )
        if exclude_pk is not None:
            clash = clash.exclude(pk=exclude_pk)
        if clash.exists():
            found.append(Violation(legal.duplicate_number_reason(number), "number"))
    return found


@service_transaction
def do_create_constituency(
    contest: Contest,
    *,
    number: int,
    seats: int,
    province: Province | None = None,
    communes: Iterable[Commune] = (),
    voting_areas: Iterable[VotingArea] = (),
    name: str = "",
    justification: str = "",
    is_synthetic: bool = False,
    actor: Actor,
) -> Constituency:
    province = province or contest.province or (contest.commune.province if contest.commune else None)
    if province is None:
        raise ValueError("a constituency needs its province")
    where = jurisdictions.of_contest_scope(contest, province.code)
    _require(actor, where, contest.election)
    commune_list, area_list = list(communes), list(voting_areas)
    violations = _constituency_violations(contest, province, number, seats, commune_list, area_list, None)
    _raise_if(violations)
    _raise_if(
        _deadline_gate(
            contest.election,
            "constituency",
            subject=f"{contest} #{number}",
            justification=justification,
            actor=actor,
            province=province,
        )
    )
    constituency = Constituency.objects.create(
        contest=contest,
        province=province,
        commune=contest.commune,
        number=number,
        seats=seats,
        name=name or f"Đơn vị bầu cử số {number}",
        is_synthetic=is_synthetic,
    )
    constituency.communes.set(commune_list)
    constituency.voting_areas.set(area_list)
    record(
        AuditAction.CONSTITUENCY_CREATED,
        actor=actor,
        election=contest.election,
        jurisdiction=where,
        obj=constituency,
        new=snapshot(constituency),
    )
    return constituency


@service_transaction
def do_update_constituency(
    constituency: Constituency,
    *,
    number: int | None = None,
    seats: int | None = None,
    communes: Iterable[Commune] | None = None,
    voting_areas: Iterable[VotingArea] | None = None,
    name: str | None = None,
    justification: str = "",
    actor: Actor,
) -> Constituency:
    contest = constituency.contest
    where = jurisdictions.of_constituency(constituency)
    _require(actor, where, contest.election)
    old = snapshot(constituency)
    new_number = constituency.number if number is None else number
    new_seats = constituency.seats if seats is None else seats
    commune_list = list(constituency.communes.all()) if communes is None else list(communes)
    area_list = list(constituency.voting_areas.all()) if voting_areas is None else list(voting_areas)
    _raise_if(
        _constituency_violations(
            contest, constituency.province, new_number, new_seats, commune_list, area_list, constituency.pk
        )
    )
    _raise_if(
        _deadline_gate(
            contest.election,
            "constituency",
            subject=str(constituency),
            justification=justification,
            actor=actor,
            province=constituency.province,
        )
    )
    constituency.number, constituency.seats = new_number, new_seats
    if name is not None:
        constituency.name = name
    constituency.save()
    constituency.communes.set(commune_list)
    constituency.voting_areas.set(area_list)
    record(
        AuditAction.CONSTITUENCY_UPDATED,
        actor=actor,
        election=contest.election,
        jurisdiction=where,
        obj=constituency,
        old=old,
        new=snapshot(constituency),
    )
    return constituency


# ---------------------------------------------------------------- voting areas (Art. 11)


@service_transaction
def do_create_voting_area(
    election: Election,
    *,
    commune: Commune,
    number: int,
    kind: str = VotingArea.Kind.RESIDENTIAL,
    residence_groups: Sequence[str] = (),
    facility: str = "",
    polling_place: str = "",
    voter_count: int | None = None,
    is_mountainous: bool = False,
    voting_start: dt.time = law_voters.DEFAULT_VOTING_START,
    justification: str = "",
    is_synthetic: bool = False,
    actor: Actor,
) -> VotingArea:
    where = Jurisdiction.commune(commune.province_id, commune.code)
    _require(actor, where, election)
    area = VotingArea(
        election=election,
        province_id=commune.province_id,
        commune=commune,
        number=number,
        kind=kind,
        residence_groups="\n".join(g.strip() for g in residence_groups if g.strip()),
        facility=facility,
        polling_place=polling_place,
        voter_count=voter_count,
        is_mountainous=is_mountainous,
        voting_start=voting_start,
        is_synthetic=is_synthetic,
    )
    _raise_if(_voting_area_violations(area))
    _raise_if(
        _deadline_gate(
            election,
            "voting_area",
            subject=f"{commune} #{number}",
            justification=justification,
            actor=actor,
            province=commune.province,
        )
    )
    area.save()
    record(
        AuditAction.VOTING_AREA_CREATED,
        actor=actor,
        election=election,
        jurisdiction=where,
        obj=area,
        new=snapshot(area),
    )
    return area


def _voting_area_violations(area: VotingArea) -> list[Violation]:
    found = [Violation(r, field) for field, r in legal.voting_area_violations(area)]
    with unscoped(INTEGRITY):
        clash = VotingArea.objects.filter(election=area.election, commune=area.commune, number=area.number)
        if clash.exclude(pk=area.pk).exists():
            found.append(Violation(legal.duplicate_area_reason(area.number), "number"))
    return found


@service_transaction
def do_update_voting_area(
    area: VotingArea,
    *,
    justification: str = "",
    actor: Actor,
    **changes: object,
) -> VotingArea:
    allowed = {
        "number",
        "kind",
        "residence_groups",
        "facility",
        "polling_place",
        "voter_count",
        "is_mountainous",
        "voting_start",
    }
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"cannot change {sorted(unknown)}")
    where = jurisdictions.of_voting_area(area)
    _require(actor, where, area.election)
    old = snapshot(area)
    for key, value in changes.items():
        if key == "residence_groups" and not isinstance(value, str):
            value = "\n".join(str(g).strip() for g in value if str(g).strip())  # type: ignore[attr-defined]
        setattr(area, key, value)
    _raise_if(_voting_area_violations(area))
    # The Team sets its start hour (Art. 71(1)) up to election day: not the areas' deadline (Art. 11(4)).
    new = snapshot(area)
    if {k for k in changes if old.get(k) != new.get(k)} - {"voting_start"}:
        _raise_if(
            _deadline_gate(
                area.election,
                "voting_area",
                subject=str(area),
                justification=justification,
                actor=actor,
                province=area.province,
            )
        )
    area.save()
    record(
        AuditAction.VOTING_AREA_UPDATED,
        actor=actor,
        election=area.election,
        jurisdiction=where,
        obj=area,
        old=old,
        new=snapshot(area),
    )
    return area


# ---------------------------------------------------------------- bodies (Art. 21–25)


@service_transaction
def do_create_body(
    election: Election,
    *,
    kind: str,
    level: str,
    province: Province,
    commune: Commune | None = None,
    constituency: Constituency | None = None,
    voting_area: VotingArea | None = None,
    name: str = "",
    established_on: dt.date | None = None,
    members: Sequence[MemberInput] = (),
    justification: str = "",
    is_synthetic: bool = False,
    actor: Actor,
) -> ElectionBody:
    """Form a committee, board or team together with its members (the decision names them all)."""
    if voting_area is not None:
        commune = voting_area.commune
    if constituency is not None and constituency.commune_id:
        commune = constituency.commune
    body = ElectionBody(
        election=election,
        kind=kind,
        level=level,
        province=province,
        commune=commune,
        constituency=constituency,
        voting_area=voting_area,
        name=name,
        established_on=established_on,
        is_synthetic=is_synthetic,
    )
    where = jurisdictions.of_body(body)
    _require(actor, where, election)
    violations = [Violation(r, field) for field, r in legal.body_shape_violations(body)]
    violations += [Violation(r, "members") for r in legal.body_size_violations(body, members)]
    with unscoped(INTEGRITY):
        if constituency is not None:
            boards = ElectionBody.objects.filter(constituency=constituency).count() + 1
            violations += [Violation(r, "constituency") for r in legal.board_count_violations(boards)]
        if voting_area is not None:
            teams = ElectionBody.objects.filter(voting_area=voting_area).count() + 1
            violations += [Violation(r, "voting_area") for r in legal.team_count_violations(teams)]
    _raise_if(violations)
    _raise_if(
        _deadline_gate(
            election,
            kind,
            subject=name,
            justification=justification,
            actor=actor,
            province=province,
            on=established_on,
        )
    )
    if not body.name:
        body.name = legal.default_body_name(body)
    body.save()
    BodyMember.objects.bulk_create(
        BodyMember(
            body=body,
            province=province,
            full_name=m.full_name.strip(),
            role=m.role,
            organisation=m.organisation,
            is_military=m.is_military,
            is_synthetic=m.is_synthetic,
        )
        for m in members
    )
    record(
        AuditAction.BODY_CREATED,
        actor=actor,
        election=election,
        jurisdiction=where,
        obj=body,
        new={**snapshot(body), "members": [m.__dict__ for m in members]},
    )
    return body


def _member_inputs(body: ElectionBody) -> list[MemberInput]:
    with unscoped(INTEGRITY):
        rows = list(BodyMember.objects.filter(body=body))
    return [MemberInput(m.full_name, m.role, m.organisation, m.is_military) for m in rows]


@service_transaction
def do_add_body_member(
    body: ElectionBody,
    *,
    full_name: str,
    role: str = BodyMember.Role.MEMBER,
    organisation: str = "",
    is_military: bool = False,
    is_synthetic: bool = False,
    actor: Actor,
) -> BodyMember:
    where = jurisdictions.of_body(body)
    _require(actor, where, body.election)
    member = MemberInput(full_name, role, organisation, is_military, is_synthetic)
    after = [*_member_inputs(body), member]
    # Adding may only be refused for exceeding the maximum: a body being filled is below its minimum.
    _raise_if([Violation(r, "full_name") for r in legal.body_size_violations(body, after, only_maximum=True)])
    row = BodyMember.objects.create(
        body=body,
        province=body.province,
        full_name=full_name.strip(),
        role=role,
        organisation=organisation,
        is_military=is_military,
        is_synthetic=is_synthetic,
    )
    record(
        AuditAction.BODY_MEMBER_ADDED,
        actor=actor,
        election=body.election,
        jurisdiction=where,
        obj=row,
        new=snapshot(row),
    )
    return row


@service_transaction
def do_remove_body_member(member: BodyMember, *, reason: str = "", actor: Actor) -> tuple[Reason, ...]:
    """Remove a member (e.g. a candidate in their own constituency, Art. 27); the reason is audited.

    Returns what the law core says of the body that remains (below its minimum: a replacement is due).
    """
    body = member.body
    where = jurisdictions.of_body(body)
    _require(actor, where, body.election)
    old = snapshot(member)
    record(
        AuditAction.BODY_MEMBER_REMOVED,
        actor=actor,
        election=body.election,
        jurisdiction=where,
        obj=member,
        old=old,
        new={"reason": reason.strip()} if reason.strip() else None,
    )
    member.delete()
    return legal.body_size_violations(body, _member_inputs(body))


# ---------------------------------------------------------------- calendar (Art. 98(3))


@service_transaction
def do_override_calendar_step(
    election: Election, *, step_id: str, new_date: dt.date, reason: str, actor: Actor
) -> CalendarOverride:
    """Record a National Election Council decision moving a step (Art. 98(3)); only the NEC may."""
    _require(actor, Jurisdiction.nation(), election)
    steps = legal.steps_of(election)
    try:
        law_calendar.apply_overrides(
            steps, election.day, {step_id: law_calendar.Override(deadline=new_date, reason=reason)}
        )
    except InvalidInput as exc:
        raise SetupError(Violation(legal.problem_reason(p), "step_id") for p in exc.problems) from exc
    existing = CalendarOverride.objects.filter(election=election, step_id=step_id).first()
    old = snapshot(existing, exclude=("decided_by",)) if existing else None
    override, _ = CalendarOverride.objects.update_or_create(
        election=election,
        step_id=step_id,
        defaults={"new_date": new_date, "reason": reason.strip(), "decided_by": actor.user},
    )
    record(
        AuditAction.CALENDAR_STEP_OVERRIDDEN,
        actor=actor,
        election=election,
        jurisdiction=Jurisdiction.nation(),
        obj=override,
        old=old,
        new=snapshot(override, exclude=("decided_by",)),
    )
    return override


# ---------------------------------------------------------------- NA constituencies (NEC Res. 85, Art. 10(2))


@dataclass(frozen=True)
class NaConstituency:
    """One NA constituency as the NEC's resolution lists it: province, number, seats, communes."""

    province: str
    number: int
    seats: int
    communes: tuple[str, ...]

    def value(self) -> dict[str, object]:
        return {
            "province": self.province,
            "number": self.number,
            "seats": self.seats,
            "communes": sorted(self.communes),
        }


def _na_constituencies_of(existing: Iterable[Constituency]) -> list[NaConstituency]:
    rows = list(existing)
    through = Constituency.communes.through
    communes: dict[int, list[str]] = {c.pk: [] for c in rows}
    for cid, commune in through.objects.filter(constituency_id__in=communes).values_list(
        "constituency_id", "commune_id"
    ):
        communes[cid].append(commune)
    return sorted(
        (NaConstituency(c.province_id, c.number, c.seats, tuple(sorted(communes[c.pk]))) for c in rows),
        key=lambda c: (c.province, c.number),
    )


@service_transaction
def do_replace_na_constituencies(
    contest: Contest, rows: Sequence[NaConstituency], *, provinces: Iterable[str], actor: Actor
) -> bool:
    """Make the NA constituencies of ``provinces`` exactly ``rows`` (checked by the caller against the law
    core); returns whether anything changed. The audit event keeps what was replaced and what replaced it.
    Nothing is replaced once an Election Board exists for one of them (Art. 24): it would lose its
    constituency."""
    if contest.kind != Contest.Kind.NA:
        raise ValueError("only the NA contest's constituencies come from the NEC's resolution")
    _require(actor, Jurisdiction.nation(), contest.election)
    wanted = sorted(
        (replace(r, communes=tuple(sorted(r.communes))) for r in rows), key=lambda c: (c.province, c.number)
    )
    existing = Constituency.objects.filter(contest=contest, province_id__in=set(provinces))
    current = _na_constituencies_of(existing)
    if current == wanted:
        return False
    if ElectionBody.objects.filter(constituency__in=existing).exists():
        raise SetupError(
            [
                Violation(
                    Reason(
                        "boards_exist",
                        "Art. 24",
                        "4.2",
                        "Đã thành lập Ban bầu cử cho các đơn vị bầu cử này: không thể nạp lại.",
                        "Election Boards exist for these constituencies: they cannot be re-loaded.",
                        Severity.ERROR,
                    )
                )
            ]
        )
    existing.delete()
    made = Constituency.objects.bulk_create(
        Constituency(
            contest=contest,
            province_id=r.province,
            number=r.number,
            seats=r.seats,
            name=f"Đơn vị bầu cử số {r.number}",
        )
        for r in wanted
    )
    through = Constituency.communes.through
    through.objects.bulk_create(
        through(constituency_id=c.pk, commune_id=code)
        for c, r in zip(made, wanted, strict=True)
        for code in r.communes
    )
    record(
        AuditAction.NA_CONSTITUENCIES_LOADED,
        actor=actor,
        election=contest.election,
        jurisdiction=Jurisdiction.nation(),
        obj=contest,
        old={"constituencies": [c.value() for c in current]},
        new={
            "constituencies": [c.value() for c in wanted],
            "provinces": len({r.province for r in wanted}),
            "seats": sum(r.seats for r in wanted),
        },
    )
    return True


# ---------------------------------------------------------------- synthetic setup in bulk (the demo)


@dataclass
class SyntheticSetup:
    """Unsaved rows of a synthetic election setup, written together by :func:`do_create_synthetic_setup`.

    Rows may point at each other before they exist (a constituency at its new contest, a Team at its
    new area, a member at its new body): each kind is written in turn, so the keys are there when
    the rows that point at them are written.
    """

    contests: list[Contest] = field(default_factory=list)
    voting_areas: list[VotingArea] = field(default_factory=list)
    # A constituency with its communes (NA, provincial) or its voting areas (commune council).
    constituencies: list[tuple[Constituency, list[Commune], list[VotingArea]]] = field(default_factory=list)
    bodies: list[tuple[ElectionBody, list[BodyMember]]] = field(default_factory=list)


def _setup_value(setup: SyntheticSetup) -> dict[str, object]:
    """What a bulk write wrote, row by row (members by count and a digest of their names and roles)."""
    members = hashlib.sha256()
    for body, rows in setup.bodies:
        for m in rows:
            members.update(f"{body.pk}|{m.full_name}|{m.role}|{m.organisation}|{m.is_military}\n".encode())
    return {
        "contests": [[c.pk, c.kind, c.province_id, c.commune_id, c.seats_total] for c in setup.contests],
        "voting_areas": [[a.pk, a.commune_id, a.number, a.kind, a.voter_count] for a in setup.voting_areas],
        "constituencies": [
            [c.pk, c.contest_id, c.number, c.seats, sorted(x.code for x in cs), sorted(a.pk for a in areas)]
            for c, cs, areas in setup.constituencies
        ],
        "bodies": [
            [b.pk, b.kind, b.level, b.commune_id, b.constituency_id, b.voting_area_id, len(rows)]
            for b, rows in setup.bodies
        ],
        "members": sum(len(rows) for _, rows in setup.bodies),
        "members_sha256": members.hexdigest(),
    }


@service_transaction
def do_create_synthetic_setup(election: Election, setup: SyntheticSetup, *, actor: Actor) -> SyntheticSetup:
    """Write a synthetic setup (contests, areas, constituencies, bodies and members) in bulk, with one
    audit event that lists every row written.

    For synthetic data of a test election only: thousands of rows at once would be thousands of
    single services and events. Real setup goes through the single services, each with the law core's
    checks and the deadline gate; synthetic setup is lawful by construction and ``baucu election
    check`` verifies it like any other. The actor needs the change permission everywhere it writes.
    """
    if election.mode != Election.Mode.TEST or not election.is_synthetic:
        raise ValueError("a bulk setup is for a synthetic test election only")
    rows: list[Any] = [
        *setup.contests,
        *setup.voting_areas,
        *(c for c, _, _ in setup.constituencies),
        *(b for b, _ in setup.bodies),
        *(m for _, members in setup.bodies for m in members),
    ]
    if not all(row.is_synthetic for row in rows):
        raise ValueError("every row of a bulk setup must be labelled synthetic")
    places = {_where_contest(c) for c in setup.contests}
    places |= {jurisdictions.of_voting_area(a) for a in setup.voting_areas}
    places |= {jurisdictions.of_contest_scope(c.contest, c.province_id) for c, _, _ in setup.constituencies}
    places |= {jurisdictions.of_body(b) for b, _ in setup.bodies}
    for place in places:
        _require(actor, place, election)
    Contest.objects.bulk_create(setup.contests)
    VotingArea.objects.bulk_create(setup.voting_areas)
    Constituency.objects.bulk_create(c for c, _, _ in setup.constituencies)
    to_communes, to_areas = Constituency.communes.through, Constituency.voting_areas.through
    to_communes.objects.bulk_create(
        to_communes(constituency_id=c.pk, commune_id=x.code) for c, cs, _ in setup.constituencies for x in cs
    )
    to_areas.objects.bulk_create(
        to_areas(constituency_id=c.pk, votingarea_id=a.pk)
        for c, _, areas in setup.constituencies
        for a in areas
    )
    ElectionBody.objects.bulk_create(b for b, _ in setup.bodies)
    for body, members in setup.bodies:
        for m in members:
            m.body = body
    BodyMember.objects.bulk_create((m for _, members in setup.bodies for m in members), batch_size=2000)
    record(
        AuditAction.SYNTHETIC_SETUP_CREATED,
        actor=actor,
        election=election,
        jurisdiction=places.pop() if len(places) == 1 else Jurisdiction.nation(),
        obj=election,
        new=_setup_value(setup),
    )
    return setup
