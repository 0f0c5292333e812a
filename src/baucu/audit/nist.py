"""Export the log as NIST SP 1500-101 Election Event Logging CDF (JSON, schema V1).

One Device (this election-management system, type "ems") holding every Event in sequence order.
Event.Id is our numbered action code, Type its capability band, Hash our chain hash (HashType
sha-256); Details carries what the CDF has no element for (jurisdiction, object, old/new values,
previous hash), as canonical JSON, so the chain can be re-verified from the export alone.
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.utils import timezone

from baucu import __name__ as package_name
from baucu.audit.actions import band_of, describe
from baucu.audit.chain import timestamp
from baucu.audit.models import AuditEvent

SCHEMA_VERSION = "NIST SP 1500-101 V1"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package_name)
    except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
        return "0"


def event_to_cdf(event: AuditEvent, language: str = "en") -> dict[str, Any]:
    details = {
        "actor_role": event.actor_role,
        "province_code": event.province_code,
        "commune_code": event.commune_code,
        "scope_kind": event.scope_kind,
        "scope_key": event.scope_key,
        "election_key": event.election_key,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "old_value": event.old_value,
        "new_value": event.new_value,
        "previous_hash": event.previous_hash,
        "occurred_at": timestamp(event.occurred_at),
    }
    return {
        "@type": "EventLogging.Event",
        "Id": str(event.action),
        "Type": band_of(event.action),
        "Description": describe(event.action, language),
        "Disposition": event.disposition,
        "Sequence": str(event.sequence),
        "TimeStamp": timestamp(event.occurred_at),
        "UserId": event.actor_username,
        "Hash": event.hash,
        "Details": json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
    }


def election_event_log(
    events: Iterable[AuditEvent], *, generated: datetime | None = None, language: str = "en"
) -> dict[str, Any]:
    return {
        "@type": "EventLogging.ElectionEventLog",
        "GeneratedTime": timestamp(generated or timezone.now()),
        "Details": f"baucu audit log, {SCHEMA_VERSION}; hash chain: SHA-256 over canonical JSON",
        "Device": [
            {
                "@type": "EventLogging.Device",
                "Id": socket.gethostname() or "baucu",
                "Type": "ems",
                "Manufacturer": "baucu (open source)",
                "Model": "baucu election management system",
                "Version": _version(),
                "HashType": "sha-256",
                "Event": [event_to_cdf(e, language) for e in events],
            }
        ],
    }
