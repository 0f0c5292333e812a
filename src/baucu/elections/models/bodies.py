"""Election bodies (Art. 21): committees (Ủy ban bầu cử), boards (Ban bầu cử), teams (Tổ bầu cử)."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.utils.translation import gettext_lazy as _

from baucu.accounts.scoping import ScopedManager
from baucu.elections.models.constituency import Constituency
from baucu.elections.models.election import Election
from baucu.elections.models.voting_area import VotingArea
from baucu.law import bodies as law_bodies
from baucu.law.contests import Contest as LawContest
from baucu.storage import VI_COLLATION
from baucu.units.models import Commune, Province


class ElectionBody(models.Model):
    class Kind(models.TextChoices):
        # The tiers of Art. 21, from the law core (tests/elections/test_setup_choices_from_law.py).
        COMMITTEE = law_bodies.Tier.COMMITTEE.value, _("Election Committee")  # Art. 22
        BOARD = law_bodies.Tier.BOARD.value, _("Election Board")  # Art. 24
        TEAM = law_bodies.Tier.TEAM.value, _("Election Team")  # Art. 25

    class Level(models.TextChoices):
        # Committee: provincial or commune. Board: the contest of its constituency. Team: commune.
        NA = LawContest.NA.value, _("National Assembly")
        PROVINCIAL = LawContest.PROVINCIAL.value, _("Provincial")
        COMMUNE = LawContest.COMMUNE.value, _("Commune")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="bodies")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")  # partition key
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    constituency = models.ForeignKey(
        Constituency, on_delete=models.CASCADE, null=True, blank=True, related_name="bodies"
    )
    voting_area = models.ForeignKey(
        VotingArea, on_delete=models.CASCADE, null=True, blank=True, related_name="bodies"
    )
    name = models.CharField(_("name"), max_length=300, db_collation=VI_COLLATION)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects: ClassVar[ScopedManager[ElectionBody]] = ScopedManager(  # type: ignore[assignment]
        province="province_id",
        commune="commune_id",
        constituency="constituency_id",
        voting_area="voting_area_id",
    )

    class Meta:
        ordering = ["election", "province", "kind", "commune", "id"]
        indexes = [models.Index(fields=["province", "election", "kind"])]
        constraints = [
            # One Board per constituency (Art. 24), one Team per voting area (Art. 25).
            models.UniqueConstraint(fields=["constituency"], name="elections_one_board_per_constituency"),
            models.UniqueConstraint(fields=["voting_area"], name="elections_one_team_per_area"),
        ]

    def __str__(self) -> str:
        return self.name


class BodyMember(models.Model):
    class Role(models.TextChoices):
        CHAIR = law_bodies.Role.CHAIR.value, _("Chair")
        VICE_CHAIR = law_bodies.Role.VICE_CHAIR.value, _("Vice-chair")
        SECRETARY = law_bodies.Role.SECRETARY.value, _("Secretary")
        MEMBER = law_bodies.Role.MEMBER.value, _("Member")

    body = models.ForeignKey(ElectionBody, on_delete=models.CASCADE, related_name="members")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")  # partition key
    full_name = models.CharField(_("full name"), max_length=200, db_collation=VI_COLLATION)
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    is_military = models.BooleanField(_("military"), default=False)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    objects: ClassVar[ScopedManager[BodyMember]] = ScopedManager(  # type: ignore[assignment]
        province="province_id",
        commune="body__commune_id",
        constituency="body__constituency_id",
        voting_area="body__voting_area_id",
    )

    class Meta:
        ordering = ["body", "id"]
        indexes = [models.Index(fields=["province", "body"])]

    def __str__(self) -> str:
        return self.full_name
