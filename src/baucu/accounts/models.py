"""Accounts: the user, the roles it holds and where, and the sign-in record used for throttling."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.jurisdiction import Jurisdiction, Level
from baucu.accounts.roles import Role


class User(AbstractUser):
    """A person who signs in. Roles live in RoleAssignment, never in is_staff/is_superuser."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    # RFC 6238 shared secret (base32). Empty until the user enrols a second factor.
    totp_secret = models.CharField(max_length=64, blank=True)
    totp_enabled_at = models.DateTimeField(null=True, blank=True)
    # The last 30-second step accepted: a code is good once (RFC 6238 §5.2).
    totp_last_step = models.BigIntegerField(default=0)
    # Demo accounts only: sign in without the second factor. Refused and ignored in production.
    totp_demo_exempt = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def has_totp(self) -> bool:
        return self.totp_enabled_at is not None and bool(self.totp_secret)


class RoleAssignment(models.Model):
    """A role held by a user in one jurisdiction, optionally for one election only.

    Constituencies and voting areas are named by ``scope_key`` and elections by ``election_key``
    until those models exist: see docs/architecture.md "Jurisdiction scoping" for the migration path.
    Revoking sets ``revoked_at``; rows are never deleted, so who could do what stays answerable.
    """

    user = models.ForeignKey(User, on_delete=models.PROTECT, related_name="role_assignments")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    province = models.ForeignKey(
        "units.Province", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    commune = models.ForeignKey(
        "units.Commune", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    scope_key = models.CharField(_("constituency / voting area"), max_length=40, blank=True)
    # For a voting area: the constituencies it belongs to, comma-separated keys (filled by elections).
    constituency_keys = models.CharField(max_length=400, blank=True)
    election_key = models.CharField(_("election"), max_length=40, blank=True)
    granted_at = models.DateTimeField(auto_now_add=True)
    granted_by = models.CharField(max_length=150, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        indexes = [models.Index(fields=["user", "revoked_at"])]
        constraints = [
            models.CheckConstraint(
                name="role_assignment_level_fields",
                condition=(
                    Q(level=Level.NATION, province__isnull=True, commune__isnull=True, scope_key="")
                    | Q(level=Level.PROVINCE, province__isnull=False, commune__isnull=True, scope_key="")
                    | Q(level=Level.COMMUNE, province__isnull=False, commune__isnull=False, scope_key="")
                    | (Q(level=Level.CONSTITUENCY, province__isnull=False) & ~Q(scope_key=""))
                    | (
                        Q(level=Level.VOTING_AREA, province__isnull=False, commune__isnull=False)
                        & ~Q(scope_key="")
                    )
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.user.username}: {self.get_role_display()} @ {self.jurisdiction}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def jurisdiction(self) -> Jurisdiction:
        keys = frozenset(k for k in self.constituency_keys.split(",") if k)
        return Jurisdiction(
            Level(self.level),
            province_code=self.province_id or "",
            commune_code=self.commune_id or "",
            key=self.scope_key,
            constituency_keys=keys,
        )


class LoginAttempt(models.Model):
    """One sign-in attempt (password or second factor), kept for throttling.

    In the database rather than the cache so that every worker process sees the same counters.
    """

    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("sign-in attempt")
        verbose_name_plural = _("sign-in attempts")

    def __str__(self) -> str:
        return f"{self.username} {self.ip_address} {self.at:%Y-%m-%d %H:%M:%S} {self.succeeded}"
