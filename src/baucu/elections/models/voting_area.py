"""Voting areas (khu vực bỏ phiếu), Art. 11: one Team, one room, three ballots."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.scoping import ScopedManager
from baucu.elections.models.election import Election
from baucu.law.setup import VotingAreaKind
from baucu.storage import VI_COLLATION
from baucu.units.models import Commune, Province


def _in_constituency(jurisdiction: Jurisdiction) -> Q:
    """A Board sees the voting areas of its constituency: listed ones, or those of its communes."""
    key = int(jurisdiction.key) if jurisdiction.key.isdigit() else 0
    return Q(constituencies__id=key) | Q(commune__constituencies__id=key)


class VotingArea(models.Model):
    class Kind(models.TextChoices):
        # The law core's kinds of area (tests/elections/test_setup_choices_from_law.py).
        RESIDENTIAL = VotingAreaKind.RESIDENTIAL.value, _("Residential")
        # Separate areas allowed by Art. 11(3)(a)-(c).
        ARMED_FORCES = VotingAreaKind.ARMED_FORCES.value, _("Armed-forces unit")
        HOSPITAL_CARE = VotingAreaKind.HOSPITAL_CARE.value, _("Hospital or care facility")
        DETENTION_COMPULSORY = (
            VotingAreaKind.DETENTION_COMPULSORY.value,
            _("Detention or compulsory facility"),
        )

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="voting_areas")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")  # partition key
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, related_name="voting_areas")
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.RESIDENTIAL)
    # One residence group (thôn, tổ dân phố) per line; empty for a facility area.
    residence_groups = models.TextField(_("residence groups"), blank=True)
    facility = models.CharField(_("facility served"), max_length=200, blank=True, db_collation=VI_COLLATION)
    polling_place = models.CharField(_("polling place"), max_length=300, blank=True)
    voter_count = models.PositiveIntegerField(_("voters"), null=True, blank=True)
    is_mountainous = models.BooleanField(_("mountainous, island or sparse"), default=False)
    # Art. 71(1): 07:00, or earlier (not before 05:00) if the Team decides; the list cut-off is 24 h before.
    voting_start = models.TimeField(_("voting starts"), default=dt.time(7, 0))
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects: ClassVar[ScopedManager[VotingArea]] = ScopedManager(  # type: ignore[assignment]
        province="province_id", commune="commune_id", constituency=_in_constituency, voting_area="id"
    )

    class Meta:
        ordering = ["election", "province", "commune", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "commune", "number"], name="elections_area_unique"),
        ]
        indexes = [models.Index(fields=["province", "election"])]

    def __str__(self) -> str:
        return f"Khu vực bỏ phiếu số {self.number}"

    @property
    def residence_group_list(self) -> list[str]:
        return [line.strip() for line in self.residence_groups.splitlines() if line.strip()]
