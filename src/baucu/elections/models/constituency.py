"""Contests (NA, provincial HĐND, commune HĐND) and their constituencies (đơn vị bầu cử), Art. 10."""

from __future__ import annotations

from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.scoping import ScopedManager
from baucu.elections.models.election import Election
from baucu.law.contests import Contest as LawContest
from baucu.storage import VI_COLLATION
from baucu.units.models import Commune, Province


class Contest(models.Model):
    """What is elected: NA deputies, one provincial council, or one commune council."""

    class Kind(models.TextChoices):
        # The law core's contests (tests/elections/test_setup_choices_from_law.py).
        NA = LawContest.NA.value, _("National Assembly")
        PROVINCIAL = LawContest.PROVINCIAL.value, _("Provincial People's Council")
        COMMUNE = LawContest.COMMUNE.value, _("Commune People's Council")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="contests")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    province = models.ForeignKey(Province, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    seats_total = models.PositiveIntegerField(_("seats"), null=True, blank=True)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    class Meta:
        ordering = ["election", "kind", "province", "commune"]
        constraints = [
            models.UniqueConstraint(
                fields=["election", "kind", "province", "commune"], name="elections_contest_unique"
            ),
            models.UniqueConstraint(
                fields=["election", "kind"],
                condition=models.Q(kind="na"),
                name="elections_contest_one_na",
            ),
        ]

    def __str__(self) -> str:
        where = self.commune or self.province or ""
        return f"{self.get_kind_display()} {where}".strip()


def _area_constituencies(jurisdiction: Jurisdiction) -> Q:
    return Q(id__in=[int(k) for k in jurisdiction.constituency_keys if k.isdigit()])


class Constituency(models.Model):
    """Đơn vị bầu cử. NA and provincial ones group communes; commune ones group voting areas."""

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="constituencies")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, related_name="+")  # partition key
    commune = models.ForeignKey(Commune, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=200, blank=True, db_collation=VI_COLLATION)
    seats = models.PositiveSmallIntegerField(_("seats"))
    communes = models.ManyToManyField(Commune, blank=True, related_name="constituencies")
    voting_areas = models.ManyToManyField("elections.VotingArea", blank=True, related_name="constituencies")
    is_synthetic = models.BooleanField(_("synthetic"), default=False)

    # Jurisdiction data (house rule 4): Constituency.objects.for_actor(actor), or unscoped() in commands.
    objects: ClassVar[ScopedManager[Constituency]] = ScopedManager(  # type: ignore[assignment]
        province="province_id",
        commune="commune_id",  # a commune sees its own council's constituencies
        constituency="id",
        voting_area=_area_constituencies,
    )

    class Meta:
        ordering = ["contest", "province", "commune", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["contest", "province", "commune", "number"], name="elections_constituency_unique"
            ),
        ]
        indexes = [models.Index(fields=["province", "contest"])]
        verbose_name_plural = "constituencies"

    def __str__(self) -> str:
        return self.name or f"Đơn vị bầu cử số {self.number}"
