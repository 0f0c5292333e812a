"""The adapter from voter-list rows to the printed forms' data (``baucu.reports.documents``).

Form 31 has three residence columns ([2.21]): 7a permanent and 7b temporary residence come from the
extract (``Voter.permanent_residence`` / ``temporary_residence``: "<residence group>, <commune name>",
loaded by the import), 7c the current abode is where the voter is listed (the residence group, or the
facility, and the commune of the voting area). Rows without those texts (entered before the import
carried them) keep the older rule: the one residence text goes in the column of the basis. Removed rows
are not printed; a voter with a certificate to vote elsewhere stays on the list with the note
"Bỏ phiếu ở nơi khác" (Art. 34) and gets no card.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.utils import timezone

from baucu.accounts.permissions import Permission
from baucu.accounts.scoping import unscoped
from baucu.elections.models import VotingArea
from baucu.reports.documents import Place, VoterLine, VoterList
from baucu.reports.documents import VoteElsewhereCertificate as VoteElsewhereCertificateData
from baucu.reports.vietnamese import vi_date
from baucu.voters.models import Voter
from baucu.voters.models.changes import VoteElsewhereCertificate

if TYPE_CHECKING:
    from baucu.accounts.actor import Actor
    from baucu.elections.models import Election
    from baucu.units.models import Commune

# The columns of a voter the printouts read.
PRINTED_FIELDS = [
    "seq",
    "full_name",
    "birth_date",
    "birth_year",
    "gender",
    "personal_id",
    "ethnicity",
    "residence_group",
    "permanent_residence",
    "temporary_residence",
    "basis",
    "votes_na",
    "votes_provincial",
    "votes_commune",
    "status",
    "note",
    "temporary_since",
    "voting_area_id",
]

VOTING_ELSEWHERE_NOTE = "Bỏ phiếu ở nơi khác"
TEMPORARY_SINCE_NOTE = "Tạm trú từ {}"  # Form 31 note: the start of temporary residence ([2.6])

_PERMANENT = {Voter.Basis.PERMANENT}
_TEMPORARY = {Voter.Basis.TEMPORARY, Voter.Basis.TEMPORARY_12M}


def place_of(area: VotingArea) -> Place:
    commune = area.commune
    return Place(
        election_name=area.election.name,
        area_number=area.number,
        commune_name=commune.name,
        province_name=commune.province.name,
        commune_short_name=commune.short_name,
        polling_place=area.polling_place,
        election_year=area.election.day.year,
    )


def _note(voter: Voter) -> str:
    notes = [voter.note] if voter.note else []
    if voter.status == Voter.Status.VOTING_ELSEWHERE and VOTING_ELSEWHERE_NOTE not in voter.note:
        notes.append(VOTING_ELSEWHERE_NOTE)
    if voter.temporary_since is not None and voter.basis in _TEMPORARY:
        notes.append(TEMPORARY_SINCE_NOTE.format(vi_date(voter.temporary_since)))
    return "; ".join(notes)


def _joined(*parts: str) -> str:
    return ", ".join(p for p in parts if p)


def _residences(voter: Voter, area: VotingArea | None) -> tuple[str, str, str]:
    """(7a permanent, 7b temporary, 7c current abode) of ``voter``, listed in ``area``."""
    residence = voter.residence_group
    if not (voter.permanent_residence or voter.temporary_residence):
        return (
            residence if voter.basis in _PERMANENT else "",
            residence if voter.basis in _TEMPORARY else "",
            residence if voter.basis not in _PERMANENT | _TEMPORARY else "",
        )
    where = residence
    if voter.basis == Voter.Basis.FACILITY and area is not None:
        where = area.facility or residence
    abode = _joined(where, area.commune.name if area is not None else "")
    return voter.permanent_residence, voter.temporary_residence, abode


def line_of(voter: Voter, area: VotingArea | None = None) -> VoterLine:
    permanent, temporary, abode = _residences(voter, area)
    return VoterLine(
        seq=voter.seq,
        full_name=voter.full_name,
        birth_date=voter.birth_date,
        birth_year=voter.birth_year,
        is_male=voter.gender == Voter.Gender.MALE,
        personal_id=voter.personal_id,
        ethnicity=voter.ethnicity,
        permanent_residence=permanent,
        temporary_residence=temporary,
        current_abode=abode,
        votes_na=voter.votes_na,
        votes_provincial=voter.votes_provincial,
        votes_commune=voter.votes_commune,
        note=_note(voter),
        votes_here=voter.status == Voter.Status.LISTED,
    )


_RESIDENCE_FIELDS = ("permanent_residence", "temporary_residence")


def _with_residences(area: VotingArea, voters: list[Voter]) -> list[Voter]:
    """Fill the residence texts of voters read without them (``.only(...)``) in one query, not one each.

    The voters are already scoped to the reader; the query reads the same rows (by area and id) again.
    """
    missing = [v for v in voters if set(_RESIDENCE_FIELDS) & v.get_deferred_fields()]
    if not missing:
        return voters
    with unscoped("Form 31: residence texts of voters already read through the actor's scope"):
        texts = {
            pk: (permanent, temporary)
            for pk, permanent, temporary in Voter.objects.filter(voting_area_id=area.pk).values_list(
                "pk", *_RESIDENCE_FIELDS
            )
        }
    for voter in missing:
        voter.permanent_residence, voter.temporary_residence = texts.get(voter.pk, ("", ""))
    return voters


def voter_list_of(area: VotingArea, voters: Iterable[Voter]) -> VoterList:
    """Form 31 data of ``area`` from its (already scoped) voters, in list order."""
    printed = _with_residences(area, [v for v in voters if v.status != Voter.Status.REMOVED])
    return VoterList(
        place=place_of(area), lines=[line_of(v, area) for v in sorted(printed, key=lambda v: v.seq)]
    )


def certificate_of(certificate: VoteElsewhereCertificate) -> VoteElsewhereCertificateData:
    """Form 11 data from a certificate (``voters.models.changes``); the origin row gives the voter."""
    voter = certificate.origin_voter
    area = voter.voting_area
    commune = certificate.commune
    return VoteElsewhereCertificateData(
        number=certificate.number,
        election_name=certificate.election.name,
        full_name=voter.full_name,
        birth_date=voter.birth_date,
        birth_year=voter.birth_year,
        personal_id=voter.personal_id,
        residence=voter.permanent_residence or voter.residence_group,
        current_abode=_residences(voter, area)[2] or voter.residence_group,
        card_number=voter.seq,
        area_number=area.number,
        commune_name=commune.name,
        province_name=commune.province.name,
        destination_commune_name=certificate.destination_commune.name,
        destination_province_name=certificate.destination_province.name,
        issued_on=timezone.localdate(certificate.issued_at),
        commune_short_name=commune.short_name,
    )


def commune_voter_lists(actor: Actor, commune: Commune, election: Election) -> list[VoterList]:
    """Form 31 data of every voting area of ``commune`` in ``election``, as ``actor`` may export them."""
    areas = list(
        VotingArea.objects.for_actor(actor)
        .filter(commune=commune, election=election)
        .select_related("election", "commune__province")
        .order_by("number")
    )
    by_area: dict[int, list[Voter]] = defaultdict(list)
    voters = (
        Voter.objects.for_actor(actor, Permission.EXPORT_PERSONAL_DATA)
        .filter(voting_area__in=areas)
        .exclude(status=Voter.Status.REMOVED)
        .only(*PRINTED_FIELDS)
    )
    for voter in voters:
        by_area[voter.voting_area_id].append(voter)
    return [voter_list_of(area, by_area[area.pk]) for area in areas]
