"""Certificates to vote elsewhere (giấy chứng nhận đi bầu cử ở nơi khác, Form 11/HĐBC; Art. 34).

Issuing is the origin commune's act: its People's Committee writes "Bỏ phiếu ở nơi khác" next to the
name (status ``voting_elsewhere``). Accepting is the destination commune's act: the voter is added
to a voting area there and votes for the contests :func:`baucu.law.voters.vote_elsewhere_contests`
gives (NA and provincial council). The two communes are different jurisdictions, each checked.
The single-listing constraint holds throughout: the origin row is no longer ``listed`` when the
destination row is added.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.elections.deadlines import election_steps
from baucu.elections.models import Election, VotingArea
from baucu.law import calendar as law_calendar
from baucu.law import list_changes as law_changes
from baucu.law import vote_elsewhere as law_elsewhere
from baucu.law import voters as law_voters
from baucu.law.outcome import Outcome, Severity
from baucu.units.models import Commune
from baucu.voters.models import ListChange, VoteElsewhereCertificate, Voter
from baucu.voters.services.changes import (
    VOTING_ELSEWHERE_NOTE,
    ListChangeError,
    check_cutoff,
    local_naive,
    next_seq,
    record_change,
    require_manage,
)


def _refuse_unless(outcome: Outcome[bool]) -> None:
    if not outcome.value:
        raise ListChangeError(outcome.errors)


def posting_date(election: Election) -> dt.date:
    """The day the lists are posted: the calendar step ``voter_lists_posted`` (Art. 32), overrides applied."""
    return law_calendar.find_step(election_steps(election), "voter_lists_posted").deadline


def next_certificate_number(election: Election, commune: Commune) -> str:
    """``<commune code>-<n>``: unique per election, readable on the printed certificate."""
    with unscoped("certificates: numbering within the issuing commune"):
        count = VoteElsewhereCertificate.objects.filter(election=election, commune=commune).count()
    return f"{commune.code}-{count + 1:04d}"


def do_issue_vote_elsewhere_certificate(
    origin_voter: Voter,
    destination_commune: Commune,
    *,
    actor: Actor,
    at: dt.datetime | None = None,
    voting_start: dt.time | None = None,
) -> VoteElsewhereCertificate:
    """Issue Form 11 to a listed voter and mark the origin row "Bỏ phiếu ở nơi khác" (Art. 34)."""
    at = at or timezone.now()
    election = origin_voter.election
    require_manage(actor, origin_voter.commune, election)
    _refuse_unless(law_changes.certificate_issue_allowed(local_naive(at), posting_date(election)))
    check_cutoff(election, at, voting_start, origin_voter.voting_area)
    _refuse_unless(law_elsewhere.check_destination_commune(origin_voter.commune_id, destination_commune.code))
    with transaction.atomic(), unscoped("certificates: the service writes after its checks"):
        voter = Voter.objects.select_for_update().get(pk=origin_voter.pk)
        holder = law_elsewhere.check_holder(
            listed=voter.status == Voter.Status.LISTED,
            holds_certificate=VoteElsewhereCertificate.objects.filter(origin_voter=voter).exists(),
        )
        _refuse_unless(holder)
        certificate = VoteElsewhereCertificate(
            election=election,
            province_id=voter.province_id,
            commune_id=voter.commune_id,
            number=next_certificate_number(election, voter.commune),
            origin_voter=voter,
            destination_province_id=destination_commune.province_id,
            destination_commune=destination_commune,
            issued_at=at,
            issued_by=actor.username,
        )
        try:
            with transaction.atomic():
                certificate.save(force_insert=True)
        except IntegrityError:
            # A certificate issued meanwhile (the unique origin_voter): the law's answer to a second one.
            raise ListChangeError(
                law_elsewhere.check_holder(listed=True, holds_certificate=True).errors
            ) from None
        old = {"status": voter.status, "note": voter.note}
        voter.status = Voter.Status.VOTING_ELSEWHERE
        voter.note = VOTING_ELSEWHERE_NOTE
        voter.save(update_fields=["status", "note"])
        change = ListChange.objects.create(
            election=election,
            province_id=voter.province_id,
            commune_id=voter.commune_id,
            voter=voter,
            kind=ListChange.Kind.VOTE_ELSEWHERE_OUT,
            reason=ListChange.Reason.VOTE_ELSEWHERE,
            reason_text=f"{certificate.number} → {destination_commune.name}",
            article="Art. 34",
            actor_username=actor.username,
            at=at,
        )
        record_change(
            AuditAction.VOTE_ELSEWHERE_CERTIFICATE_ISSUED,
            change=change,
            actor=actor,
            old=old,
            new={
                "status": voter.status,
                "note": voter.note,
                "certificate": certificate.number,
                "destination_commune": destination_commune.code,
            },
        )
    origin_voter.refresh_from_db()
    return certificate


def do_accept_vote_elsewhere_voter(
    certificate: VoteElsewhereCertificate,
    destination_voting_area: VotingArea,
    *,
    actor: Actor,
    at: dt.datetime | None = None,
    voting_start: dt.time | None = None,
) -> Voter:
    """Add the certificate holder to a voting area of the destination commune (Art. 34)."""
    at = at or timezone.now()
    area = destination_voting_area
    election = certificate.election
    require_manage(actor, certificate.destination_commune, election)
    _refuse_unless(
        law_elsewhere.check_destination_area(
            area.commune_id, certificate.destination_commune_id, same_election=area.election_id == election.pk
        )
    )
    check_cutoff(election, at, voting_start, area)
    decided = law_voters.vote_elsewhere_contests(certificate.province_id, certificate.destination_province_id)
    contests = decided.value
    # Across provinces the law core asks a person to confirm (law.md [2.17] UNVERIFIED): never refused,
    # the flag is kept with the change so the confirmation can be found.
    flags = "; ".join(r.vi for r in decided.reasons if r.severity is Severity.MANUAL)
    with transaction.atomic(), unscoped("certificates: the service writes after its checks"):
        current = VoteElsewhereCertificate.objects.select_for_update().get(pk=certificate.pk)
        _refuse_unless(law_elsewhere.check_certificate_unused(used=current.destination_voter_id is not None))
        origin = current.origin_voter
        voter = Voter(
            election=election,
            province_id=area.province_id,
            commune_id=area.commune_id,
            voting_area=area,
            seq=next_seq(area),
            personal_id=origin.personal_id,
            full_name=origin.full_name,
            birth_date=origin.birth_date,
            birth_year=origin.birth_year,
            gender=origin.gender,
            ethnicity=origin.ethnicity,
            basis=Voter.Basis.VOTE_ELSEWHERE,
            votes_na=contests.na,
            votes_provincial=contests.provincial,
            votes_commune=contests.commune,
            note=f"Giấy chứng nhận số {current.number}",
        )
        try:
            with transaction.atomic():
                voter.save(force_insert=True)
        except IntegrityError:
            raise ListChangeError(law_changes.check_single_listing(listed_elsewhere=True).errors) from None
        current.destination_voter = voter
        current.accepted_at = at
        current.accepted_by = actor.username
        current.save(update_fields=["destination_voter", "accepted_at", "accepted_by"])
        change = ListChange.objects.create(
            election=election,
            province_id=area.province_id,
            commune_id=area.commune_id,
            voter=voter,
            kind=ListChange.Kind.VOTE_ELSEWHERE_IN,
            reason=ListChange.Reason.VOTE_ELSEWHERE,
            reason_text=f"{current.number}; {flags}" if flags else current.number,
            article="Art. 34",
            actor_username=actor.username,
            at=at,
        )
        record_change(
            AuditAction.VOTE_ELSEWHERE_VOTER_ACCEPTED,
            change=change,
            actor=actor,
            new={
                "certificate": current.number,
                "voting_area": area.pk,
                "seq": voter.seq,
                "votes_na": voter.votes_na,
                "votes_provincial": voter.votes_provincial,
                "votes_commune": voter.votes_commune,
            },
        )
    certificate.refresh_from_db()
    return voter
