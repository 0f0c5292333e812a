"""The hash chain: which fields an event's hash covers and how they are serialised.

hash = SHA-256( canonical JSON of the fields below, including ``previous_hash`` ).
Canonical JSON: keys sorted, no insignificant whitespace, UTF-8, text NFC-normalised, time in UTC
with microseconds. The first event's previous hash is 64 zeros (GENESIS).

Changing this function changes every hash: never do it without a versioned migration of the chain.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from datetime import UTC, datetime
from typing import Any, Protocol

GENESIS = "0" * 64


class ChainedEvent(Protocol):
    sequence: int
    occurred_at: datetime
    actor_username: str
    actor_role: str
    province_code: str
    commune_code: str
    scope_kind: str
    scope_key: str
    election_key: str
    action: int
    disposition: str
    object_type: str
    object_id: str
    old_value: Any
    new_value: Any
    previous_hash: str


def _nfc(value: Any) -> Any:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_nfc(k): _nfc(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_nfc(v) for v in value]
    return value


def timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def canonical_fields(event: ChainedEvent, *, sequence: int | None = None) -> dict[str, Any]:
    return {
        "sequence": event.sequence if sequence is None else sequence,
        "occurred_at": timestamp(event.occurred_at),
        "actor_username": event.actor_username,
        "actor_role": event.actor_role,
        "province_code": event.province_code,
        "commune_code": event.commune_code,
        "scope_kind": event.scope_kind,
        "scope_key": event.scope_key,
        "election_key": event.election_key,
        "action": int(event.action),
        "disposition": event.disposition,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "old_value": event.old_value,
        "new_value": event.new_value,
        "previous_hash": event.previous_hash,
    }


def canonical_json(fields: dict[str, Any]) -> bytes:
    return json.dumps(_nfc(fields), sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(event: ChainedEvent, *, sequence: int | None = None) -> str:
    """The hash ``event`` should carry; ``sequence`` overrides its own (to recognise a moved event)."""
    return hashlib.sha256(canonical_json(canonical_fields(event, sequence=sequence))).hexdigest()
