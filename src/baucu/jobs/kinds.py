"""What each kind of job is: its task, who may start it, whether a lost run is tried again.

Paths are dotted strings resolved when used, so ``baucu.jobs`` imports no capability that uses it
(the voter registry's tasks import the jobs app, not the other way round).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.utils.module_loading import import_string

from baucu.accounts.permissions import Permission
from baucu.jobs.models import Job

if TYPE_CHECKING:
    from baucu.accounts.actor import Actor

MAX_ATTEMPTS = 2  # a job whose worker died is run once more, then marked failed


@dataclass(frozen=True)
class JobKind:
    task: str  # dotted path of the django-tasks Task
    # Any one of these, in the job's jurisdiction, lets an actor start it.
    permissions: tuple[Permission, ...]
    # Safe to run again after its worker died mid-way (all-or-nothing, idempotent).
    retry: bool
    # Called when the job ends failed without its body having run to the end (its worker died):
    # ``(job, reason, actor)``; puts the kind's own records right (e.g. the import record).
    on_abandoned: str = ""
    # Downloading the result file needs this permission and is recorded as a personal-data export.
    download_permission: Permission | None = None
    download_what: str = ""


KINDS: dict[str, JobKind] = {
    Job.Kind.VOTER_IMPORT: JobKind(
        task="baucu.voters.tasks.import_voter_extract",
        permissions=(Permission.MANAGE_VOTER_LIST, Permission.CHANGE),
        retry=True,  # the load is one transaction and replaces the lists: running it twice is harmless
        on_abandoned="baucu.voters.tasks.abandon_voter_import",
    ),
    Job.Kind.COMMUNE_PRINTOUTS: JobKind(
        task="baucu.voters.tasks.build_commune_printouts",
        permissions=(Permission.EXPORT_PERSONAL_DATA,),
        retry=True,  # renders files, writes nothing else
        download_permission=Permission.EXPORT_PERSONAL_DATA,
        download_what="voter lists and cards of the commune (Forms 31, 10), zip",
    ),
}


def kind_of(job: Job) -> JobKind:
    return KINDS[job.kind]


def abandon_hook(job: Job) -> Callable[[Job, str, Actor], Any] | None:
    path = kind_of(job).on_abandoned
    return import_string(path) if path else None
