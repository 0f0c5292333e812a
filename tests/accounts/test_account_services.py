"""Account services: permission checks, no escalation, one audit event each in the same transaction."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import User
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.services import AccountError, do_assign_role, do_create_user, do_revoke_role
from baucu.accounts.testing import make_actor, make_user
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.units.models import Commune

LANG_SON = Jurisdiction.province("20")
KY_LUA = Jurisdiction.commune("20", "06187")
BA_DINH = Jurisdiction.commune("01", "00004")


def _events() -> list[AuditEvent]:
    with unscoped("test"):
        return list(AuditEvent.objects.order_by("sequence"))


def test_province_committee_creates_and_assigns_within_its_province(
    commune_a: Commune, commune_b: Commune
) -> None:
    province = make_actor(Role.PROVINCIAL_COMMITTEE, LANG_SON)
    user = do_create_user("to-truong", "mot-mat-khau-dai-2026", jurisdiction=KY_LUA, actor=province)
    assignment = do_assign_role(user, Role.COMMUNE_COMMITTEE, KY_LUA, actor=province)
    created, assigned = _events()
    assert created.action == AuditAction.USER_CREATED
    assert created.new_value == {"username": "to-truong", "full_name": ""}
    assert "mot-mat-khau" not in str(created.new_value)
    assert assigned.action == AuditAction.ROLE_ASSIGNED
    assert assigned.commune_code == "06187"
    assert assigned.actor_username == province.username
    assert assigned.new_value["role"] == "commune_committee"
    with pytest.raises(PermissionDenied):
        do_assign_role(user, Role.COMMUNE_COMMITTEE, BA_DINH, actor=province)
    revoked = do_revoke_role(assignment, actor=province)
    assert revoked.revoked_at is not None
    assert _events()[-1].action == AuditAction.ROLE_REVOKED
    assert _events()[-1].old_value["role"] == "commune_committee"


def test_no_one_grants_a_role_above_their_own(commune_a: Commune) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, KY_LUA)
    user = make_user("x")
    with pytest.raises(PermissionDenied):
        do_assign_role(user, Role.COMMUNE_COMMITTEE, KY_LUA, actor=committee)
    with pytest.raises(PermissionDenied):
        do_assign_role(user, Role.SYSTEM_ADMIN, Jurisdiction.nation(), actor=committee)
    observer = make_actor(Role.OBSERVER, KY_LUA)
    with pytest.raises(PermissionDenied):
        do_create_user("y", "mot-mat-khau-dai-2026", jurisdiction=KY_LUA, actor=observer)
    assert _events() == []


def test_roles_are_assigned_only_at_their_level(commune_a: Commune) -> None:
    with pytest.raises(AccountError, match="level"):
        do_assign_role(make_user("x"), Role.COMMUNE_COMMITTEE, LANG_SON, actor=Actor.system("test"))


def test_weak_passwords_and_duplicate_usernames_are_refused(commune_a: Commune) -> None:
    system = Actor.system("test")
    with pytest.raises(ValidationError):
        do_create_user("abc", "12345", actor=system)
    do_create_user("abc", "mot-mat-khau-dai-2026", actor=system)
    with pytest.raises(AccountError, match="taken"):
        do_create_user("ABC", "mot-mat-khau-dai-2026", actor=system)
    assert User.objects.count() == 1
    assert len(_events()) == 1
