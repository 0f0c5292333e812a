"""Writing audit events: ``record_event`` inside the caller's transaction, one chain for everything.

Call it from a service function, inside its ``transaction.atomic()`` block, after the change it
records: the event commits with the change or not at all.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from baucu.accounts.jurisdiction import Jurisdiction, Level
from baucu.audit.actions import AuditAction
from baucu.audit.chain import GENESIS, event_hash
from baucu.audit.models import AuditChainHead, AuditEvent

if TYPE_CHECKING:
    from baucu.accounts.actor import Actor


class AuditOutsideTransactionError(RuntimeError):
    """record_event was called outside an atomic block: the event could commit without its change."""


def _json_value(value: Any) -> Any:
    # What the JSON column will give back: dates as ISO text, tuples as lists, so the hash verifies.
    return None if value is None else json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _lock_head() -> AuditChainHead:
    """The chain head, locked until the caller's transaction ends.

    PostgreSQL: SELECT ... FOR UPDATE makes concurrent writers queue here. SQLite ignores FOR UPDATE,
    but our SQLite transactions are BEGIN IMMEDIATE (settings: transaction_mode), so there is one
    writer at a time anyway.
    """
    AuditChainHead.objects.get_or_create(id=1)
    return AuditChainHead.objects.select_for_update().get(id=1)


def record_event(
    action: AuditAction,
    *,
    actor: Actor,
    jurisdiction: Jurisdiction | None = None,
    election_key: str = "",
    object_type: str = "",
    object_id: str | int = "",
    old_value: Any = None,
    new_value: Any = None,
    disposition: str = AuditEvent.Disposition.SUCCESS,
    username: str = "",
) -> AuditEvent:
    """Append one event to the chain. ``jurisdiction`` defaults to the nation.

    ``username`` overrides the actor's (a failed sign-in names the account tried, not a user).
    Never put secrets (passwords, TOTP secrets) in old/new values; personal data only when the event
    is about it.
    """
    if not transaction.get_connection().in_atomic_block:
        raise AuditOutsideTransactionError("record_event must run inside the caller's transaction.atomic()")
    where = jurisdiction or Jurisdiction.nation()
    head = _lock_head()
    event = AuditEvent(
        sequence=head.last_sequence + 1,
        occurred_at=timezone.now(),
        actor_username=username or actor.username,
        actor_role=str(actor.role or ""),
        province_code=where.province_code,
        commune_code=where.commune_code,
        scope_kind=str(where.level) if where.level in (Level.CONSTITUENCY, Level.VOTING_AREA) else "",
        scope_key=where.key,
        election_key=election_key or actor.election_key,
        action=int(action),
        disposition=str(disposition),
        object_type=object_type,
        object_id=str(object_id),
        old_value=_json_value(old_value),
        new_value=_json_value(new_value),
        previous_hash=head.last_hash if head.last_sequence else GENESIS,
    )
    event.hash = event_hash(event)
    event.save(force_insert=True)
    head.last_sequence = event.sequence
    head.last_hash = event.hash
    head.save(update_fields=["last_sequence", "last_hash"])
    return event


def record_personal_data_access(
    actor: Actor,
    what: str,
    jurisdiction: Jurisdiction,
    *,
    exported: bool = False,
    object_type: str = "",
    object_id: str | int = "",
    count: int | None = None,
) -> AuditEvent:
    """Record that ``actor`` saw (or exported) personal data: ``what`` says which, e.g. "voter list".

    The voter registry calls this whenever a page or file shows identity numbers unmasked. Opens its
    own atomic block if the caller has none (a read has no change to commit with).
    """
    with transaction.atomic():
        return record_event(
            AuditAction.PERSONAL_DATA_EXPORTED if exported else AuditAction.PERSONAL_DATA_VIEWED,
            actor=actor,
            jurisdiction=jurisdiction,
            object_type=object_type,
            object_id=object_id,
            new_value={"what": what, **({"count": count} if count is not None else {})},
        )
