"""Background jobs: one active job per target, progress on the page from the row, downloads, recovery."""

from __future__ import annotations

import datetime as dt
import socket
import subprocess
from pathlib import Path

import pytest
from blocking_jobs.tasks import NOT_RETRIED, RETRIED, TEST_KINDS
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_commune, ensure_province, make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.jobs.kinds import KINDS
from baucu.jobs.models import Job, Worker
from baucu.jobs.services import (
    JobAlreadyActiveError,
    JobProgress,
    do_recover_stale_jobs,
    do_start_job,
    worker_is_dead,
)
from baucu.jobs.worker import run_queued_jobs

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")


@pytest.fixture(autouse=True)
def registered_test_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind, spec in TEST_KINDS.items():
        monkeypatch.setitem(KINDS, kind, spec)
    ensure_province("20")
    ensure_province("21")


def _start(
    kind: str = RETRIED, actor: Actor = SYSTEM, release: Path | None = None, province: str = "20"
) -> Job:
    return do_start_job(
        kind,  # type: ignore[arg-type]
        actor=actor,
        province=ensure_province(province),
        params={"release": str(release or Path("/nonexistent"))},
    )


def _job(pk: int) -> Job:
    with unscoped("test"):
        return Job.objects.get(pk=pk)


def _client(actor: Actor) -> Client:
    client = Client()
    assert actor.user is not None
    client.force_login(actor.user)
    return client


def test_starting_a_job_writes_the_row_the_task_and_the_audit_event_together() -> None:
    job = _start()
    assert job.status == Job.Status.QUEUED
    assert job.target == "province:20"
    task_row = DBTaskResult.objects.get(id=job.task_result_id)
    assert task_row.status == "READY"
    assert task_row.args_kwargs == {"args": [job.pk], "kwargs": {}}
    with unscoped("test"):
        (event,) = AuditEvent.objects.filter(action=AuditAction.JOB_QUEUED)
    assert (event.object_type, event.object_id, event.province_code) == ("job", str(job.pk), "20")
    assert event.new_value["kind"] == RETRIED


def test_a_second_identical_job_is_refused_while_the_first_is_queued_or_running(tmp_path: Path) -> None:
    first = _start(release=tmp_path / "go")
    with pytest.raises(JobAlreadyActiveError) as refused:
        _start()
    assert refused.value.job.pk == first.pk
    assert f"#{first.pk}" in str(refused.value)
    _start(province="21")  # another target: fine
    _start(NOT_RETRIED)  # another kind: fine
    with unscoped("test"):
        Job.objects.filter(pk=first.pk).update(status=Job.Status.RUNNING)
    with pytest.raises(JobAlreadyActiveError):
        _start()
    with unscoped("test"):
        Job.objects.filter(pk=first.pk).update(status=Job.Status.SUCCEEDED)
    assert _start().pk != first.pk  # once it has ended, the same job may run again


def test_the_database_itself_refuses_two_active_jobs_on_one_target() -> None:
    """What decides a race between two requests that both found no active job."""
    job = _start()
    twin = Job(kind=job.kind, target=job.target, province_id="20", started_by="race")
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()
    twin.status = Job.Status.FAILED
    twin.save()  # an ended job on the same target is fine


def test_an_actor_without_the_permission_cannot_start_a_job() -> None:
    observer = make_actor(Role.OBSERVER, Jurisdiction.province("20"))
    with pytest.raises(PermissionError):
        _start(actor=observer)
    elsewhere = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("21"))
    with pytest.raises(PermissionError):
        _start(actor=elsewhere)
    assert not DBTaskResult.objects.exists()


def test_the_worker_runs_the_job_and_records_progress_and_result(tmp_path: Path) -> None:
    (tmp_path / "go").touch()
    job = _start(release=tmp_path / "go")
    assert run_queued_jobs() == 1
    done = _job(job.pk)
    assert (done.status, done.attempts, done.result) == (Job.Status.SUCCEEDED, 1, {"released": True})
    assert (done.progress_done, done.progress_total, done.percent) == (2, 2, 100)
    assert done.started_at is not None
    assert done.finished_at is not None
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "SUCCESSFUL"
    with unscoped("test"):
        assert AuditEvent.objects.filter(action=AuditAction.JOB_SUCCEEDED, object_id=str(job.pk)).exists()


def test_a_body_that_raises_fails_the_job_with_the_error_and_the_queue_keeps_the_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import blocking_jobs.tasks as blocking

    def broken(job: Job, progress: JobProgress) -> dict[str, object]:
        progress(1, 3, "first step")
        raise RuntimeError("disk full")

    monkeypatch.setattr(blocking, "_halfway_then_wait", broken)
    job = _start()
    run_queued_jobs()
    failed = _job(job.pk)
    assert failed.status == Job.Status.FAILED
    assert failed.error == "RuntimeError: disk full"
    assert (failed.progress_done, failed.progress_total) == (1, 3)
    task_row = DBTaskResult.objects.get(id=job.task_result_id)
    assert task_row.status == "FAILED"
    assert "disk full" in task_row.traceback
    with unscoped("test"):
        event = AuditEvent.objects.get(action=AuditAction.JOB_FAILED, object_id=str(job.pk))
    assert event.disposition == "failure"
    assert event.new_value["error"] == "RuntimeError: disk full"


def test_progress_is_read_from_the_row_so_a_reload_shows_it() -> None:
    """The page keeps nothing in the web process: two GETs (or two web servers) show the row."""
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    job = _start(actor=committee)
    JobProgress(job.pk)(3, 8, "transforming")
    for client in (_client(committee), _client(committee)):  # a reload, then a fresh session
        for _ in range(2):
            page = client.get(f"/bo/cong-viec/{job.pk}/")
            assert page.status_code == 200
            html = page.content.decode()
            assert f'<progress id="job-{job.pk}-progress" max="8" value="3">' in html
            assert "chuyển đổi dữ liệu" in html  # "transforming", in Vietnamese first
            assert "37 %" in html
            assert 'http-equiv="refresh"' in html  # still queued: it refreshes itself
    JobProgress(job.pk)(5, 8, "loading")
    assert 'max="8" value="5"' in _client(committee).get(f"/bo/cong-viec/{job.pk}/").content.decode()


def test_a_finished_jobs_page_stops_refreshing(tmp_path: Path) -> None:
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    (tmp_path / "go").touch()
    job = _start(actor=committee, release=tmp_path / "go")
    run_queued_jobs()
    html = _client(committee).get(f"/bo/cong-viec/{job.pk}/").content.decode()
    assert 'http-equiv="refresh"' not in html
    assert 'max="2" value="2"' in html


def test_the_page_says_when_no_worker_is_running() -> None:
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    job = _start(actor=committee)
    assert "baucu db_worker" in _client(committee).get(f"/bo/cong-viec/{job.pk}/").content.decode()
    Worker(worker_id="alive", hostname="h", pid=1, heartbeat_at=timezone.now()).save()
    assert "baucu db_worker" not in _client(committee).get(f"/bo/cong-viec/{job.pk}/").content.decode()


def test_another_provinces_job_is_a_404() -> None:
    job = _start(province="21")
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    client = _client(committee)
    assert client.get(f"/bo/cong-viec/{job.pk}/").status_code == 404
    assert client.get(f"/bo/cong-viec/{job.pk}/tai-ve/").status_code == 404
    assert client.get("/bo/cong-viec/999999/").status_code == 404


# --- recovery -----------------------------------------------------------------------------------------


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


def _claimed_by(job: Job, worker_id: str, attempts: int = 1) -> None:
    task_row = DBTaskResult.objects.get(id=job.task_result_id)
    task_row.claim(worker_id)
    with unscoped("test"):
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.RUNNING, worker_id=worker_id, attempts=attempts
        )


def test_a_worker_is_dead_when_its_process_is_gone_or_its_heartbeat_is_old(settings: object) -> None:
    now = timezone.now()
    here = socket.gethostname()
    assert worker_is_dead(Worker(worker_id="w", hostname=here, pid=_dead_pid(), heartbeat_at=now), now)
    assert not worker_is_dead(Worker(worker_id="w", hostname="other-host", pid=1, heartbeat_at=now), now)
    old = now - dt.timedelta(seconds=settings.JOBS_WORKER_STALE_AFTER_SECONDS + 1)  # type: ignore[attr-defined]
    assert worker_is_dead(Worker(worker_id="w", hostname="other-host", pid=1, heartbeat_at=old), now)
    # Never registered: dead once the stale time has passed since it claimed the task.
    assert not worker_is_dead(None, now)
    assert worker_is_dead(None, old)
    # The caller itself is alive, whatever its row says.
    assert not worker_is_dead(
        Worker(worker_id="me", hostname=here, pid=_dead_pid(), heartbeat_at=old), now, me="me"
    )


def test_recovery_requeues_then_fails_and_leaves_live_workers_alone(tmp_path: Path) -> None:
    job = _start()
    Worker(
        worker_id="ghost", hostname=socket.gethostname(), pid=_dead_pid(), heartbeat_at=timezone.now()
    ).save()
    Worker(worker_id="busy", hostname="other-host", pid=1, heartbeat_at=timezone.now()).save()
    other = _start(NOT_RETRIED)
    _claimed_by(other, "busy")
    _claimed_by(job, "ghost")

    assert [j.pk for j in do_recover_stale_jobs()] == [job.pk]
    requeued = _job(job.pk)
    assert requeued.status == Job.Status.QUEUED
    assert requeued.task_result_id != job.task_result_id
    assert DBTaskResult.objects.get(id=requeued.task_result_id).status == "READY"
    assert _job(other.pk).status == Job.Status.RUNNING  # its worker beats elsewhere
    assert list(Worker.objects.values_list("worker_id", flat=True)) == ["busy"]  # the ghost forgotten

    Worker(
        worker_id="ghost2", hostname=socket.gethostname(), pid=_dead_pid(), heartbeat_at=timezone.now()
    ).save()
    _claimed_by(requeued, "ghost2", attempts=2)
    do_recover_stale_jobs()
    failed = _job(job.pk)
    assert failed.status == Job.Status.FAILED
    assert "ghost2" in failed.error
    assert "attempt 2 of 2" in failed.error
    with unscoped("test"):
        actions = list(
            AuditEvent.objects.filter(object_type="job", object_id=str(job.pk))
            .order_by("sequence")
            .values_list("action", flat=True)
        )
    assert actions == [AuditAction.JOB_QUEUED, AuditAction.JOB_REQUEUED, AuditAction.JOB_FAILED]


def test_recovery_fails_an_active_job_whose_task_the_queue_lost() -> None:
    job = _start()
    DBTaskResult.objects.filter(id=job.task_result_id).delete()
    assert [j.pk for j in do_recover_stale_jobs()] == [job.pk]
    assert _job(job.pk).status == Job.Status.FAILED
    assert "no longer holds" in _job(job.pk).error


def test_a_commune_users_sees_its_communes_jobs_only() -> None:
    commune = ensure_commune("06187", "20")
    other = ensure_commune("06043", "20")
    mine = do_start_job(Job.Kind.COMMUNE_PRINTOUTS, actor=SYSTEM, province=commune.province, commune=commune)
    theirs = do_start_job(Job.Kind.COMMUNE_PRINTOUTS, actor=SYSTEM, province=other.province, commune=other)
    province_job = _start()
    observer = make_actor(Role.OBSERVER, Jurisdiction.commune("20", commune.code))
    visible = set(Job.objects.for_actor(observer).values_list("pk", flat=True))
    assert visible == {mine.pk}
    assert theirs.pk not in visible
    assert province_job.pk not in visible
