"""Test support for every app: units, users and actors in a role, without the 3,321-unit loader.

commune = ensure_commune("06187", "20")
actor = make_actor(Role.COMMUNE_COMMITTEE, commune_jurisdiction(commune))
"""

from __future__ import annotations

from django.db import transaction

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.roles import Role
from baucu.units.models import Commune, Province

TEST_PASSWORD = "kiem-thu-mat-khau-2026"


def ensure_province(code: str, name: str = "") -> Province:
    name = name or f"Tỉnh Thử {code}"
    province, _ = Province.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "short_name": name.removeprefix("Tỉnh "),
            "kind": Province.Kind.PROVINCE,
            "codename": f"thu_{code}",
        },
    )
    return province


def ensure_commune(code: str, province_code: str, name: str = "") -> Commune:
    province = ensure_province(province_code)
    name = name or f"Phường Thử {code}"
    commune, _ = Commune.objects.get_or_create(
        code=code,
        defaults={
            "name": name,
            "short_name": name.removeprefix("Phường "),
            "kind": Commune.Kind.WARD,
            "province": province,
            "codename": f"thu_{code}",
            "search_key": name.lower(),
        },
    )
    return commune


def make_user(username: str, password: str = TEST_PASSWORD) -> User:
    user = User(username=username)
    user.set_password(password)
    user.save()
    return user


def assign(user: User, role: Role, jurisdiction: Jurisdiction) -> RoleAssignment:
    """A role assignment written directly (no audit event): set-up for tests of something else."""
    with transaction.atomic():
        return RoleAssignment.objects.create(
            user=user,
            role=role,
            level=jurisdiction.level,
            province_id=jurisdiction.province_code or None,
            commune_id=jurisdiction.commune_code or None,
            scope_key=jurisdiction.key,
            constituency_keys=",".join(sorted(jurisdiction.constituency_keys)),
        )


def make_actor(role: Role, jurisdiction: Jurisdiction, username: str = "") -> Actor:
    user = make_user(username or f"{role}-{jurisdiction}".replace(":", "-")[:150])
    return Actor(user=user, assignment=assign(user, role, jurisdiction))
