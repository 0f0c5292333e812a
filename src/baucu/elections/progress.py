"""Which statutory calendar steps the stored data shows as done, for a province or a commune.

A step is marked done only where the data proves it; the law core decides nothing here. The
election itself fixes the election day; committees, constituencies, boards, voting areas, teams and
voter lists are done when every one the step needs exists.
"""

from __future__ import annotations

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections import queries
from baucu.elections.models import ElectionBody, VotingArea
from baucu.elections.models.election import Election
from baucu.units.models import Commune, Province

_COUNTS = "dashboard progress: counts over rows already read through for_actor"


def _areas_done(areas: list[VotingArea], team_area_ids: set[int]) -> set[str]:
    """Teams and voter lists of a set of voting areas (Art. 25(1), 32)."""
    done: set[str] = set()
    if not areas:
        return done
    if all(a.pk in team_area_ids for a in areas):
        done.add("election_teams_formed")
    with unscoped(_COUNTS):  # no personal data read: whether an area's list has any line
        listed = set(
            VotingArea.objects.filter(pk__in=[a.pk for a in areas], voters__isnull=False).values_list(
                "pk", flat=True
            )
        )
    if len(listed) == len(areas):
        done.add("voter_lists_posted")
    return done


def province_done(actor: Actor, election: Election, province: Province) -> frozenset[str]:
    done = {"election_day_announced"}  # the election exists: its day is fixed (Art. 5)
    bodies = queries.bodies_of(actor, election, province)
    constituencies = queries.province_constituencies(actor, election, province)
    if bodies.filter(kind=ElectionBody.Kind.COMMITTEE).exists():
        done.add("election_committees_formed")
    if constituencies.exists():
        done.add("constituencies_announced")
        with unscoped(_COUNTS):
            if not constituencies.filter(bodies__isnull=True).exists():
                done.add("election_boards_formed")
    with unscoped(_COUNTS):
        areas = list(VotingArea.objects.filter(election=election, province=province))
        team_areas = set(
            ElectionBody.objects.filter(election=election, province=province, kind=ElectionBody.Kind.TEAM)
            .exclude(voting_area=None)
            .values_list("voting_area_id", flat=True)
        )
    communes = set(Commune.objects.filter(province=province).values_list("code", flat=True))
    if communes and communes <= {a.commune_id for a in areas}:
        done.add("voting_areas_decided")
        done |= _areas_done(areas, team_areas)
    return frozenset(done)


def commune_done(actor: Actor, election: Election, commune: Commune) -> frozenset[str]:
    done = {"election_day_announced"}
    areas = list(queries.voting_areas_of(actor, election, commune))
    bodies = queries.bodies_of(actor, election, commune.province, commune)
    if bodies.filter(kind=ElectionBody.Kind.COMMITTEE).exists():
        done.add("election_committees_formed")
    constituencies = queries.commune_constituencies(actor, election, commune)
    if constituencies.exists():
        done.add("constituencies_announced")  # the commune council's own (Art. 10(3))
        with unscoped(_COUNTS):
            if not constituencies.filter(bodies__isnull=True).exists():
                done.add("election_boards_formed")
    if areas:
        done.add("voting_areas_decided")
        team_areas = set(
            bodies.filter(kind=ElectionBody.Kind.TEAM)
            .exclude(voting_area=None)
            .values_list("voting_area_id", flat=True)
        )
        done |= _areas_done(areas, team_areas)
    return frozenset(done)
