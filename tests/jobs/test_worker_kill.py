"""Acceptance (issue 10): a killed worker loses no job.

The real worker (``baucu db_worker``, a subprocess on the test database) runs a job that stops half-way;
the test SIGKILLs it there, so nothing of the worker's own can record what happened. The next worker
to start finds the job's task still "running" under a dead worker: it runs the job again (a kind that
may run twice) or marks it failed with the reason (a kind that may not). Never "running" forever.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from blocking_jobs.tasks import NOT_RETRIED, RETRIED, TEST_KINDS
from django.db import connection
from django_tasks_db.models import DBTaskResult

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_province
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.jobs.kinds import KINDS
from baucu.jobs.models import Job, Worker
from baucu.jobs.services import do_start_job
from baucu.management.commands.demo import background_worker

pytestmark = pytest.mark.django_db(transaction=True)

HERE = Path(__file__).parent
SRC = HERE.parent.parent / "src"


@pytest.fixture(autouse=True)
def registered_test_kinds(monkeypatch: pytest.MonkeyPatch) -> None:
    for kind, spec in TEST_KINDS.items():
        monkeypatch.setitem(KINDS, kind, spec)


@pytest.fixture
def worker_env(tmp_path: Path) -> dict[str, str]:
    """The environment of a worker subprocess: the test database, the blocking test kinds."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "worker_settings",
        "BAUCU_TEST_DATABASE_NAME": str(connection.settings_dict["NAME"]),
        "PYTHONPATH": os.pathsep.join([str(HERE), str(SRC), os.environ.get("PYTHONPATH", "")]),
        "BAUCU_TEST_LOG_DIR": str(tmp_path),
    }
    return env


def _worker(env: dict[str, str], worker_id: str, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "baucu.cli", "db_worker", "--worker-id", worker_id]
    command += ["--interval", "0.1", "--no-startup-delay", *extra]
    with _log(env, worker_id).open("wb") as log:  # the child keeps its own descriptor
        return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _log(env: dict[str, str], worker_id: str) -> Path:
    return Path(env["BAUCU_TEST_LOG_DIR"]) / f"{worker_id}.log"


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def _job(job_id: int) -> Job:
    with unscoped("test"):
        return Job.objects.get(pk=job_id)


def _wait_for(
    check: Callable[[], bool], what: str, process: subprocess.Popen[bytes], timeout: float = 90
) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if process.poll() is not None and not check():
            pytest.fail(f"the worker exited ({process.returncode}) before {what}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def _start(kind: str, release: Path) -> Job:
    return do_start_job(
        kind,  # type: ignore[arg-type]
        actor=Actor.system("test"),
        province=ensure_province("20"),
        params={"release": str(release)},
    )


def _killed_halfway(job: Job, env: dict[str, str], workers: list[subprocess.Popen[bytes]]) -> None:
    first = _worker(env, "worker-to-kill")
    workers.append(first)
    _wait_for(lambda: _job(job.pk).progress_message == "halfway", "the job to reach half-way", first)
    running = _job(job.pk)
    assert (running.status, running.worker_id, running.progress_done, running.progress_total) == (
        Job.Status.RUNNING,
        "worker-to-kill",
        1,
        2,
    )
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    # Nothing recorded the death: the job and its task still say "running".
    assert _job(job.pk).status == Job.Status.RUNNING
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "RUNNING"


def test_a_job_whose_worker_is_killed_is_run_again_by_the_next_worker(
    worker_env: dict[str, str], workers: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    release = tmp_path / "release"
    job = _start(RETRIED, release)
    first_task = job.task_result_id
    _killed_halfway(job, worker_env, workers)

    release.touch()
    second = _worker(worker_env, "next-worker", "--batch")
    workers.append(second)
    assert second.wait(timeout=90) == 0

    done = _job(job.pk)
    assert done.status == Job.Status.SUCCEEDED
    assert done.attempts == 2
    assert done.worker_id == "next-worker"
    assert (done.progress_done, done.progress_total) == (2, 2)
    assert done.result == {"released": True}
    lost = DBTaskResult.objects.get(id=first_task)
    assert lost.status == "FAILED"
    assert lost.exception_class_path == "baucu.jobs.services.WorkerLostError"
    assert "worker-to-kill" in lost.traceback
    assert DBTaskResult.objects.get(id=done.task_result_id).status == "SUCCESSFUL"
    with unscoped("test"):
        actions = list(
            AuditEvent.objects.filter(object_type="job", object_id=str(job.pk))
            .order_by("sequence")
            .values_list("action", flat=True)
        )
    assert actions == [AuditAction.JOB_QUEUED, AuditAction.JOB_REQUEUED, AuditAction.JOB_SUCCEEDED]
    assert not Worker.objects.exists()  # the dead one forgotten, the batch worker unregistered


def test_a_job_that_may_not_run_twice_is_marked_failed_with_the_reason(
    worker_env: dict[str, str], workers: list[subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    release = tmp_path / "release"
    job = _start(NOT_RETRIED, release)
    _killed_halfway(job, worker_env, workers)

    second = _worker(worker_env, "next-worker", "--batch")
    workers.append(second)
    assert second.wait(timeout=90) == 0

    failed = _job(job.pk)
    assert failed.status == Job.Status.FAILED
    assert "worker-to-kill" in failed.error
    assert "stopped while running this job" in failed.error
    assert failed.finished_at is not None
    assert (failed.progress_done, failed.progress_total) == (1, 2)  # how far it got
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "FAILED"


def test_the_demo_runs_the_worker_beside_the_web_server_and_stops_it(
    worker_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name, value in worker_env.items():
        monkeypatch.setenv(name, value)
    release = tmp_path / "release"
    release.touch()
    job = _start(RETRIED, release)
    out: list[str] = []

    class _Out:
        def write(self, text: str) -> None:
            out.append(text)

    with background_worker(_Out()) as process:
        _wait_for(
            lambda: _job(job.pk).status == Job.Status.SUCCEEDED, "the demo's worker to run the job", process
        )
        assert process.poll() is None
    assert process.returncode is not None  # stopped with the server
    assert any(str(process.pid) in line for line in out)
