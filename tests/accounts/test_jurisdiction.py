from __future__ import annotations

import pytest

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction, Level
from baucu.accounts.permissions import ROLE_PERMISSIONS, Permission
from baucu.accounts.roles import ROLE_LEVELS, Role
from baucu.accounts.testing import make_actor

NATION = Jurisdiction.nation()
LANG_SON = Jurisdiction.province("20")
KY_LUA = Jurisdiction.commune("20", "06187")
LUONG_VAN_TRI = Jurisdiction.commune("20", "05983")
BA_DINH = Jurisdiction.commune("01", "00004")
CONSTITUENCY_1 = Jurisdiction.constituency("20", "c1")
AREA = Jurisdiction.voting_area("20", "06187", "va1", frozenset({"c1", "c7"}))


def test_levels_nest_nation_province_commune_voting_area() -> None:
    assert NATION.contains(KY_LUA)
    assert NATION.contains(AREA)
    assert LANG_SON.contains(KY_LUA)
    assert LANG_SON.contains(CONSTITUENCY_1)
    assert not LANG_SON.contains(BA_DINH)
    assert KY_LUA.contains(KY_LUA)
    assert KY_LUA.contains(AREA)
    assert not KY_LUA.contains(LUONG_VAN_TRI)
    assert not KY_LUA.contains(LANG_SON)
    assert not KY_LUA.contains(CONSTITUENCY_1)  # a provincial constituency spans communes


def test_a_board_sees_its_constituency_and_the_voting_areas_in_it() -> None:
    assert CONSTITUENCY_1.contains(AREA)
    assert not Jurisdiction.constituency("20", "c2").contains(AREA)
    assert not CONSTITUENCY_1.contains(KY_LUA)
    assert AREA.contains(AREA)
    assert not AREA.contains(KY_LUA)


def test_jurisdiction_refuses_inconsistent_codes() -> None:
    with pytest.raises(ValueError, match="province"):
        Jurisdiction(Level.COMMUNE, commune_code="06187")
    with pytest.raises(ValueError, match="key"):
        Jurisdiction(Level.CONSTITUENCY, province_code="20")
    with pytest.raises(ValueError, match="commune"):
        Jurisdiction(Level.PROVINCE, province_code="20", commune_code="06187")


def test_every_role_has_levels_and_permissions() -> None:
    assert set(ROLE_LEVELS) == set(Role) == set(ROLE_PERMISSIONS)


def test_observer_is_read_only() -> None:
    assert ROLE_PERMISSIONS[Role.OBSERVER] == frozenset({Permission.READ})


@pytest.mark.django_db
def test_actor_can_only_within_its_jurisdiction_and_role(commune_a: object) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, KY_LUA)
    assert committee.can(Permission.CHANGE, KY_LUA)
    assert committee.can(Permission.READ_PERSONAL_DATA, AREA)
    assert not committee.can(Permission.READ, LUONG_VAN_TRI)
    assert not committee.can(Permission.READ, LANG_SON)
    observer = make_actor(Role.OBSERVER, LANG_SON)
    assert observer.can(Permission.READ, KY_LUA)
    assert not observer.can(Permission.CHANGE, KY_LUA)
    assert not observer.can(Permission.READ_PERSONAL_DATA, KY_LUA)
    admin = make_actor(Role.SYSTEM_ADMIN, NATION)
    assert admin.can(Permission.MANAGE_ACCOUNTS, KY_LUA)
    assert not admin.can(Permission.READ_PERSONAL_DATA, KY_LUA)  # runs the system, not the election
    assert not Actor(user=None, assignment=None).can(Permission.READ, KY_LUA)


@pytest.mark.django_db
def test_revoked_assignment_gives_nothing(commune_a: object) -> None:
    actor = make_actor(Role.COMMUNE_COMMITTEE, KY_LUA)
    assert actor.assignment is not None
    actor.assignment.revoked_at = actor.assignment.granted_at
    assert not actor.can(Permission.READ, KY_LUA)


@pytest.mark.django_db
def test_an_election_bound_assignment_covers_only_that_election(commune_a: object) -> None:
    actor = make_actor(Role.COMMUNE_COMMITTEE, KY_LUA)
    assert actor.assignment is not None
    actor.assignment.election_key = "7"
    assert actor.can(Permission.READ, KY_LUA, election_key="7")
    assert not actor.can(Permission.READ, KY_LUA, election_key="8")
