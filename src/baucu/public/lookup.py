"""The public voter lookup (issue 6): where do I vote, and for which councils?

A voter types their identity number and date of birth (or the year alone, for the records that
carry only a year, Form 31 note). The answer names the election, the voting area, its polling place,
commune and province, and the contests — nothing else: no name, no list number.

Anti-probing: a wrong date of birth for a listed number must look exactly like a number that is on no
list. So the same queries run whatever the input, the date is compared in constant time on every row
fetched (and on a dummy when none is), and the caller renders one fixed "no match" answer for both.

The public has no jurisdiction, so the read is unscoped, with ``REASON`` saying why.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from baucu.accounts.scoping import unscoped
from baucu.elections.models import Election
from baucu.voters.models import VoteElsewhereCertificate, Voter

REASON = "public voter lookup: answers one identity number + date of birth, no jurisdiction"

_FIELDS = (
    "id",
    "election_id",
    "status",
    "basis",
    "birth_date",
    "birth_year",
    "votes_na",
    "votes_provincial",
    "votes_commune",
    "voting_area__number",
    "voting_area__polling_place",
    "commune__name",
    "province__name",
)
_DUMMY = b"D:0000-00-00"


@dataclass(frozen=True)
class BirthInput:
    """What the voter typed: a full date, or a year alone."""

    year: int
    full: date | None = None


@dataclass(frozen=True)
class Listing:
    """Where one voter votes in one election."""

    election: Election
    area_number: int
    polling_place: str
    commune: str
    province: str
    votes_na: bool
    votes_provincial: bool
    votes_commune: bool
    via_certificate: bool  # listed at the destination of a certificate to vote elsewhere (Art. 34)


@dataclass(frozen=True)
class PendingCertificate:
    """A certificate to vote elsewhere (Form 11) not yet presented: no destination listing yet."""

    election: Election
    destination_commune: str  # empty if the certificate row is not found (e.g. an imported status)


@dataclass(frozen=True)
class Answer:
    listings: tuple[Listing, ...] = ()
    certificates_without_listing: tuple[PendingCertificate, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.listings or self.certificates_without_listing)


def current_elections() -> list[Election]:
    """The elections a voter may be asking about: those with voter lists, official before test.

    Upcoming ones (election day today or later) if any, else those of the most recent election day.
    Test elections are shown only where no official election has lists (the demo, a rehearsal).
    """
    with unscoped(REASON):
        has_lists = Exists(Voter.objects.filter(election=OuterRef("pk")))
        with_lists = list(Election.objects.filter(has_lists).order_by("day", "id"))
    official = [e for e in with_lists if e.is_official]
    pool = official or with_lists
    if not pool:
        return []
    upcoming = [e for e in pool if e.day >= timezone.localdate()]
    if upcoming:
        return upcoming
    latest = max(e.day for e in pool)
    return [e for e in pool if e.day == latest]


def _expected(row: dict[str, Any]) -> bytes:
    birth_date = row["birth_date"]
    if birth_date is not None:
        return f"D:{birth_date:%Y-%m-%d}".encode()
    return f"Y:{row['birth_year']:04d}".encode()


def _given(row: dict[str, Any], birth: BirthInput) -> bytes:
    # A full date is checked in full; a year-only record is checked on the year, whether the voter
    # typed the year alone or their full date (they may not know the list has only the year).
    if row["birth_date"] is not None:
        return f"D:{birth.full:%Y-%m-%d}".encode() if birth.full else b"Y:-"
    return f"Y:{birth.year:04d}".encode()


def find_listings(personal_id: str, birth: BirthInput) -> Answer:
    """The voter's listings in the current elections, if ``birth`` matches; else an empty answer."""
    elections = current_elections()
    by_id = {e.pk: e for e in elections}
    with unscoped(REASON):
        rows = list(
            Voter.objects.filter(
                election_id__in=list(by_id),
                personal_id=personal_id,
                status__in=[Voter.Status.LISTED, Voter.Status.VOTING_ELSEWHERE],
            )
            .order_by()
            .values(*_FIELDS)
        )
        # Asked whatever the input, so that a listed number costs no extra query (see the docstring).
        destinations = dict(
            VoteElsewhereCertificate.objects.filter(
                election_id__in=list(by_id), origin_voter__personal_id=personal_id
            ).values_list("origin_voter_id", "destination_commune__name")
        )
    matched = []
    for row in rows:
        if hmac.compare_digest(_expected(row), _given(row, birth)):
            matched.append(row)
    if not rows:
        hmac.compare_digest(_DUMMY, f"D:{birth.full or date.min:%Y-%m-%d}".encode())

    listings: list[Listing] = []
    pending: list[PendingCertificate] = []
    for election in elections:
        here = [r for r in matched if r["election_id"] == election.pk]
        origins = [r for r in here if r["status"] == Voter.Status.VOTING_ELSEWHERE]
        elsewhere = bool(origins)
        listed = [r for r in here if r["status"] == Voter.Status.LISTED]
        for r in listed:
            listings.append(
                Listing(
                    election=election,
                    area_number=r["voting_area__number"],
                    polling_place=r["voting_area__polling_place"],
                    commune=r["commune__name"],
                    province=r["province__name"],
                    votes_na=r["votes_na"],
                    votes_provincial=r["votes_provincial"],
                    votes_commune=r["votes_commune"],
                    via_certificate=elsewhere or r["basis"] == Voter.Basis.VOTE_ELSEWHERE,
                )
            )
        if elsewhere and not listed:
            pending.append(PendingCertificate(election, destinations.get(origins[0]["id"], "")))
    return Answer(listings=tuple(listings), certificates_without_listing=tuple(pending))
