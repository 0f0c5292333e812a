"""A job's page (status, progress bar, result or error) and the download of its result file.

The page reads the ``Job`` row only, so reloading it, or restarting the web server, shows the same
progress; while the job is queued or running it refreshes itself every 2 seconds with
``<meta http-equiv="refresh">`` (no script needed, and the CSP forbids inline scripts).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render

from baucu import filestore
from baucu.accounts.session import actor_for
from baucu.audit.events import record_personal_data_access
from baucu.jobs.kinds import kind_of
from baucu.jobs.models import Job
from baucu.jobs.queries import a_worker_is_alive, access_job, may_download
from baucu.jobs.services import job_jurisdiction


@login_required
def job_page(request: HttpRequest, job_id: int) -> HttpResponse:
    actor = actor_for(request)
    job = access_job(actor, job_id)
    context = {
        "job": job,
        "can_download": may_download(actor, job),
        "no_worker": job.status == Job.Status.QUEUED and not a_worker_is_alive(),
    }
    return render(request, "jobs/job.html", context)


@login_required
def job_download(request: HttpRequest, job_id: int) -> HttpResponse:
    actor = actor_for(request)
    job = access_job(actor, job_id)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if job.status != Job.Status.SUCCEEDED or not job.result.get("file"):
        raise Http404("job result")
    if not may_download(actor, job):
        raise PermissionDenied
    try:
        content = filestore.read_bytes(job.result["file"])
    except FileNotFoundError as exc:
        raise Http404("job result file") from exc
    record_personal_data_access(
        actor,
        kind_of(job).download_what,
        job_jurisdiction(job),
        exported=True,
        object_type="job",
        object_id=job.pk,
        count=job.result.get("voters"),
    )
    response = HttpResponse(content, content_type=job.result.get("content_type", "application/octet-stream"))
    response["Content-Disposition"] = f'attachment; filename="{job.result.get("name", f"job-{job.pk}")}"'
    response["Cache-Control"] = "no-store"  # personal data: no copy in a shared cache
    return response
