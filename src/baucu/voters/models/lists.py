"""Voter lists (Form 31/HĐBC): one row per listed voter, compiled per voting area (Art. 31(1)).

A personal identity number is listed at most once per election (Art. 29(1)): the partial unique
constraint ``voters_single_listing`` enforces it in the database. A voter who took a certificate to
vote elsewhere (Art. 34) keeps their origin row, marked ``voting_elsewhere`` ("Bỏ phiếu ở nơi khác"),
and is listed again at the destination; a removed row is kept (status ``removed``) so nothing is lost.
"""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.scoping import ScopedManager
from baucu.elections.models import Election, VotingArea
from baucu.law import voters as law_voters
from baucu.storage import VI_COLLATION
from baucu.units.models import Commune, Province


class VoterImport(models.Model):
    """One import of a population-database extract into an election's lists (all-or-nothing)."""

    class Status(models.TextChoices):
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="voter_imports")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")
    source_name = models.CharField(_("file"), max_length=300)
    source_sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    stage = models.CharField(_("stage"), max_length=60, blank=True)  # progress shown in the UI
    rows_read = models.PositiveIntegerField(default=0)
    voters_listed = models.PositiveIntegerField(default=0)
    rows_rejected = models.PositiveIntegerField(default=0)
    rows_excluded = models.PositiveIntegerField(default=0)
    summary = models.JSONField(default=dict, blank=True)  # formats.md §6 summary.json
    error = models.TextField(blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    started_by = models.CharField(max_length=150, blank=True)

    objects: ClassVar[ScopedManager[VoterImport]] = ScopedManager(  # type: ignore[assignment]
        province="province_id"
    )

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.source_name} ({self.status})"


class RejectedRow(models.Model):
    """A row of an extract that was not listed because the input is wrong: kept with its reason."""

    voter_import = models.ForeignKey(VoterImport, on_delete=models.CASCADE, related_name="rejected_rows")
    row = models.PositiveIntegerField()  # 1-based data row of the input file (header not counted)
    personal_id = models.CharField(max_length=32, blank=True)
    code = models.CharField(max_length=60)
    message = models.TextField()

    class Meta:
        ordering = ["voter_import", "row", "id"]

    def __str__(self) -> str:
        return f"row {self.row}: {self.code}"


class Voter(models.Model):
    """A line of a voter list; ``seq`` is the row number on the list and the voter-card number."""

    class Gender(models.TextChoices):
        MALE = law_voters.Sex.MALE.value, _("Male")
        FEMALE = law_voters.Sex.FEMALE.value, _("Female")

    class Basis(models.TextChoices):
        # The law core's bases of listing (tests/voters/test_voter_choices_from_law.py).
        PERMANENT = law_voters.Basis.PERMANENT.value, _("Permanent residence")
        TEMPORARY_12M = law_voters.Basis.TEMPORARY_12M.value, _("Temporary residence of 12 months or more")
        TEMPORARY = law_voters.Basis.TEMPORARY.value, _("Temporary residence under 12 months")
        FACILITY = law_voters.Basis.FACILITY.value, _("Facility or armed-forces unit")
        VOTE_ELSEWHERE = law_voters.Basis.VOTE_ELSEWHERE.value, _("Certificate to vote elsewhere (Art. 34)")

    class Status(models.TextChoices):
        LISTED = "listed", _("Listed")
        VOTING_ELSEWHERE = "voting_elsewhere", _("Votes elsewhere")  # "Bỏ phiếu ở nơi khác"
        REMOVED = "removed", _("Removed")

    # No single-column index on these keys: each is the first column of a composite index or unique
    # constraint below, and every index is rebuilt by a province's import (docs/performance.md).
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="voters", db_index=False)
    province = models.ForeignKey(  # partition key
        Province, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="+", db_index=False)
    voting_area = models.ForeignKey(
        VotingArea, on_delete=models.PROTECT, related_name="voters", db_index=False
    )
    seq = models.PositiveIntegerField(_("no."))
    personal_id = models.CharField(_("identity number"), max_length=12)
    full_name = models.CharField(_("full name"), max_length=150, db_collation=VI_COLLATION)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"))  # year-only dates (Form 31 note)
    gender = models.CharField(_("sex"), max_length=1, choices=Gender.choices)
    ethnicity = models.CharField(_("ethnicity"), max_length=60, blank=True, db_collation=VI_COLLATION)
    residence_group = models.CharField(_("residence group"), max_length=120, blank=True)
    household_id = models.CharField(max_length=40, blank=True)
    household_head = models.BooleanField(default=False)  # listed first in the household ([2.21])
    # Form 31 column 7: "<residence group>, <commune name>" of the extract's permanent (7a) and temporary
    # (7b) residence; the current abode (7c) is where the voter is listed (``residence_group``, commune).
    permanent_residence = models.CharField(_("permanent residence"), max_length=250, blank=True)
    temporary_residence = models.CharField(_("temporary residence"), max_length=250, blank=True)
    basis = models.CharField(_("basis"), max_length=16, choices=Basis.choices)
    votes_na = models.BooleanField(_("votes NA"))
    votes_provincial = models.BooleanField(_("votes provincial council"))
    votes_commune = models.BooleanField(_("votes commune council"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.LISTED)
    note = models.CharField(_("notes"), max_length=300, blank=True)  # Form 31 column 11
    temporary_since = models.DateField(null=True, blank=True)
    voter_import = models.ForeignKey(VoterImport, null=True, blank=True, on_delete=models.SET_NULL)

    objects: ClassVar[ScopedManager[Voter]] = ScopedManager(  # type: ignore[assignment]
        province="province_id", commune="commune_id", voting_area="voting_area_id"
    )

    class Meta:
        ordering = ["election", "voting_area", "seq"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "personal_id"],
                condition=Q(status="listed"),
                name="voters_single_listing",
            ),
            models.UniqueConstraint(fields=["voting_area", "seq"], name="voters_area_seq_unique"),
        ]
        indexes = [
            models.Index(fields=["election", "personal_id"], name="voters_lookup_idx"),
            models.Index(fields=["province", "election"], name="voters_province_idx"),
            models.Index(fields=["commune", "election"], name="voters_commune_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.seq}. {self.full_name}"
