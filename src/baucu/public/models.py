"""What the public site stores: throttling counters and daily totals of the voter lookup.

Neither table holds an identity number or an address in clear: see ``baucu.public.lookup``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class LookupAttempt(models.Model):
    """One voter lookup, kept only for the throttling window (then deleted).

    In the database rather than the cache so that every worker process sees the same counters, as
    ``accounts.LoginAttempt`` does. ``key`` is a keyed hash (HMAC with the secret key) of the client
    address or of the identity number typed, never the value itself.
    """

    class Kind(models.TextChoices):
        CLIENT = "client", _("client address (hashed)")
        IDENTITY = "identity", _("identity number (hashed)")

    kind = models.CharField(max_length=8, choices=Kind.choices)
    key = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("voter lookup attempt")
        verbose_name_plural = _("voter lookup attempts")
        indexes = [models.Index(fields=["kind", "key", "at"], name="public_lookup_key_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key[:8]} {self.at:%Y-%m-%d %H:%M:%S}"


class LookupDailyCount(models.Model):
    """How many lookups a day ended how: the only lasting trace of the public voter lookup."""

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("answered")
        NO_MATCH = "no_match", _("no match")
        INVALID = "invalid", _("invalid input")
        THROTTLED = "throttled", _("too many lookups")

    day = models.DateField()
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("voter lookups per day")
        verbose_name_plural = _("voter lookups per day")
        constraints = [models.UniqueConstraint(fields=["day", "outcome"], name="public_lookup_day_outcome")]

    def __str__(self) -> str:
        return f"{self.day} {self.outcome} {self.count}"
