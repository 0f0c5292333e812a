"""An election (cuộc bầu cử): one election day, general or by-election, test or official."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from baucu.storage import VI_COLLATION


class Election(models.Model):
    class Kind(models.TextChoices):
        GENERAL = "general", _("General election")
        BY_ELECTION = "by_election", _("By-election")

    class Mode(models.TextChoices):
        # Test data never enters official results (house rule 6).
        TEST = "test", _("Test")
        OFFICIAL = "official", _("Official")

    name = models.CharField(_("name"), max_length=200, db_collation=VI_COLLATION)
    day = models.DateField(_("election day"))
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.GENERAL)
    term_label = models.CharField(_("term"), max_length=20, blank=True)  # e.g. "2026–2031"
    na_legislature = models.PositiveSmallIntegerField(_("NA legislature"), null=True, blank=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.TEST)
    is_synthetic = models.BooleanField(_("synthetic"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-day", "id"]
        verbose_name = _("election")
        verbose_name_plural = _("elections")

    def __str__(self) -> str:
        return f"{self.name} ({self.day:%d/%m/%Y})"

    @property
    def is_official(self) -> bool:
        return self.mode == self.Mode.OFFICIAL
