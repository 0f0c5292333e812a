"""The audit log: append-only, one hash chain over every event, a chain head that serialises writers.

No foreign keys: an event outlives the user, the commune (units merge) and the election it names,
so those are stored as codes and names as they were at the time.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.scoping import ScopedManager
from baucu.audit.actions import describe


class AuditEvent(models.Model):
    class Disposition(models.TextChoices):
        # NIST SP 1500-101 EventDispositionType.
        SUCCESS = "success", _("success")
        FAILURE = "failure", _("failure")
        NA = "na", _("not applicable")

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True)
    occurred_at = models.DateTimeField(_("time"))
    actor_username = models.CharField(_("user"), max_length=160)
    actor_role = models.CharField(_("role"), max_length=32, blank=True)
    province_code = models.CharField(_("province"), max_length=2, blank=True, db_index=True)
    commune_code = models.CharField(_("commune"), max_length=5, blank=True, db_index=True)
    scope_kind = models.CharField(max_length=16, blank=True)  # constituency / voting_area
    scope_key = models.CharField(max_length=40, blank=True)
    election_key = models.CharField(_("election"), max_length=40, blank=True)
    action = models.PositiveIntegerField(_("action"), db_index=True)
    disposition = models.CharField(max_length=8, choices=Disposition.choices, default=Disposition.SUCCESS)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object"), max_length=80, blank=True)
    old_value = models.JSONField(null=True, blank=True)
    new_value = models.JSONField(null=True, blank=True)
    previous_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    # Jurisdiction data: read through AuditEvent.objects.for_actor(actor) (or unscoped() in commands).
    objects = ScopedManager["AuditEvent"](
        province="province_code",
        commune="commune_code",
        constituency=lambda j: Q(scope_kind="constituency", scope_key=j.key),
        voting_area=lambda j: Q(scope_kind="voting_area", scope_key=j.key),
    )

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["sequence"]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action} {self.actor_username}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RuntimeError("audit events are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("audit events are append-only")

    def description(self, language: str = "vi") -> str:
        return describe(self.action, language)


class AuditChainHead(models.Model):
    """One row: the last sequence and hash. Writers lock it, so sequence numbers never race.

    It also lets ``audit verify`` notice events deleted from, or appended after, the end of the chain.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    last_sequence = models.PositiveBigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default="0" * 64)

    class Meta:
        verbose_name = _("audit chain head")

    def __str__(self) -> str:
        return f"#{self.last_sequence} {self.last_hash}"
