"""Tampering with the audit log in the database is detected and named by ``baucu audit verify``."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import BANDS, DESCRIPTIONS, AuditAction, band_of
from baucu.audit.chain import event_hash
from baucu.audit.events import AuditOutsideTransactionError, record_event
from baucu.audit.models import AuditEvent
from baucu.audit.verify import Breach, verify_chain


def _raw(sql: str, params: list[object] | None = None) -> None:
    """Tamper as a database administrator would: raw SQL, the PostgreSQL guard trigger disabled."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent DISABLE TRIGGER audit_event_append_only")
        cursor.execute(sql, params or [])
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditevent ENABLE TRIGGER audit_event_append_only")


def _verify_fails() -> str:
    err = io.StringIO()
    with pytest.raises(CommandError, match="audit log BROKEN"):
        call_command("audit", "verify", stdout=io.StringIO(), stderr=err)
    return err.getvalue()


def _breaches() -> set[tuple[int, Breach]]:
    with unscoped("test"):
        return {(p.sequence, p.breach) for p in verify_chain().problems}


def test_an_intact_chain_verifies(chain: list[int]) -> None:
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    assert "audit log OK: 6 events, last #6" in out.getvalue()


def test_editing_one_row_names_that_event(chain: list[int]) -> None:
    _raw("UPDATE audit_auditevent SET new_value = %s WHERE sequence = 3", ['{"role": "system_admin"}'])
    assert "event #3: modified" in _verify_fails()
    assert _breaches() == {(3, Breach.MODIFIED)}


def test_editing_the_actor_or_time_is_detected(chain: list[int]) -> None:
    _raw("UPDATE audit_auditevent SET actor_username = 'someone-else' WHERE sequence = 5")
    assert _breaches() == {(5, Breach.MODIFIED)}


def test_deleting_a_row_names_the_missing_event(chain: list[int]) -> None:
    _raw("DELETE FROM audit_auditevent WHERE sequence = 4")
    assert "event #4: deleted" in _verify_fails()
    assert (4, Breach.DELETED) in _breaches()


def test_deleting_the_last_row_is_caught_by_the_chain_head(chain: list[int]) -> None:
    _raw("DELETE FROM audit_auditevent WHERE sequence = 6")
    assert _breaches() == {(6, Breach.DELETED)}


def _forged_after(sequence: int, new_sequence: int) -> AuditEvent:
    with unscoped("test"):
        model = AuditEvent.objects.get(sequence=sequence)
    forged = AuditEvent(
        sequence=new_sequence,
        occurred_at=model.occurred_at,
        actor_username="intruder",
        actor_role="system_admin",
        province_code="20",
        commune_code="06187",
        action=int(AuditAction.ROLE_ASSIGNED),
        new_value={"role": "system_admin"},
        previous_hash=model.hash,
    )
    forged.hash = event_hash(forged)
    return forged


def _insert(event: AuditEvent) -> None:
    _raw(
        "INSERT INTO audit_auditevent (sequence, occurred_at, actor_username, actor_role, province_code, "
        "commune_code, scope_kind, scope_key, election_key, action, disposition, object_type, object_id, "
        "old_value, new_value, previous_hash, hash) "
        "VALUES (%s, %s, %s, %s, %s, %s, '', '', '', %s, 'success', '', '', NULL, %s, %s, %s)",
        [
            event.sequence,
            event.occurred_at,
            event.actor_username,
            event.actor_role,
            event.province_code,
            event.commune_code,
            event.action,
            '{"role": "system_admin"}',
            event.previous_hash,
            event.hash,
        ],
    )


def test_inserting_a_well_formed_event_at_the_end_is_caught_by_the_chain_head(chain: list[int]) -> None:
    _insert(_forged_after(6, 7))
    assert "event #7: inserted" in _verify_fails()
    assert _breaches() == {(7, Breach.INSERTED)}


def test_inserting_an_event_in_the_middle_names_it(chain: list[int]) -> None:
    # Make room after #3 the only way sequence numbers allow: shift #4–#6 up by one.
    _raw("UPDATE audit_auditevent SET sequence = sequence + 100 WHERE sequence >= 4")
    _raw("UPDATE audit_auditevent SET sequence = sequence - 99 WHERE sequence >= 100")
    _insert(_forged_after(3, 4))
    report = _breaches()
    assert (4, Breach.INSERTED) in report
    assert "event #4: inserted" in _verify_fails()


def test_swapping_two_events_names_both_as_reordered(chain: list[int]) -> None:
    _raw("UPDATE audit_auditevent SET sequence = 99 WHERE sequence = 2")
    _raw("UPDATE audit_auditevent SET sequence = 2 WHERE sequence = 5")
    _raw("UPDATE audit_auditevent SET sequence = 5 WHERE sequence = 99")
    assert _breaches() == {(2, Breach.REORDERED), (5, Breach.REORDERED)}
    assert "event #2: reordered: recorded as #5" in _verify_fails()


def test_the_head_must_match_a_published_hash(chain: list[int]) -> None:
    with unscoped("test"):
        head = AuditEvent.objects.get(sequence=6)
    call_command("audit", "verify", "--expect-head", f"6:{head.hash}", stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command(
            "audit", "verify", "--expect-head", "6:" + "f" * 64, stdout=io.StringIO(), stderr=io.StringIO()
        )


def test_record_event_refuses_to_run_outside_a_transaction(transactional_db: None) -> None:
    with pytest.raises(AuditOutsideTransactionError):
        record_event(AuditAction.DEMO_LOADED, actor=Actor.system("test"))


def test_events_roll_back_with_the_change_they_record(db: None) -> None:
    def change_that_fails() -> None:
        with transaction.atomic():
            record_event(AuditAction.DEMO_LOADED, actor=Actor.system("test"))
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError):
        change_that_fails()
    with unscoped("test"):
        assert AuditEvent.objects.count() == 0


def test_the_orm_refuses_to_change_or_delete_an_event(chain: list[int]) -> None:
    with unscoped("test"):
        event = AuditEvent.objects.get(sequence=1)
    event.actor_username = "x"
    with pytest.raises(RuntimeError, match="append-only"):
        event.save()
    with pytest.raises(RuntimeError, match="append-only"):
        event.delete()


@pytest.mark.postgres_only
def test_postgresql_refuses_update_and_delete(chain: list[int]) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL trigger")
    from django.db import DatabaseError

    for sql in ("UPDATE audit_auditevent SET actor_username = 'x'", "DELETE FROM audit_auditevent"):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql)


def test_action_codes_sit_in_their_bands_and_have_two_descriptions() -> None:
    assert set(DESCRIPTIONS) == set(AuditAction)
    for action in AuditAction:
        band_of(action)
        vi, en = DESCRIPTIONS[action]
        assert vi
        assert en
        assert vi != en
    assert band_of(AuditAction.PERSONAL_DATA_VIEWED) == "personal data access"
    assert [b[0] for b in BANDS] == sorted(b[0] for b in BANDS)
