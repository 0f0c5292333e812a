from __future__ import annotations

import io

import pytest
from django.test import override_settings

from baucu.accounts import demo
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.roles import Role
from baucu.accounts.testing import ensure_commune


@pytest.fixture
def ky_lua(db: None) -> None:
    ensure_commune(demo.COMMUNE, demo.PROVINCE, name="Phường Kỳ Lừa")


def test_one_demo_account_per_role_idempotent(ky_lua: None) -> None:
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    assert User.objects.count() == len(Role)
    assert {a.role for a in RoleAssignment.objects.all()} == set(Role)
    assert all(u.totp_demo_exempt for u in User.objects.all())
    rows = demo.accounts()
    assert len(rows) == len(Role)
    assert all(password == demo.PASSWORD for _, _, password in rows)


@override_settings(PRODUCTION=True)
def test_demo_accounts_are_refused_in_production(ky_lua: None) -> None:
    with pytest.raises(RuntimeError, match="production"):
        demo.load(stdout=io.StringIO())
    assert User.objects.count() == 0
