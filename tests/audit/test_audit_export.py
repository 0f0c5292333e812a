"""``baucu audit export --format nist-1500-101``: NIST SP 1500-101 V1 JSON."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

from django.core.management import call_command

from baucu.audit.chain import GENESIS

# From NIST_V1_election_event_logging.json (usnistgov/ElectionEventLogging): required and allowed keys.
EVENT_REQUIRED = {"@type", "Disposition", "Id", "Sequence", "TimeStamp", "Type"}
EVENT_ALLOWED = EVENT_REQUIRED | {"Description", "Details", "Hash", "OtherDisposition", "Severity", "UserId"}
DEVICE_ALLOWED = {
    "@type", "Details", "Event", "HashType", "Id", "Manufacturer", "Model", "OtherHashType", "OtherType",
    "Type", "Version",
}  # fmt: skip
LOG_ALLOWED = {"@type", "Details", "Device", "ElectionId", "GeneratedTime"}


def test_export_follows_the_nist_1500_101_structure(chain: list[int], tmp_path: Path) -> None:
    target = tmp_path / "log.json"
    options = ["--format", "nist-1500-101", "--output", str(target)]
    call_command("audit", "export", *options, stderr=io.StringIO())
    log = json.loads(target.read_text(encoding="utf-8"))
    assert log["@type"] == "EventLogging.ElectionEventLog"
    assert set(log) <= LOG_ALLOWED
    (device,) = log["Device"]
    assert device["@type"] == "EventLogging.Device"
    assert set(device) <= DEVICE_ALLOWED
    assert device["Type"] == "ems"
    assert device["HashType"] == "sha-256"
    events = device["Event"]
    assert [e["Sequence"] for e in events] == ["1", "2", "3", "4", "5", "6"]
    for event in events:
        assert EVENT_REQUIRED <= set(event) <= EVENT_ALLOWED
        assert event["@type"] == "EventLogging.Event"
        assert event["Disposition"] in {"failure", "na", "other", "success"}
        assert event["Id"] == "1002"
        assert event["Type"] == "accounts"
        assert event["TimeStamp"].endswith("Z")


def test_the_chain_can_be_rechecked_from_the_export_alone(chain: list[int]) -> None:
    out = io.StringIO()
    call_command("audit", "export", "--format", "nist-1500-101", "--language", "vi", stdout=out)
    events = json.loads(out.getvalue())["Device"][0]["Event"]
    assert events[0]["Description"] == "Giao vai trò"
    previous = GENESIS
    for event in events:
        details = json.loads(event["Details"])
        fields = {
            **{k: details[k] for k in details if k != "occurred_at"},
            "occurred_at": details["occurred_at"],
            "sequence": int(event["Sequence"]),
            "actor_username": event["UserId"],
            "action": int(event["Id"]),
            "disposition": event["Disposition"],
        }
        assert fields["previous_hash"] == previous
        canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        assert hashlib.sha256(canonical).hexdigest() == event["Hash"]
        previous = event["Hash"]
