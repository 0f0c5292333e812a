"""The only writers of accounts: each ``do_<verb>_<noun>`` checks permission, writes, and records
its audit event in the same transaction.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from baucu.accounts import throttle, totp
from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.permissions import Permission
from baucu.accounts.roles import ASSIGNABLE_ROLES, ROLE_LEVELS, Role
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.audit.models import AuditEvent


class AccountError(ValueError):
    """A request the rules refuse; the message says which rule (shown to the user)."""


def _require(actor: Actor, permission: Permission, jurisdiction: Jurisdiction) -> None:
    if not actor.can(permission, jurisdiction):
        raise PermissionDenied(f"{actor.username} may not {permission} in {jurisdiction}")


def _assignment_snapshot(assignment: RoleAssignment) -> dict[str, str]:
    return {
        "user": assignment.user.get_username(),
        "role": assignment.role,
        "jurisdiction": str(assignment.jurisdiction),
        "election_key": assignment.election_key,
    }


def do_create_user(
    username: str,
    password: str,
    *,
    full_name: str = "",
    jurisdiction: Jurisdiction | None = None,
    actor: Actor,
) -> User:
    """Create a person's account (no role yet: grant one with do_assign_role)."""
    where = jurisdiction or Jurisdiction.nation()
    _require(actor, Permission.MANAGE_ACCOUNTS, where)
    username = username.strip()
    if not username:
        raise AccountError("username is empty")
    user = User(username=username, full_name=full_name.strip())
    validate_password(password, user)
    with transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise AccountError(f"username {username!r} is taken")
        user.set_password(password)
        user.save()
        record_event(
            AuditAction.USER_CREATED,
            actor=actor,
            jurisdiction=where,
            object_type="user",
            object_id=user.pk,
            new_value={"username": user.username, "full_name": user.full_name},
        )
    return user


def do_assign_role(
    user: User,
    role: Role,
    jurisdiction: Jurisdiction,
    *,
    election_key: str = "",
    actor: Actor,
) -> RoleAssignment:
    if jurisdiction.level not in ROLE_LEVELS[role]:
        raise AccountError(f"role {role} is not assigned at the {jurisdiction.level} level")
    _require(actor, Permission.MANAGE_ACCOUNTS, jurisdiction)
    if not actor.is_system and role not in ASSIGNABLE_ROLES.get(actor.role or Role.OBSERVER, frozenset()):
        raise PermissionDenied(f"{actor.role} may not grant {role}")
    assignment = RoleAssignment(
        user=user,
        role=role,
        level=jurisdiction.level,
        province_id=jurisdiction.province_code or None,
        commune_id=jurisdiction.commune_code or None,
        scope_key=jurisdiction.key,
        constituency_keys=",".join(sorted(jurisdiction.constituency_keys)),
        election_key=election_key,
        granted_by=actor.username,
    )
    with transaction.atomic():
        assignment.save()
        record_event(
            AuditAction.ROLE_ASSIGNED,
            actor=actor,
            jurisdiction=jurisdiction,
            election_key=election_key,
            object_type="role_assignment",
            object_id=assignment.pk,
            new_value=_assignment_snapshot(assignment),
        )
    return assignment


def do_revoke_role(assignment: RoleAssignment, *, actor: Actor) -> RoleAssignment:
    jurisdiction = assignment.jurisdiction
    _require(actor, Permission.MANAGE_ACCOUNTS, jurisdiction)
    with transaction.atomic():
        locked = RoleAssignment.objects.select_for_update().get(pk=assignment.pk)
        if locked.revoked_at is not None:
            return locked
        old = _assignment_snapshot(locked)
        locked.revoked_at = timezone.now()
        locked.save(update_fields=["revoked_at"])
        record_event(
            AuditAction.ROLE_REVOKED,
            actor=actor,
            jurisdiction=jurisdiction,
            election_key=locked.election_key,
            object_type="role_assignment",
            object_id=locked.pk,
            old_value=old,
            new_value={"revoked_at": locked.revoked_at},
        )
    return locked


def do_enable_totp(user: User, secret: str, code: str, *, now: float, actor: Actor) -> bool:
    """Enrol ``secret`` as the user's second factor if ``code`` proves the app holds it."""
    if actor.user is not None and actor.user.pk != user.pk:
        raise PermissionDenied("a second factor is enrolled by its owner")
    step = totp.matching_step(secret, code, now)
    if step is None:
        return False
    with transaction.atomic():
        user.totp_secret = secret
        user.totp_enabled_at = timezone.now()
        user.totp_last_step = step
        user.save(update_fields=["totp_secret", "totp_enabled_at", "totp_last_step"])
        record_event(
            AuditAction.TOTP_ENABLED,
            actor=actor,
            username=user.get_username(),
            object_type="user",
            object_id=user.pk,
            new_value={"totp_enabled": True},
        )
    return True


def do_set_demo_totp_exemption(user: User, *, actor: Actor) -> None:
    """Let a synthetic demo account sign in without TOTP. Never possible in production."""
    if getattr(settings, "PRODUCTION", False):
        raise AccountError("demo TOTP exemptions are refused in production (BAUCU_ENV=production)")
    _require(actor, Permission.MANAGE_ACCOUNTS, Jurisdiction.nation())
    if user.totp_demo_exempt:
        return
    with transaction.atomic():
        user.totp_demo_exempt = True
        user.save(update_fields=["totp_demo_exempt"])
        record_event(
            AuditAction.DEMO_TOTP_EXEMPTION_SET,
            actor=actor,
            object_type="user",
            object_id=user.pk,
            old_value={"totp_demo_exempt": False},
            new_value={"totp_demo_exempt": True},
        )


def do_record_login_success(user: User, assignment: RoleAssignment | None, *, ip_address: str | None) -> None:
    actor = Actor(user=user, assignment=assignment)
    with transaction.atomic():
        throttle.note_attempt(user.get_username(), ip_address, succeeded=True)
        record_event(
            AuditAction.LOGIN_SUCCEEDED,
            actor=actor,
            jurisdiction=actor.jurisdiction,
            object_type="user",
            object_id=user.pk,
            new_value={"ip": ip_address},
        )


def do_record_login_failure(
    username: str, *, ip_address: str | None, locked: bool = False, stage: str = "password"
) -> None:
    """A failed attempt counts toward the lockout and leaves an event (the username as typed)."""
    with transaction.atomic():
        if not locked:
            throttle.note_attempt(username, ip_address, succeeded=False)
        record_event(
            AuditAction.LOGIN_LOCKED_OUT if locked else AuditAction.LOGIN_FAILED,
            actor=Actor(user=None, assignment=None),
            username=throttle.normalise_username(username),
            disposition=AuditEvent.Disposition.FAILURE,
            object_type="user",
            new_value={"ip": ip_address, "stage": stage},
        )


def do_record_logout(actor: Actor) -> None:
    with transaction.atomic():
        record_event(AuditAction.LOGGED_OUT, actor=actor, jurisdiction=actor.jurisdiction)


def do_switch_role(actor: Actor, assignment: RoleAssignment) -> Actor:
    """Record that the user now acts in ``assignment`` (one of their own, checked by the caller)."""
    switched = Actor(user=actor.user, assignment=assignment)
    with transaction.atomic():
        record_event(
            AuditAction.ROLE_SWITCHED,
            actor=switched,
            jurisdiction=switched.jurisdiction,
            object_type="role_assignment",
            object_id=assignment.pk,
        )
    return switched


def do_accept_totp_login(user: User, code: str, *, now: float) -> bool:
    """Check a sign-in code; a code is accepted once (the step is remembered against replay)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        step = totp.matching_step(locked.totp_secret, code, now, after_step=locked.totp_last_step)
        if step is None:
            return False
        locked.totp_last_step = step
        locked.save(update_fields=["totp_last_step"])
        user.totp_last_step = step
    return True
