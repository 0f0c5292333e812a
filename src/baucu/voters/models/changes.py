"""Changes to a posted voter list (Art. 29(4), 30, 34) and complaints about it (Art. 33).

Every change is a row of :class:`ListChange` with its reason, article, actor and time; the voter rows
themselves are never deleted (a removed voter keeps a row with status ``removed``). A certificate to
vote elsewhere (Form 11/HĐBC) links the origin row, marked "Bỏ phiếu ở nơi khác", to the row added at
the destination once the voter presents it there.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.scoping import ScopedManager
from baucu.elections.models import Election, VotingArea
from baucu.law.list_changes import ChangeKind, ChangeReason
from baucu.law.list_complaints import ComplaintOutcome
from baucu.storage import VI_COLLATION
from baucu.units.models import Commune, Province
from baucu.voters.models.lists import Voter


class ListChange(models.Model):
    """One addition to, removal from or mark on a voter list, after it was posted."""

    class Kind(models.TextChoices):
        # Law kinds, then the entries of Art. 33, 34 (tests/voters/test_voter_choices_from_law.py).
        ADDITION = ChangeKind.ADDITION.value, _("Addition")
        REMOVAL = ChangeKind.REMOVAL.value, _("Removal")
        VOTE_ELSEWHERE_OUT = "vote_elsewhere_out", _("Certificate to vote elsewhere issued")
        VOTE_ELSEWHERE_IN = "vote_elsewhere_in", _("Added with a certificate to vote elsewhere")
        CORRECTION = "correction", _("Correction")

    class Reason(models.TextChoices):
        # The law core's reasons (law.list_changes.CHANGE_RULES), then those of Art. 34 and 33.
        RETURNING_FROM_ABROAD = (
            ChangeReason.RETURNING_FROM_ABROAD.value,
            _("Returned from abroad (Art. 29(4))"),
        )
        RIGHTS_RESTORED = ChangeReason.RIGHTS_RESTORED.value, _("Voting rights restored (Art. 30(2))")
        MOVED_IN = ChangeReason.MOVED_IN.value, _("Moved in (Art. 30(3))")
        MOVED_OUT = ChangeReason.MOVED_OUT.value, _("Moved out (Art. 30(3))")
        RELEASED = ChangeReason.RELEASED.value, _("Released from detention (Art. 30(4))")
        RELEASED_FROM_FACILITY = (
            ChangeReason.RELEASED_FROM_FACILITY.value,
            _("Released: off the facility list (Art. 30(4))"),
        )
        DISQUALIFIED = ChangeReason.DISQUALIFIED.value, _("Disqualified, voter card withdrawn (Art. 30(5))")
        DEATH = ChangeReason.DEATH.value, _("Deceased (Art. 29(1))")
        VOTE_ELSEWHERE = "vote_elsewhere", _("Votes elsewhere (Art. 34)")
        COMPLAINT_UPHELD = "complaint_upheld", _("Complaint upheld (Art. 33)")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="list_changes")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+")
    voter = models.ForeignKey(Voter, on_delete=models.PROTECT, related_name="changes")
    kind = models.CharField(_("change"), max_length=20, choices=Kind.choices)
    reason = models.CharField(_("reason"), max_length=30, choices=Reason.choices)
    reason_text = models.TextField(_("details"), blank=True)
    article = models.CharField(_("article"), max_length=40)
    card_withdrawn = models.BooleanField(_("voter card withdrawn"), default=False)  # Art. 30(5)
    actor_username = models.CharField(max_length=150)
    at = models.DateTimeField(_("at"))

    objects: ClassVar[ScopedManager[ListChange]] = ScopedManager(  # type: ignore[assignment]
        province="province_id", commune="commune_id", voting_area="voter__voting_area_id"
    )

    class Meta:
        ordering = ["election", "-at", "-id"]
        indexes = [models.Index(fields=["commune", "election"], name="voters_change_commune_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.voter_id} ({self.article})"


class VoteElsewhereCertificate(models.Model):
    """Giấy chứng nhận đi bầu cử ở nơi khác (Form 11/HĐBC), issued by the origin commune (Art. 34).

    The printout needs: ``number``, the origin voter (name, birth, identity number, residence, origin
    voting area and commune), ``destination_commune``, ``issued_at`` and ``issued_by``.
    """

    election = models.ForeignKey(
        Election, on_delete=models.CASCADE, related_name="vote_elsewhere_certificates"
    )
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")  # origin's
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+")  # issuing (origin)
    number = models.CharField(_("certificate number"), max_length=40)
    origin_voter = models.ForeignKey(Voter, on_delete=models.PROTECT, related_name="certificates_out")
    destination_province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    destination_commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+")
    destination_voter = models.OneToOneField(
        Voter, on_delete=models.PROTECT, null=True, blank=True, related_name="certificate_in"
    )
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.CharField(_("issued by"), max_length=150)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.CharField(max_length=150, blank=True)

    # Both communes see it: the origin issued it, the destination accepts it.
    objects: ClassVar[ScopedManager[VoteElsewhereCertificate]] = ScopedManager(  # type: ignore[assignment]
        province=lambda j: Q(province_id=j.province_code) | Q(destination_province_id=j.province_code),
        commune=lambda j: Q(commune_id=j.commune_code) | Q(destination_commune_id=j.commune_code),
    )

    class Meta:
        ordering = ["election", "-issued_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["election", "number"], name="voters_certificate_number_unique"),
            # One certificate per listing: the origin row is marked once (Art. 34).
            models.UniqueConstraint(fields=["origin_voter"], name="voters_one_certificate_per_row"),
        ]

    def __str__(self) -> str:
        return f"{self.number}"


class ListComplaint(models.Model):
    """A complaint about a voter list, recorded in the register (Art. 33)."""

    class Outcome(models.TextChoices):
        UPHELD = ComplaintOutcome.UPHELD.value, _("Upheld")
        REJECTED = ComplaintOutcome.REJECTED.value, _("Rejected")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="list_complaints")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+")
    voting_area = models.ForeignKey(
        VotingArea, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    voter = models.ForeignKey(
        Voter, on_delete=models.PROTECT, null=True, blank=True, related_name="complaints"
    )
    complainant_name = models.CharField(_("complainant"), max_length=150, db_collation=VI_COLLATION)
    complainant_contact = models.CharField(_("contact"), max_length=200, blank=True)
    content = models.TextField(_("complaint"))
    received_at = models.DateTimeField(_("received at"))
    received_by = models.CharField(max_length=150)
    decision_due = models.DateField(_("decision due"))  # received + 5 days (Art. 33)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.CharField(max_length=150, blank=True)
    decision = models.TextField(_("decision"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices, blank=True)

    objects: ClassVar[ScopedManager[ListComplaint]] = ScopedManager(  # type: ignore[assignment]
        province="province_id", commune="commune_id", voting_area="voting_area_id"
    )

    class Meta:
        ordering = ["election", "decided_at", "decision_due", "id"]
        indexes = [models.Index(fields=["commune", "election"], name="voters_complaint_commune_idx")]

    def __str__(self) -> str:
        return f"{self.complainant_name} ({self.received_at:%d/%m/%Y})"
