"""Scoped reads of the audit log for the back office."""

from __future__ import annotations

from django.db.models import QuerySet

from baucu.accounts.actor import Actor
from baucu.accounts.permissions import Permission
from baucu.audit.models import AuditEvent


def events_for_actor(actor: Actor, *, commune_code: str = "", limit: int = 200) -> QuerySet[AuditEvent]:
    """The newest events in the actor's jurisdiction (empty without the read_audit permission)."""
    events = AuditEvent.objects.for_actor(actor, Permission.READ_AUDIT)
    if commune_code:
        events = events.filter(commune_code=commune_code)
    return events.order_by("-sequence")[:limit]
