"""Scoped reads of jobs: a job of another jurisdiction behaves as one that does not exist."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import Http404
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.jobs.kinds import kind_of
from baucu.jobs.models import Job, Worker
from baucu.jobs.services import job_jurisdiction


def access_job(actor: Actor, job_id: int) -> Job:
    job = (
        Job.objects.for_actor(actor)
        .select_related("election", "province", "commune")
        .filter(pk=job_id)
        .first()
    )
    if job is None:
        raise Http404("job")
    return job


def a_worker_is_alive() -> bool:
    """Whether some worker beat recently (the pages warn when queued jobs have nobody to run them)."""
    since = timezone.now() - dt.timedelta(seconds=settings.JOBS_WORKER_STALE_AFTER_SECONDS)
    return Worker.objects.filter(heartbeat_at__gte=since).exists()


def may_download(actor: Actor, job: Job) -> bool:
    permission = kind_of(job).download_permission
    if permission is None or job.status != Job.Status.SUCCEEDED or not job.result.get("file"):
        return False
    return actor.can(permission, job_jurisdiction(job), election_key=str(job.election_id or ""))
