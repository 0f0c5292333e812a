"""The only writers of ``Job`` and ``Worker`` rows: start, run, finish and recover background jobs.

* ``do_start_job`` (web request or command): refuses a second active job of the same kind and target,
  writes the ``Job`` row, its audit event and the queue's task row in ONE transaction, so a job is
  never queued without its record nor recorded without its task.
* ``run_job`` (the worker, inside a task body): claims the job, hands the body a ``JobProgress`` to
  report ``done / total`` with a message, then records success (the body's summary) or failure (the
  refusal's text, or the exception), each with its audit event.
* ``do_recover_stale_jobs`` (every worker at start and then every minute): a task the queue still shows
  as running whose worker is dead is marked failed in the queue, and its job is queued again (kinds
  that may run twice) or marked failed with the reason. Nothing stays "running" forever.

Heartbeats and progress are not audited: they say how far a job is, not what it changed.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import IntegrityError, OperationalError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskContext, TaskResultStatus
from django_tasks_db.models import DBTaskResult

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.elections.models import Election
from baucu.jobs.kinds import MAX_ATTEMPTS, abandon_hook, kind_of
from baucu.jobs.models import Job, Worker
from baucu.units.models import Commune, Province

RECOVERY_ACTOR = "job recovery"
_PROGRESS_EVERY = 0.5  # seconds between two progress writes with the same message


class JobRefusedError(Exception):
    """A job could not be started; ``message`` says why (shown to the user)."""


class JobAlreadyActiveError(JobRefusedError):
    """The same kind of job on the same target is queued or running: ``job`` is that one."""

    def __init__(self, job: Job) -> None:
        self.job = job
        super().__init__(
            f"the same job (#{job.pk}, {job.get_kind_display()}) is already "
            f"{job.get_status_display().lower()}; wait for it to finish"
        )


class JobFailedError(Exception):
    """Raised by a task body for an expected failure (a refusal): the job fails with this text, quietly."""


class WorkerLostError(RuntimeError):
    """Stored as the queue's error of a task whose worker died while running it."""


def job_target(election: Election | None, province: Province, commune: Commune | None = None) -> str:
    parts = [f"election:{election.pk}" if election is not None else "", f"province:{province.code}"]
    if commune is not None:
        parts.append(f"commune:{commune.code}")
    return "/".join(p for p in parts if p)


def job_jurisdiction(job: Job) -> Jurisdiction:
    if job.commune_id:
        return Jurisdiction.commune(job.province_id, job.commune_id)
    return Jurisdiction.province(job.province_id)


def job_actor(job: Job) -> Actor:
    """Who the worker acts as: the user in the role they started the job with (checked again by the
    services the body calls, so a role revoked meanwhile makes the job fail)."""
    if job.system_name:
        return Actor.system(job.system_name)
    return Actor(user=job.user, assignment=job.assignment)


def _audit(job: Job, action: AuditAction, actor: Actor, old: Any = None, new: Any = None) -> None:
    record_event(
        action,
        actor=actor,
        jurisdiction=job_jurisdiction(job),
        election_key=str(job.election_id or ""),
        object_type="job",
        object_id=job.pk,
        old_value=old,
        new_value={"kind": job.kind, "target": job.target, **(new or {})},
        disposition="failure" if action == AuditAction.JOB_FAILED else "success",
    )


def _enqueue(job: Job) -> None:
    task = import_string(kind_of(job).task)
    result = task.enqueue(job.pk)
    job.task_result_id = str(result.id)
    job.save(update_fields=["task_result_id"])


def do_start_job(
    kind: Job.Kind,
    *,
    actor: Actor,
    province: Province,
    election: Election | None = None,
    commune: Commune | None = None,
    params: dict[str, Any] | None = None,
) -> Job:
    """Queue a job of ``kind`` on its target; ``JobAlreadyActiveError`` if one is queued or running."""
    spec = Job(kind=kind)
    where = (
        Jurisdiction.commune(province.code, commune.code) if commune else Jurisdiction.province(province.code)
    )
    election_key = str(election.pk) if election is not None else ""
    if not any(actor.can(p, where, election_key=election_key) for p in kind_of(spec).permissions):
        raise PermissionError(f"the actor may not start a {kind} job in {where}")
    target = job_target(election, province, commune)
    with transaction.atomic():
        with unscoped("starting a job: is the same job already active?"):
            same = Job.objects.filter(kind=kind, target=target, status__in=Job.ACTIVE)
            active = same.select_for_update().first()
        if active is not None:
            raise JobAlreadyActiveError(active)
        job = Job(
            kind=kind,
            target=target,
            election=election,
            province=province,
            commune=commune,
            started_by=actor.username[:150],
            user=actor.user,
            assignment=actor.assignment,
            system_name=actor.system_name,
            params=params or {},
            progress_message="queued",
        )
        try:
            with transaction.atomic():  # a savepoint: the race's loser can still read the winner
                job.save()
        except IntegrityError:
            # Another request inserted the same job between our check and our insert (PostgreSQL:
            # the partial unique index ``jobs_one_active_per_target`` decides).
            with unscoped("starting a job: the job that won the race"):
                winner = Job.objects.filter(kind=kind, target=target, status__in=Job.ACTIVE).first()
            if winner is None:
                raise
            raise JobAlreadyActiveError(winner) from None
        _enqueue(job)
        _audit(job, AuditAction.JOB_QUEUED, actor, new={"params": job.params})
    return job


class JobProgress:
    """What a task body calls to report how far it is: ``progress(done, total, message)``.

    Each call is its own short write (outside the body's transactions, or the pages would not see it
    before the body commits); calls with the same message closer than half a second are skipped,
    except the last step.
    """

    def __init__(self, job_id: int) -> None:
        self.job_id = job_id
        self._last = (0.0, "")

    def __call__(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        last_at, last_message = self._last
        if message == last_message and done < total and now - last_at < _PROGRESS_EVERY:
            return
        self._last = (now, message)
        with unscoped("job progress"):
            Job.objects.filter(pk=self.job_id).update(
                progress_done=max(0, done), progress_total=max(0, total), progress_message=message[:200]
            )


JobBody = Callable[[Job, JobProgress], dict[str, Any]]


def _claim(job_id: int, context: TaskContext) -> Job | None:
    """Mark the job running for this attempt; None if it is not ours to run (finished, or requeued)."""
    task_result_id = str(context.task_result.id)
    worker_ids = context.task_result.worker_ids
    with transaction.atomic(), unscoped("worker: claiming a job"):
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or not job.is_active or job.task_result_id != task_result_id:
            return None
        job.status = Job.Status.RUNNING
        job.worker_id = worker_ids[-1] if worker_ids else ""
        job.attempts += 1
        job.started_at = timezone.now()
        job.progress_message = "started"
        job.save(update_fields=["status", "worker_id", "attempts", "started_at", "progress_message"])
    return job


def _finish(job: Job, status: Job.Status, *, result: dict[str, Any] | None = None, error: str = "") -> None:
    with transaction.atomic():
        job.refresh_from_db(fields=["progress_done", "progress_total"])  # as ``JobProgress`` wrote them
        job.status = status
        job.result = result or {}
        job.error = error[:20_000]
        job.finished_at = timezone.now()
        if status == Job.Status.SUCCEEDED:
            job.progress_done = job.progress_total
        job.progress_message = "done" if status == Job.Status.SUCCEEDED else "failed"
        job.save(
            update_fields=["status", "result", "error", "finished_at", "progress_done", "progress_message"]
        )
        action = AuditAction.JOB_SUCCEEDED if status == Job.Status.SUCCEEDED else AuditAction.JOB_FAILED
        new = {"result": job.result} if status == Job.Status.SUCCEEDED else {"error": job.error[:2000]}
        _audit(job, action, job_actor(job), new={"attempt": job.attempts, **new})


def run_job(context: TaskContext, job_id: int, body: JobBody) -> dict[str, Any]:
    """The frame of every task body: claim, run with progress, record the outcome.

    ``JobFailedError`` from the body is an expected refusal: the job fails with its text and the task
    ends normally. Any other exception (or the worker being stopped mid-task) fails the job with the
    exception's text and is raised again, so the queue keeps its traceback for the operator.
    """
    job = _claim(job_id, context)
    if job is None:
        return {"skipped": f"job {job_id} is not queued for this task"}
    try:
        result = body(job, JobProgress(job.pk))
    except JobFailedError as exc:
        _finish(job, Job.Status.FAILED, error=str(exc))
        return {"failed": str(exc)}
    except BaseException as exc:
        _finish(job, Job.Status.FAILED, error=f"{type(exc).__name__}: {exc}")
        raise
    _finish(job, Job.Status.SUCCEEDED, result=result)
    return result


# --- workers and recovery -------------------------------------------------------------------------


def do_register_worker(worker_id: str) -> None:
    """A worker announces itself (host and process id) before it takes any task."""
    now = timezone.now()
    Worker.objects.update_or_create(
        worker_id=worker_id,
        defaults={"hostname": socket.gethostname()[:255], "pid": os.getpid(), "heartbeat_at": now},
    )


def beat(worker_id: str) -> bool:
    """Refresh the worker's heartbeat; False if the database was busy (a long write): try again later."""
    try:
        Worker.objects.filter(worker_id=worker_id).update(heartbeat_at=timezone.now())
    except OperationalError:
        return False
    return True


def do_unregister_worker(worker_id: str) -> None:
    Worker.objects.filter(worker_id=worker_id).delete()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a killed child its parent has not reaped yet still answers kill(0): a zombie is dead
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state not in ("Z", "X")


def worker_is_dead(worker: Worker | None, since: dt.datetime | None, *, me: str = "") -> bool:
    """Whether the worker that claimed a task at ``since`` is gone.

    On this host a worker is dead as soon as its process is; elsewhere (or if the process id was reused
    by this very worker) when its heartbeat is older than JOBS_WORKER_STALE_AFTER_SECONDS. A worker
    with no row at all (never registered, or unregistered) counts as dead once that long has passed
    since it claimed the task.
    """
    stale = timezone.now() - dt.timedelta(seconds=settings.JOBS_WORKER_STALE_AFTER_SECONDS)
    if worker is None:
        return since is None or since < stale
    if worker.worker_id == me:
        return False
    if worker.hostname == socket.gethostname() and (worker.pid == os.getpid() or not _pid_alive(worker.pid)):
        return True
    return worker.heartbeat_at < stale


def do_recover_stale_jobs(*, me: str = "") -> list[Job]:
    """Fail the queue's tasks whose worker died, and requeue or fail their jobs; the jobs touched.

    ``me`` is the calling worker's id (never taken for dead). Also fails an active job whose task the
    queue no longer runs (finished, or deleted), and forgets workers that are dead.
    """
    actor = Actor.system(RECOVERY_ACTOR)
    touched: list[Job] = []
    workers = {w.worker_id: w for w in Worker.objects.all()}
    for task_row in DBTaskResult.objects.running():
        worker_id = task_row.worker_ids[-1] if task_row.worker_ids else ""
        worker = workers.get(worker_id)
        if not worker_is_dead(worker, task_row.started_at, me=me):
            continue
        where = f"{worker.hostname}:{worker.pid}" if worker else "unknown"
        reason = f"the worker {worker_id or '?'} ({where}) stopped while running this job"
        with transaction.atomic():
            task_row.set_failed(WorkerLostError(reason))
            with unscoped("job recovery"):
                job = (
                    Job.objects.select_for_update()
                    .filter(task_result_id=str(task_row.id), status__in=Job.ACTIVE)
                    .first()
                )
            if job is not None:
                _requeue_or_fail(job, reason, actor)
                touched.append(job)
    with unscoped("job recovery: jobs the queue no longer runs"):
        active = list(Job.objects.filter(status__in=Job.ACTIVE).exclude(pk__in=[j.pk for j in touched]))
    for job in active:
        queued = DBTaskResult.objects.filter(id=job.task_result_id).first() if job.task_result_id else None
        if queued is not None and queued.status in (TaskResultStatus.READY, TaskResultStatus.RUNNING):
            continue
        with transaction.atomic():
            job.refresh_from_db()
            if job.is_active:
                _abandon(job, "the queue no longer holds this job's task", actor)
                touched.append(job)
    for worker_id, worker in workers.items():
        if worker_id != me and worker_is_dead(worker, None, me=me):
            do_unregister_worker(worker_id)
    return touched


def _requeue_or_fail(job: Job, reason: str, actor: Actor) -> None:
    if kind_of(job).retry and job.attempts < MAX_ATTEMPTS:
        old = {"status": job.status, "worker": job.worker_id, "attempt": job.attempts}
        job.status = Job.Status.QUEUED
        job.worker_id = ""
        job.progress_message = "queued again: the worker stopped"
        job.save(update_fields=["status", "worker_id", "progress_message"])
        _enqueue(job)
        _audit(job, AuditAction.JOB_REQUEUED, actor, old=old, new={"reason": reason})
        return
    _abandon(job, f"{reason} (attempt {job.attempts} of {MAX_ATTEMPTS})", actor)


def _abandon(job: Job, reason: str, actor: Actor) -> None:
    old = {"status": job.status, "worker": job.worker_id, "attempt": job.attempts}
    job.status = Job.Status.FAILED
    job.error = reason
    job.progress_message = "failed"
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "error", "progress_message", "finished_at"])
    _audit(job, AuditAction.JOB_FAILED, actor, old=old, new={"error": reason})
    hook = abandon_hook(job)
    if hook is not None:
        hook(job, reason, actor)
