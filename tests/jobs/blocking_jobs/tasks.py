from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django_tasks import TaskContext, task

from baucu.accounts.permissions import Permission
from baucu.jobs.kinds import JobKind
from baucu.jobs.models import Job
from baucu.jobs.services import JobProgress, run_job

RETRIED = "test_blocking_retried"
NOT_RETRIED = "test_blocking_once"
TEST_KINDS = {
    RETRIED: JobKind(task="blocking_jobs.tasks.block", permissions=(Permission.CHANGE,), retry=True),
    NOT_RETRIED: JobKind(task="blocking_jobs.tasks.block", permissions=(Permission.CHANGE,), retry=False),
}


def _halfway_then_wait(job: Job, progress: JobProgress) -> dict[str, Any]:
    progress(1, 2, "halfway")
    release = Path(job.params["release"])
    deadline = time.monotonic() + 120
    while not release.exists():
        if time.monotonic() > deadline:
            raise TimeoutError("never released")
        time.sleep(0.05)
    progress(2, 2, "released")
    return {"released": True}


@task(takes_context=True)
def block(context: TaskContext, job_id: int) -> dict[str, Any]:
    return run_job(context, job_id, _halfway_then_wait)
