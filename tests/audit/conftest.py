from __future__ import annotations

import pytest
from django.db import transaction

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.testing import ensure_commune
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event


@pytest.fixture
def chain(db: None) -> list[int]:
    """Six events in Phường Kỳ Lừa, sequences 1–6."""
    ensure_commune("06187", "20")
    where = Jurisdiction.commune("20", "06187")
    sequences = []
    for i in range(6):
        with transaction.atomic():
            event = record_event(
                AuditAction.ROLE_ASSIGNED,
                actor=Actor.system("test"),
                jurisdiction=where,
                object_type="role_assignment",
                object_id=i,
                old_value=None,
                new_value={"role": "observer", "n": i, "tên": "Nguyễn Thị Ánh"},
            )
        sequences.append(event.sequence)
    return sequences
