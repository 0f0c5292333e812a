"""The voter import as a background job: its outcome reaches both the job and the import record."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from test_import_db import A, extract
from test_import_db import election as election

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.elections.models import Election
from baucu.jobs.models import Job, Worker
from baucu.jobs.services import do_recover_stale_jobs, do_start_job
from baucu.jobs.worker import run_queued_jobs
from baucu.units.models import Province
from baucu.voters.imports import start_voter_import
from baucu.voters.models import Voter, VoterImport

pytestmark = pytest.mark.django_db


def _import_job(
    election: Election, upload: Path, role: Role = Role.PROVINCIAL_COMMITTEE
) -> tuple[Job, VoterImport]:
    actor = make_actor(role, Jurisdiction.province("20"))
    province = Province.objects.get(code="20")
    record = start_voter_import(election, province, upload.name, actor=actor)
    job = do_start_job(
        Job.Kind.VOTER_IMPORT,
        actor=actor,
        province=province,
        election=election,
        params={"voter_import_id": record.pk, "upload": str(upload)},
    )
    return job, record


def _fresh(job: Job, record: VoterImport) -> tuple[Job, VoterImport]:
    with unscoped("test"):
        return Job.objects.get(pk=job.pk), VoterImport.objects.get(pk=record.pk)


def test_the_import_job_lists_the_voters_reports_its_stages_and_drops_the_upload(
    election: Election, tmp_path: Path
) -> None:
    upload = extract(tmp_path)
    job, record = _import_job(election, upload)
    assert run_queued_jobs() == 1
    job, record = _fresh(job, record)
    assert job.status == Job.Status.SUCCEEDED
    assert job.result == {"voter_import_id": record.pk, "voters": 5, "rejected": 1, "excluded": 1}
    assert (job.progress_done, job.progress_total) == (4, 4)
    assert record.status == VoterImport.Status.SUCCEEDED
    assert not upload.exists()  # personal data: not kept once imported
    with unscoped("test"):
        assert Voter.objects.filter(election=election, commune_id=A).count() == 4


def test_a_refused_import_fails_the_job_and_the_record_with_the_problems(
    election: Election, tmp_path: Path
) -> None:
    job, record = _import_job(election, tmp_path / "missing.csv")
    run_queued_jobs()
    job, record = _fresh(job, record)
    assert job.status == Job.Status.FAILED
    assert "file_not_found" in job.error
    assert record.status == VoterImport.Status.FAILED
    assert DBTaskResult.objects.get(id=job.task_result_id).status == "SUCCESSFUL"  # a refusal, not a crash


def test_a_role_revoked_while_the_job_waited_makes_it_fail(election: Election, tmp_path: Path) -> None:
    job, record = _import_job(election, extract(tmp_path))
    assert job.assignment is not None
    job.assignment.revoked_at = timezone.now()
    job.assignment.save()
    run_queued_jobs()
    job, record = _fresh(job, record)
    assert job.status == Job.Status.FAILED
    assert "may not import" in job.error
    with unscoped("test"):
        assert not Voter.objects.filter(election=election).exists()


def test_an_import_abandoned_by_its_dead_worker_fails_its_record_and_drops_the_upload(
    election: Election, tmp_path: Path
) -> None:
    upload = extract(tmp_path)
    job, record = _import_job(election, upload)
    dead = subprocess.Popen(["true"])
    dead.wait()
    Worker(worker_id="ghost", hostname=socket.gethostname(), pid=dead.pid, heartbeat_at=timezone.now()).save()
    DBTaskResult.objects.get(id=job.task_result_id).claim("ghost")
    with unscoped("test"):
        Job.objects.filter(pk=job.pk).update(status=Job.Status.RUNNING, worker_id="ghost", attempts=2)
    do_recover_stale_jobs()
    job, record = _fresh(job, record)
    assert job.status == Job.Status.FAILED
    assert record.status == VoterImport.Status.FAILED
    assert "ghost" in record.error
    assert not upload.exists()
    with unscoped("test"):
        assert AuditEvent.objects.filter(
            action=AuditAction.VOTER_IMPORT_FAILED, object_id=str(record.pk)
        ).exists()
