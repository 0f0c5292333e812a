"""The seatbelt: scoped models cannot be read without an actor or an explicit unscoped() block."""

from __future__ import annotations

import pytest
from django.db import transaction
from django.http import Http404

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.queries import access_commune_by_code, access_province_by_code, communes_for_actor
from baucu.accounts.roles import Role
from baucu.accounts.scoping import ScopeError, unscoped
from baucu.accounts.testing import make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.audit.models import AuditEvent
from baucu.units.models import Commune


def _event_in(commune: Commune) -> AuditEvent:
    with transaction.atomic():
        return record_event(
            AuditAction.ROLE_SWITCHED,
            actor=Actor.system("test"),
            jurisdiction=Jurisdiction.commune(commune.province_id, commune.code),
        )


def test_unscoped_query_raises(db: None) -> None:
    with pytest.raises(ScopeError, match="for_actor"):
        list(AuditEvent.objects.all())
    with pytest.raises(ScopeError):
        AuditEvent.objects.filter(action=1).count()
    with unscoped("test: whole table"):
        assert AuditEvent.objects.count() == 0
    with pytest.raises(ScopeError):
        AuditEvent.objects.exists()


def test_unscoped_needs_a_reason() -> None:
    with pytest.raises(ValueError, match="reason"), unscoped(""):
        pass


def test_for_actor_filters_to_the_jurisdiction(
    committee_a: Actor, commune_a: Commune, commune_b: Commune, commune_c: Commune
) -> None:
    mine, _, _ = _event_in(commune_a), _event_in(commune_b), _event_in(commune_c)
    assert list(AuditEvent.objects.for_actor(committee_a)) == [mine]
    province = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    assert {e.commune_code for e in AuditEvent.objects.for_actor(province)} == {"06187", "05983"}
    observer = make_actor(Role.OBSERVER, Jurisdiction.nation())
    assert AuditEvent.objects.for_actor(observer).count() == 3
    # Observers may read, but not the audit log (it names people and their sign-ins).
    from baucu.accounts.permissions import Permission

    assert AuditEvent.objects.for_actor(observer, Permission.READ_AUDIT).count() == 0
    assert AuditEvent.objects.for_actor(Actor(user=None, assignment=None)).count() == 0


def test_access_helpers_treat_other_jurisdictions_as_missing(
    committee_a: Actor, commune_a: Commune, commune_b: Commune, commune_c: Commune
) -> None:
    assert access_commune_by_code(committee_a, commune_a.code) == commune_a
    for code in (commune_b.code, commune_c.code, "99999"):
        with pytest.raises(Http404):
            access_commune_by_code(committee_a, code)
    with pytest.raises(Http404):
        access_province_by_code(committee_a, "20")  # a commune role does not see its province
    assert list(communes_for_actor(committee_a)) == [commune_a]
