"""The register of complaints about a voter list (Art. 33): received within 30 days of posting,
decided within 5 days of receipt. The posting date is the election's ``voter_lists_posted`` step.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.elections.models import Election, VotingArea
from baucu.law import list_changes as law_changes
from baucu.units.models import Commune
from baucu.voters.certificates import posting_date
from baucu.voters.changes import ListChangeError, local_naive, refusal, require_manage
from baucu.voters.models import ListComplaint, Voter


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
    if (voting_area is not None and voting_area.commune_id != commune.code) or (
        voter is not None and voter.commune_id != commune.code
    ):
        raise refusal(
            "complaint_outside_commune",
            "Art. 33",
            "11.1",
            "Khu vực bỏ phiếu hoặc cử tri không thuộc danh sách do xã, phường này lập.",
            "The voting area or voter is not on a list this commune made.",
        )
    received_on = local_naive(at).date()
    window = law_changes.complaint_allowed(received_on, posting_date(election))
    if not window.value:
        raise ListChangeError(window.errors)
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


def do_decide_list_complaint(
    complaint: ListComplaint,
    *,
    outcome: str,
    decision: str,
    actor: Actor,
    at: dt.datetime | None = None,
) -> ListComplaint:
    """Record the list-maker's decision (Art. 33). An upheld complaint is acted on by an addition or
    removal of its own (:mod:`baucu.voters.changes`), which carries the cut-off and its article."""
    at = at or timezone.now()
    require_manage(actor, complaint.commune, complaint.election)
    if outcome not in ListComplaint.Outcome.values or not decision.strip():
        raise refusal(
            "decision_incomplete",
            "Art. 33",
            "11.1",
            "Ghi rõ kết quả giải quyết (chấp nhận hoặc không chấp nhận) và nội dung quyết định.",
            "Give the outcome (upheld or rejected) and the decision.",
        )
    with transaction.atomic(), unscoped("list complaints: the service writes after its checks"):
        current = ListComplaint.objects.select_for_update().get(pk=complaint.pk)
        if current.decided_at is not None:
            raise refusal(
                "complaint_already_decided",
                "Art. 33",
                "11.1",
                "Khiếu nại này đã được giải quyết.",
                "This complaint has already been decided.",
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
                "late": local_naive(at).date() > current.decision_due,
            },
        )
    complaint.refresh_from_db()
    return complaint


def is_overdue(complaint: ListComplaint, today: dt.date) -> bool:
    """Undecided past the 5-day due date: the complainant may go to court (Art. 33)."""
    return complaint.decided_at is None and today > complaint.decision_due
