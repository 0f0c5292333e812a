"""The voter registry's background jobs (run by ``baucu db_worker``, see ``baucu.jobs``).

* ``import_voter_extract``: the import of a population-database extract (``do_import_voter_extract``),
  with its stages as progress; the uploaded file is deleted when the import ends.
* ``build_commune_printouts``: a commune's Forms 31 and 10 of one election in one ZIP, kept in the
  content-addressed file store and downloaded from the job's page.

Both act as the person who started them (``job_actor``): the services they call check that person's
permission again, so a role revoked while the job waited makes it fail.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django_tasks import TaskContext, task

from baucu import filestore
from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.scoping import unscoped
from baucu.jobs.models import Job
from baucu.jobs.services import JobFailedError, JobProgress, job_actor, run_job
from baucu.reports.bundle import commune_lists_zip
from baucu.voters.imports import VoterImportError, do_fail_voter_import, do_import_voter_extract
from baucu.voters.models import VoterImport
from baucu.voters.printout_data import commune_voter_lists

# The import's stages (``do_import_voter_extract``'s progress texts) as steps of its progress bar.
IMPORT_STAGES = ("checking the file", "transforming", "reading the residences", "loading the lists")


def _voter_import(job: Job) -> VoterImport:
    with unscoped("voter import job: the import record it was started with"):
        records = VoterImport.objects.select_related("election", "province")
        return records.get(pk=job.params["voter_import_id"])


class _ImportSteps:
    def __init__(self, progress: JobProgress) -> None:
        self.progress = progress
        self.step = 0

    def __call__(self, text: str) -> None:
        if text in IMPORT_STAGES:
            self.step = IMPORT_STAGES.index(text)
        self.progress(self.step, len(IMPORT_STAGES), text)


def _import(job: Job, progress: JobProgress) -> dict[str, Any]:
    record = _voter_import(job)
    upload = Path(job.params["upload"])
    try:
        do_import_voter_extract(
            record.election,
            record.province,
            upload,
            actor=job_actor(job),
            voter_import=record,
            progress=_ImportSteps(progress),
        )
    except VoterImportError as exc:  # kept on the import record too, for its page
        raise JobFailedError(str(exc)) from exc
    finally:
        upload.unlink(missing_ok=True)  # personal data: not kept once the import has ended
    return {
        "voter_import_id": record.pk,
        "voters": record.voters_listed,
        "rejected": record.rows_rejected,
        "excluded": record.rows_excluded,
    }


@task(takes_context=True)
def import_voter_extract(context: TaskContext, job_id: int) -> dict[str, Any]:
    return run_job(context, job_id, _import)


def abandon_voter_import(job: Job, reason: str, actor: Actor) -> None:
    """The job ended failed without finishing (its worker died): fail the import record, drop the file."""
    record = _voter_import(job)
    if record.status == VoterImport.Status.RUNNING:
        do_fail_voter_import(record, reason, actor=actor)
    Path(job.params["upload"]).unlink(missing_ok=True)


def commune_zip_name(job: Job) -> str:
    return f"danh-sach-cu-tri-{job.commune_id}-bau-cu-{job.election_id}.zip"


def _printouts(job: Job, progress: JobProgress) -> dict[str, Any]:
    actor = job_actor(job)
    commune, election = job.commune, job.election
    if commune is None or election is None:
        raise JobFailedError("a printout job names a commune and an election")
    if not actor.can(
        Permission.EXPORT_PERSONAL_DATA,
        Jurisdiction.commune(commune.province_id, commune.code),
        election_key=str(election.pk),
    ):
        raise JobFailedError("the person who started this job may no longer export this commune's lists")
    voter_lists = commune_voter_lists(actor, commune, election)
    if not voter_lists:
        raise JobFailedError("the commune has no voting areas in this election")
    content = commune_lists_zip(
        voter_lists, progress=lambda done, total: progress(done, total, "rendering the forms")
    )
    return {
        "file": filestore.put_bytes(content),
        "name": commune_zip_name(job),
        "content_type": "application/zip",
        "size": len(content),
        "areas": len(voter_lists),
        "voters": sum(len(v.lines) for v in voter_lists),
    }


@task(takes_context=True)
def build_commune_printouts(context: TaskContext, job_id: int) -> dict[str, Any]:
    return run_job(context, job_id, _printouts)
