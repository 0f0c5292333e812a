"""Calendar overrides (Art. 98(3): the NEC may adjust step timings) and late-action justifications."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from baucu.elections.models.election import Election
from baucu.units.models import Province


class CalendarOverride(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="calendar_overrides")
    step_id = models.CharField(_("step"), max_length=40)
    new_date = models.DateField(_("new date"))
    reason = models.TextField(_("reason"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["election", "step_id"]
        constraints = [
            models.UniqueConstraint(fields=["election", "step_id"], name="elections_override_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.step_id} → {self.new_date:%d/%m/%Y}"


class Justification(models.Model):
    """Why an action was taken after its statutory deadline (recorded before the action)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="justifications")
    province = models.ForeignKey(Province, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    step_id = models.CharField(_("step"), max_length=40)
    action = models.CharField(_("action"), max_length=60)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    reason = models.TextField(_("reason"))
    deadline = models.DateField(_("deadline"))
    acted_on = models.DateField(_("acted on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["election", "-created_at"]

    def __str__(self) -> str:
        return f"{self.action} {self.subject} ({self.step_id})"
