"""URL kwargs of the job pages, for the generated cross-jurisdiction test (accounts)."""

from __future__ import annotations

from baucu.accounts.actor import Actor
from baucu.accounts.scoping_registry import register_kwarg
from baucu.jobs.models import Job
from baucu.jobs.services import JobAlreadyActiveError, do_start_job
from baucu.units.models import Commune


@register_kwarg("job_id")
def job_id(commune: Commune) -> str:
    """A printout job of commune B: a commune-A user must not see that it exists."""
    try:
        job = do_start_job(
            Job.Kind.COMMUNE_PRINTOUTS,
            actor=Actor.system("cross-jurisdiction test"),
            province=commune.province,
            commune=commune,
        )
    except JobAlreadyActiveError as exc:
        job = exc.job
    return str(job.pk)
