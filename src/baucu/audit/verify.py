"""Checking the chain: which event was modified, deleted, inserted or moved.

Each event is checked against its own hash (content), against its predecessor (link) and against
the run of sequence numbers; the chain head row is checked against the last event. A consistent
rewrite of the whole chain *and* the head cannot be detected from the database alone: compare the
head hash with one published earlier (``audit verify --expect-head SEQ:HASH``, the export's hash).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum

from baucu.audit.chain import GENESIS, event_hash
from baucu.audit.models import AuditChainHead, AuditEvent


class Breach(StrEnum):
    MODIFIED = "modified"
    DELETED = "deleted"
    INSERTED = "inserted"
    REORDERED = "reordered"
    HEAD = "head mismatch"


@dataclass(frozen=True)
class Problem:
    sequence: int
    breach: Breach
    detail: str

    def __str__(self) -> str:
        return f"event #{self.sequence}: {self.breach}: {self.detail}"


@dataclass(frozen=True)
class Report:
    checked: int
    last_sequence: int
    last_hash: str
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems


def _problems(events: list[AuditEvent], head: AuditChainHead | None) -> Iterator[Problem]:
    seq_by_hash = {e.hash: e.sequence for e in events}
    content_ok = [event_hash(e) == e.hash for e in events]
    moved_from: dict[int, int] = {}
    for i, e in enumerate(events):
        if content_ok[i]:
            continue
        # Does it verify under another sequence number? Then it was moved, not edited.
        linked = seq_by_hash.get(e.previous_hash, 0 if e.previous_hash == GENESIS else None)
        if linked is not None and linked + 1 != e.sequence and event_hash(e, sequence=linked + 1) == e.hash:
            moved_from[i] = linked + 1

    # Sequences shifted up by one behind a valid event: that event was inserted in front of them.
    inserted = {
        i - 1
        for i, original in moved_from.items()
        if original == events[i].sequence - 1 and i > 0 and content_ok[i - 1] and (i - 1) not in moved_from
    }
    expected = 1
    previous: AuditEvent | None = None
    for i, e in enumerate(events):
        if e.sequence > expected:
            missing = f"#{expected}" if e.sequence == expected + 1 else f"#{expected}–#{e.sequence - 1}"
            yield Problem(expected, Breach.DELETED, f"event {missing} missing from the chain")
        if i in inserted:
            yield Problem(
                e.sequence, Breach.INSERTED, "not part of the original chain (later events shifted)"
            )
        elif i in moved_from:
            yield Problem(
                e.sequence, Breach.REORDERED, f"recorded as #{moved_from[i]}, now stored as #{e.sequence}"
            )
        elif not content_ok[i]:
            yield Problem(e.sequence, Breach.MODIFIED, "content does not match its hash")
        elif e.sequence == expected and i not in inserted:
            link = previous.hash if previous is not None else GENESIS
            if e.previous_hash != link and (i - 1) not in inserted and (i - 1) not in moved_from:
                if e.previous_hash in seq_by_hash:
                    yield Problem(
                        e.sequence,
                        Breach.REORDERED,
                        f"follows #{seq_by_hash[e.previous_hash]} in the chain, not #{e.sequence - 1}",
                    )
                elif previous is not None and e.sequence == previous.sequence + 1:
                    yield Problem(previous.sequence, Breach.INSERTED, f"#{e.sequence} does not link to it")
        expected = e.sequence + 1
        previous = e
    last_sequence = events[-1].sequence if events else 0
    if head is not None:
        if last_sequence > head.last_sequence:
            yield Problem(
                head.last_sequence + 1,
                Breach.INSERTED,
                f"events after the chain head #{head.last_sequence} (up to #{last_sequence})",
            )
        elif last_sequence < head.last_sequence:
            first = last_sequence + 1
            yield Problem(first, Breach.DELETED, f"chain head says the last event is #{head.last_sequence}")
        elif events and head.last_hash != events[-1].hash:
            yield Problem(last_sequence, Breach.HEAD, "hash differs from the chain head's")


def verify_events(events: Iterable[AuditEvent], head: AuditChainHead | None) -> Report:
    ordered = sorted(events, key=lambda e: e.sequence)
    problems = list(_problems(ordered, head))
    # The same event can break two checks: report each (sequence, breach) once.
    unique = list(dict.fromkeys(problems))
    return Report(
        checked=len(ordered),
        last_sequence=ordered[-1].sequence if ordered else 0,
        last_hash=ordered[-1].hash if ordered else GENESIS,
        problems=unique,
    )


def verify_chain() -> Report:
    """Verify the whole log in the database (the caller opens ``unscoped``)."""
    return verify_events(AuditEvent.objects.order_by("sequence"), AuditChainHead.objects.filter(id=1).first())
