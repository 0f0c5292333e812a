"""The worker's presence (registration, heartbeat, periodic recovery) and an in-process queue drain.

``baucu db_worker`` is django-tasks-db's worker inside ``presence(worker_id)``: before it takes a task
it registers (host, process id), recovers the jobs of dead workers, then a heartbeat thread refreshes
its row every JOBS_HEARTBEAT_SECONDS and runs the recovery again about once a minute, so a worker that
died while others keep running is noticed without a restart.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection, transaction
from django_tasks_db.management.commands.db_worker import Worker as QueueWorker
from django_tasks_db.models import DBTaskResult

from baucu.jobs.services import beat, do_recover_stale_jobs, do_register_worker, do_unregister_worker

logger = logging.getLogger("baucu.jobs")
RECOVER_EVERY_BEATS = 6


def _heartbeat(worker_id: str, stop: threading.Event) -> None:
    beats = 0
    try:
        while not stop.wait(settings.JOBS_HEARTBEAT_SECONDS):
            beats += 1
            beat(worker_id)
            if beats % RECOVER_EVERY_BEATS == 0:
                try:
                    for job in do_recover_stale_jobs(me=worker_id):
                        logger.warning("job %s: %s after its worker stopped", job.pk, job.status)
                except Exception:  # the next round tries again; the worker itself keeps running
                    logger.exception("job recovery failed")
    finally:
        connection.close()  # this thread's own connection


@contextmanager
def presence(worker_id: str) -> Iterator[list[int]]:
    """Register, recover stale jobs (their ids are yielded), beat in the background; unregister at the end."""
    do_register_worker(worker_id)
    recovered = [job.pk for job in do_recover_stale_jobs(me=worker_id)]
    stop = threading.Event()
    thread = threading.Thread(target=_heartbeat, args=(worker_id, stop), name="job-heartbeat", daemon=True)
    thread.start()
    try:
        yield recovered
    finally:
        stop.set()
        thread.join(timeout=settings.JOBS_HEARTBEAT_SECONDS + 5)
        do_unregister_worker(worker_id)


def run_queued_jobs(worker_id: str = "in-process", *, backend_name: str = "default") -> int:
    """Run every ready task in this process, one after the other, as the worker would; how many ran.

    For tests and for commands that must see their jobs done before they return. It claims and runs
    tasks exactly as ``db_worker`` does (the library's ``run_task``), without its signal handling and
    connection recycling, which do not belong in a caller's process.
    """
    runner = QueueWorker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name=backend_name,
        startup_delay=False,
        max_tasks=None,
        worker_id=worker_id,
        excluded_queue_names=[],
    )
    do_register_worker(worker_id)
    ran = 0
    try:
        do_recover_stale_jobs(me=worker_id)
        while True:
            with transaction.atomic():
                row = DBTaskResult.objects.ready().filter(backend_name=backend_name).get_locked()
                if row is None:
                    break
                row.claim(worker_id)
            runner.run_task(row)
            ran += 1
    finally:
        do_unregister_worker(worker_id)
    return ran
