"""Scoped reads of the voter registry (house rule 4): outside the actor's jurisdiction is a 404.

Others may append functions here. Counts are aggregated in the database (no loop over voters).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from baucu.accounts.actor import Actor
from baucu.elections.models import Election, VotingArea
from baucu.units.models import Commune, Province
from baucu.voters.models import RejectedRow, Voter, VoterImport

LISTED = Q(status=Voter.Status.LISTED)


@dataclass
class AreaCounts:
    """Listed voters of one voting area: totals by sex and by contest (Form 31 footer)."""

    area: VotingArea
    voters: int = 0
    male: int = 0
    female: int = 0
    na: int = 0
    provincial: int = 0
    commune: int = 0


@dataclass
class ElectionLists:
    election: Election
    areas: list[AreaCounts] = field(default_factory=list)

    @property
    def total(self) -> AreaCounts:
        sums = AreaCounts(area=self.areas[0].area) if self.areas else AreaCounts(area=VotingArea())
        for a in self.areas:
            for name in ("voters", "male", "female", "na", "provincial", "commune"):
                setattr(sums, name, getattr(sums, name) + getattr(a, name))
        return sums


def commune_voter_lists(actor: Actor, commune: Commune) -> list[ElectionLists]:
    """Per election with voting areas in ``commune``, per area, the counts of listed voters."""
    areas = (
        VotingArea.objects.for_actor(actor)
        .filter(commune=commune)
        .select_related("election")
        .order_by("-election__day", "election_id", "number")
    )
    counts = {
        row["voting_area_id"]: row
        for row in Voter.objects.for_actor(actor)
        .filter(LISTED, commune=commune)
        .values("voting_area_id")
        .annotate(
            voters=Count("id"),
            male=Count("id", filter=Q(gender=Voter.Gender.MALE)),
            female=Count("id", filter=Q(gender=Voter.Gender.FEMALE)),
            na=Count("id", filter=Q(votes_na=True)),
            provincial=Count("id", filter=Q(votes_provincial=True)),
            commune=Count("id", filter=Q(votes_commune=True)),
        )
        .order_by()
    }
    result: dict[int, ElectionLists] = {}
    for area in areas:
        lists = result.setdefault(area.election_id, ElectionLists(area.election))
        row = counts.get(area.pk, {})
        lists.areas.append(
            AreaCounts(
                area,
                **{k: row.get(k, 0) for k in ("voters", "male", "female", "na", "provincial", "commune")},
            )
        )
    return list(result.values())


def access_area_in_commune(actor: Actor, commune: Commune, voting_area_id: int) -> VotingArea:
    """A voting area of ``commune`` the actor may read; anything else is a 404."""
    area = (
        VotingArea.objects.for_actor(actor)
        .select_related("election", "commune", "province")
        .filter(pk=voting_area_id, commune=commune)
        .first()
    )
    if area is None:
        raise Http404("voting area")
    return area


def voters_of_area(actor: Actor, area: VotingArea) -> QuerySet[Voter]:
    """The lines of an area's list in card-number order (every status: removed lines stay visible)."""
    return Voter.objects.for_actor(actor).filter(voting_area=area).order_by("seq")


def province_imports(actor: Actor, province: Province) -> QuerySet[VoterImport]:
    return VoterImport.objects.for_actor(actor).filter(province=province).select_related("election")


def access_voter_import_by_id(actor: Actor, voter_import_id: int) -> VoterImport:
    found = (
        VoterImport.objects.for_actor(actor)
        .select_related("election", "province")
        .filter(pk=voter_import_id)
        .first()
    )
    if found is None:
        raise Http404("voter import")
    return found


def rejected_rows(voter_import: VoterImport, limit: int = 500) -> list[RejectedRow]:
    """Rejected rows of an import already read through ``access_voter_import_by_id``."""
    return list(RejectedRow.objects.filter(voter_import=voter_import).order_by("row", "id")[:limit])
