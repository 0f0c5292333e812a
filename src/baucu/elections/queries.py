"""Scoped reads of election setup (house rule 4): outside the actor's jurisdiction is a 404.

Elections themselves are national (every role sees the election it works in); constituencies, voting
areas and bodies are jurisdiction data read through ``Model.objects.for_actor``.
"""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import Http404

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.elections.models import (
    BodyMember,
    Constituency,
    Contest,
    Election,
    ElectionBody,
    Justification,
    VotingArea,
)
from baucu.units.models import Commune, Province


def elections_for_actor(actor: Actor) -> QuerySet[Election]:
    """Elections the actor works in: the one its role is limited to, else all."""
    if actor.role is None:
        return Election.objects.none()
    rows = Election.objects.all()
    if actor.election_key:
        rows = rows.filter(pk=int(actor.election_key) if actor.election_key.isdigit() else 0)
    return rows


def access_election_by_id(actor: Actor, election_id: int) -> Election:
    election = elections_for_actor(actor).filter(pk=election_id).first()
    if election is None:
        raise Http404("election")
    return election


def access_constituency_by_id(actor: Actor, constituency_id: int) -> Constituency:
    found = (
        Constituency.objects.for_actor(actor)
        .select_related("contest__election", "province", "commune")
        .filter(pk=constituency_id)
        .first()
    )
    if found is None:
        raise Http404("constituency")
    return found


def access_voting_area_by_id(actor: Actor, voting_area_id: int) -> VotingArea:
    found = (
        VotingArea.objects.for_actor(actor)
        .select_related("election", "commune", "province")
        .filter(pk=voting_area_id)
        .first()
    )
    if found is None:
        raise Http404("voting area")
    return found


def access_body_by_id(actor: Actor, body_id: int) -> ElectionBody:
    found = (
        ElectionBody.objects.for_actor(actor)
        .select_related("election", "province", "commune", "constituency__contest", "voting_area")
        .filter(pk=body_id)
        .first()
    )
    if found is None:
        raise Http404("body")
    return found


def access_member_by_id(actor: Actor, member_id: int) -> BodyMember:
    found = (
        BodyMember.objects.for_actor(actor)
        .select_related("body__election", "body__province", "body__commune", "body__voting_area")
        .filter(pk=member_id)
        .first()
    )
    if found is None:
        raise Http404("member")
    return found


def justifications_of(election: Election, province: Province | None = None) -> QuerySet[Justification]:
    """Recorded reasons for late actions: the whole election (NEC) or one province's."""
    rows = Justification.objects.filter(election=election).select_related("recorded_by", "province")
    return rows.filter(province=province) if province is not None else rows


def commune_contest(election: Election, commune: Commune) -> Contest | None:
    return Contest.objects.filter(election=election, kind=Contest.Kind.COMMUNE, commune=commune).first()


def province_constituencies(actor: Actor, election: Election, province: Province) -> QuerySet[Constituency]:
    return (
        Constituency.objects.for_actor(actor)
        .filter(contest__election=election, province=province, commune__isnull=True)
        .select_related("contest")
        .annotate(commune_count=Count("communes"))
        .order_by("contest__kind", "number")
    )


def commune_constituencies(actor: Actor, election: Election, commune: Commune) -> QuerySet[Constituency]:
    return (
        Constituency.objects.for_actor(actor)
        .filter(contest__election=election, commune=commune)
        .annotate(area_count=Count("voting_areas"))
        .order_by("number")
    )


def voting_areas_of(actor: Actor, election: Election, commune: Commune) -> QuerySet[VotingArea]:
    return VotingArea.objects.for_actor(actor).filter(election=election, commune=commune).order_by("number")


def bodies_of(
    actor: Actor, election: Election, province: Province, commune: Commune | None = None
) -> QuerySet[ElectionBody]:
    rows = ElectionBody.objects.for_actor(actor).filter(election=election, province=province)
    rows = rows.filter(commune=commune) if commune is not None else rows.filter(commune__isnull=True)
    return (
        rows.annotate(member_count=Count("members"))
        .select_related("constituency", "voting_area")
        .order_by("kind", "name")
    )


def members_of(actor: Actor, body: ElectionBody) -> QuerySet[BodyMember]:
    return BodyMember.objects.for_actor(actor).filter(body=body).order_by("id")


def communes_of_province(province: Province) -> QuerySet[Commune]:
    return Commune.objects.filter(province=province).order_by("name")


def may_change(actor: Actor, jurisdiction: Jurisdiction, election: Election) -> bool:
    return actor.can(Permission.CHANGE, jurisdiction, election_key=str(election.pk))
