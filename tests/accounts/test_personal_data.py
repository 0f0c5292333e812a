from __future__ import annotations

import re

from django.template import Context, Template
from django.test import Client

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.personal_data import can_see_personal_data, mask_identity_number
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.scoping_registry import PUBLIC_PATTERNS, autodiscover
from baucu.accounts.testing import make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_personal_data_access
from baucu.audit.models import AuditEvent
from baucu.units.models import Commune

KY_LUA = Jurisdiction.commune("20", "06187")
LUONG_VAN_TRI = Jurisdiction.commune("20", "05983")


def test_mask_keeps_only_the_last_three_digits() -> None:
    assert mask_identity_number("020190001234") == "•••••••••234"
    assert mask_identity_number("0201 9000 1234") == "•••••••••234"
    assert mask_identity_number(None) == ""
    assert mask_identity_number("12345") == "•••••"


def test_template_filter() -> None:
    template = Template("{% load personal_data %}{{ n|mask_identity_number }}")
    assert template.render(Context({"n": "020190001234"})) == "•••••••••234"


def test_who_may_see_personal_data(commune_a: Commune, commune_c: Commune) -> None:
    assert can_see_personal_data(make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, KY_LUA), KY_LUA)
    assert not can_see_personal_data(make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, KY_LUA, "x"), LUONG_VAN_TRI)
    assert not can_see_personal_data(make_actor(Role.OBSERVER, KY_LUA), KY_LUA)
    assert not can_see_personal_data(make_actor(Role.FATHERLAND_FRONT, KY_LUA), KY_LUA)
    assert not can_see_personal_data(None, KY_LUA)


def test_reading_personal_data_leaves_its_own_event(commune_a: Commune) -> None:
    actor = make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, KY_LUA)
    record_personal_data_access(actor, "voter list", KY_LUA, count=120)
    record_personal_data_access(actor, "voter list", KY_LUA, exported=True)
    with unscoped("test"):
        viewed, exported = AuditEvent.objects.order_by("sequence")
    assert viewed.action == AuditAction.PERSONAL_DATA_VIEWED
    assert viewed.new_value == {"what": "voter list", "count": 120}
    assert viewed.commune_code == "06187"
    assert exported.action == AuditAction.PERSONAL_DATA_EXPORTED


def test_public_pages_never_show_an_identity_number(client: Client, commune_a: Commune) -> None:
    autodiscover()
    for route in PUBLIC_PATTERNS:
        if "<" in route:
            continue
        body = client.get("/" + route).content.decode()
        assert not re.search(r"(?<!\d)\d{12}(?!\d)", body), route
