"""The register of complaints about a voter list (Art. 33): received within 30 days of posting,
decided within 5 days of receipt. The posting date is the election's ``voter_lists_posted`` step.

Upholding a complaint about a voter's details (a misspelt name, a wrong date of birth, sex or ethnicity)
corrects the row in the same transaction (``VoterCorrection``): a ``correction`` list change, with the
24-hour cut-off of every change. Someone wrongly listed or left out is removed or added by the services
of :mod:`baucu.voters.changes`, each with its own article.
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
from baucu.law import voters as law_voters
from baucu.units.models import Commune
from baucu.voters.certificates import posting_date
from baucu.voters.changes import (
    ListChangeError,
    check_cutoff,
    local_naive,
    record_change,
    refusal,
    require_manage,
)
from baucu.voters.models import ListChange, ListComplaint, Voter


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
    if outcome != ListComplaint.Outcome.UPHELD or complaint.voter_id is None:
        raise refusal(
            "correction_needs_upheld_complaint",
            "Art. 33",
            "11.1",
            "Chỉ sửa thông tin cử tri khi chấp nhận khiếu nại về một cử tri cụ thể trong danh sách.",
            "Details are corrected only when a complaint about a particular voter on the list is upheld.",
        )
    voter = complaint.voter
    assert voter is not None
    if voter.status != Voter.Status.LISTED:
        raise refusal(
            "correction_of_row_not_listed",
            "Art. 33",
            "11.1",
            "Cử tri này không còn trong danh sách (đã xóa tên hoặc đi bầu ở nơi khác).",
            "This voter is no longer on the list (removed, or voting elsewhere).",
        )
    if "gender" in changes and changes["gender"] not in Voter.Gender.values:
        raise refusal("bad_gender", "Art. 33", "11.1", "Giới tính là Nam hoặc Nữ.", "Sex is M or F.")
    if "birth_date" in changes:
        age = law_voters.voting_age(changes["birth_date"], complaint.election.day)
        if age.value is not True:
            raise refusal(
                "corrected_birth_date_under_age",
                "Art. 2",
                "2.1",
                "Với ngày sinh đã sửa, người này chưa đủ 18 tuổi vào ngày bầu cử (hoặc cần người quyết định):"
                " xóa tên khỏi danh sách thay vì sửa.",
                "With the corrected date of birth this person is not 18 on election day (or it needs a"
                " person's decision): remove them from the list instead.",
            )
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
    removed or added by :mod:`baucu.voters.changes`, each with its own article."""
    at = at or timezone.now()
    require_manage(actor, complaint.commune, complaint.election)
    changes = correction.changes() if correction is not None else {}
    if changes:
        _check_correction(complaint, outcome, changes, at, voting_start)
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
        if changes:
            _correct(current, changes, current.decision, actor, at)
    complaint.refresh_from_db()
    return complaint


def is_overdue(complaint: ListComplaint, today: dt.date) -> bool:
    """Undecided past the 5-day due date: the complainant may go to court (Art. 33)."""
    return complaint.decided_at is None and today > complaint.decision_due
