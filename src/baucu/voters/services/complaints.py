"""The register of complaints about a voter list (Art. 33): received within 30 days of posting,
decided within 5 days of receipt. The posting date is the election's ``voter_lists_posted`` step.

Upholding a complaint about a voter's details (a misspelt name, a wrong date of birth, sex or ethnicity)
corrects the row in the same transaction (``VoterCorrection``): a ``correction`` list change, with the
24-hour cut-off of every change. Someone wrongly listed or left out is removed or added by the services
of :mod:`baucu.voters.services.changes`, each with its own article.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.elections.models import Election, VotingArea
from baucu.law import list_changes as law_changes
from baucu.law import list_complaints as law_complaints
from baucu.law.outcome import Outcome
from baucu.units.models import Commune
from baucu.voters.models import ListChange, ListComplaint, Voter
from baucu.voters.services.certificates import posting_date
from baucu.voters.services.changes import (
    ListChangeError,
    check_cutoff,
    local_naive,
    record_change,
    require_manage,
)


def _refuse_unless(outcome: Outcome[bool]) -> None:
    if not outcome.value:
        raise ListChangeError(outcome.errors)


def _record(action: AuditAction, complaint: ListComplaint, actor: Actor, old: object, new: object) -> None:
    record_event(
        action,
        actor=actor,
        jurisdiction=Jurisdiction.commune(complaint.province_id, complaint.commune_id),
        election_key=str(complaint.election_id),
        object_type="ListComplaint",
        object_id=complaint.pk,
        old_value=old,
        new_value=new,
    )


def do_register_list_complaint(
    election: Election,
    commune: Commune,
    *,
    complainant_name: str,
    content: str,
    complainant_contact: str = "",
    voting_area: VotingArea | None = None,
    voter: Voter | None = None,
    actor: Actor,
    at: dt.datetime | None = None,
) -> ListComplaint:
    """Record a complaint in the register; refused after the 30 days from posting (Art. 33)."""
    at = at or timezone.now()
    require_manage(actor, commune, election)
    _refuse_unless(
        law_complaints.check_complaint_subject(
            commune.code,
            area_commune=voting_area.commune_id if voting_area is not None else None,
            voter_commune=voter.commune_id if voter is not None else None,
        )
    )
    received_on = local_naive(at).date()
    _refuse_unless(law_changes.complaint_allowed(received_on, posting_date(election)))
    complaint = ListComplaint(
        election=election,
        province_id=commune.province_id,
        commune=commune,
        voting_area=voting_area if voting_area is not None else (voter.voting_area if voter else None),
        voter=voter,
        complainant_name=complainant_name.strip(),
        complainant_contact=complainant_contact.strip(),
        content=content.strip(),
        received_at=at,
        received_by=actor.username,
        decision_due=law_changes.complaint_decision_due(received_on),
    )
    with transaction.atomic(), unscoped("list complaints: the service writes after its checks"):
        complaint.save(force_insert=True)
        _record(
            AuditAction.LIST_COMPLAINT_REGISTERED,
            complaint,
            actor,
            None,
            {
                "complainant": complaint.complainant_name,
                "received_at": complaint.received_at,
                "decision_due": complaint.decision_due,
                "voter": complaint.voter_id,
            },
        )
    return complaint


@dataclass(frozen=True)
class VoterCorrection:
    """The corrected details of the voter a complaint names; empty fields stay as they are."""

    full_name: str = ""
    birth_date: dt.date | None = None
    gender: str = ""
    ethnicity: str = ""

    def changes(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        if self.full_name.strip():
            found["full_name"] = unicodedata.normalize("NFC", " ".join(self.full_name.split()))
        if self.birth_date is not None:
            found["birth_date"] = self.birth_date
            found["birth_year"] = self.birth_date.year
        if self.gender:
            found["gender"] = self.gender
        if self.ethnicity.strip():
            found["ethnicity"] = unicodedata.normalize("NFC", self.ethnicity.strip())
        return found


def _check_correction(
    complaint: ListComplaint,
    outcome: str,
    changes: dict[str, Any],
    at: dt.datetime,
    voting_start: dt.time | None,
) -> None:
    voter = complaint.voter
    _refuse_unless(
        law_complaints.check_correction(
            outcome,
            names_voter=voter is not None,
            voter_listed=voter is not None and voter.status == Voter.Status.LISTED,
            sex=changes.get("gender"),
            birth_date=changes.get("birth_date"),
            election_day=complaint.election.day,
        )
    )
    assert voter is not None  # the law core refuses a correction that names no voter
    check_cutoff(complaint.election, at, voting_start, voter.voting_area)


def _correct(
    complaint: ListComplaint, changes: dict[str, Any], decision: str, actor: Actor, at: dt.datetime
) -> None:
    assert complaint.voter_id is not None  # checked by _check_correction
    voter = Voter.objects.select_for_update().get(pk=complaint.voter_id)
    old = {k: getattr(voter, k) for k in changes}
    for key, value in changes.items():
        setattr(voter, key, value)
    voter.save(update_fields=list(changes))
    change = ListChange.objects.create(
        election_id=complaint.election_id,
        province_id=complaint.province_id,
        commune_id=complaint.commune_id,
        voter=voter,
        kind=ListChange.Kind.CORRECTION,
        reason=ListChange.Reason.COMPLAINT_UPHELD,
        reason_text=decision,
        article="Art. 33",
        actor_username=actor.username,
        at=at,
    )
    record_change(
        AuditAction.VOTER_CORRECTED,
        change=change,
        actor=actor,
        old={"personal_id": voter.personal_id, **old},
        new={"personal_id": voter.personal_id, "complaint": complaint.pk, **changes},
    )


def do_decide_list_complaint(
    complaint: ListComplaint,
    *,
    outcome: str,
    decision: str,
    actor: Actor,
    at: dt.datetime | None = None,
    correction: VoterCorrection | None = None,
    voting_start: dt.time | None = None,
) -> ListComplaint:
    """Record the list-maker's decision (Art. 33), and with ``correction`` correct the details of the
    voter an upheld complaint names, in the same transaction. Someone wrongly listed or left out is
    removed or added by :mod:`baucu.voters.services.changes`, each with its own article."""
    at = at or timezone.now()
    require_manage(actor, complaint.commune, complaint.election)
    changes = correction.changes() if correction is not None else {}
    if changes:
        _check_correction(complaint, outcome, changes, at, voting_start)
    _refuse_unless(law_complaints.check_decision(outcome, decision))
    with transaction.atomic(), unscoped("list complaints: the service writes after its checks"):
        current = ListComplaint.objects.select_for_update().get(pk=complaint.pk)
        _refuse_unless(
            law_complaints.check_decision(outcome, decision, already_decided=current.decided_at is not None)
        )
        current.outcome = outcome
        current.decision = decision.strip()
        current.decided_at = at
        current.decided_by = actor.username
        current.save(update_fields=["outcome", "decision", "decided_at", "decided_by"])
        _record(
            AuditAction.LIST_COMPLAINT_DECIDED,
            current,
            actor,
            {"outcome": "", "decided_at": None},
            {
                "outcome": current.outcome,
                "decision": current.decision,
                "decided_at": current.decided_at,
                "late": law_complaints.decided_late(local_naive(at).date(), current.decision_due),
            },
        )
        if changes:
            _correct(current, changes, current.decision, actor, at)
    complaint.refresh_from_db()
    return complaint


def is_overdue(complaint: ListComplaint, today: dt.date) -> bool:
    """Undecided past the 5-day due date: the complainant may go to court (Art. 33)."""
    return complaint.decided_at is None and law_complaints.decided_late(today, complaint.decision_due)
