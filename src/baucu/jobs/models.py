"""A background job as the people who started it see it: what, where, by whom, how far, and the outcome.

The queue itself is django-tasks-db's ``DBTaskResult`` (one row per attempt the worker claims); a
``Job`` is the domain record over it: its kind and target (the election and the province or commune it
works on), who started it, its status and progress, and its result or error. Pages read the ``Job``
row only, so what they show survives a reload, a restart of the web server and of the worker.

At most one job of a kind is active (queued or running) per target: ``jobs_one_active_per_target`` is a
partial unique index (SQLite and PostgreSQL both have them), so two requests racing to start the same
import cannot both succeed.
"""

from __future__ import annotations

from typing import ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from baucu.accounts.scoping import ScopedManager


class Job(models.Model):
    class Kind(models.TextChoices):
        VOTER_IMPORT = "voter_import", _("Voter list import")
        COMMUNE_PRINTOUTS = "commune_printouts", _("Commune printouts (ZIP)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    ACTIVE = (Status.QUEUED, Status.RUNNING)

    kind = models.CharField(max_length=40, choices=Kind.choices)
    # The target: what a second identical job would work on (e.g. "election:3/province:20").
    target = models.CharField(max_length=120)
    election = models.ForeignKey(
        "elections.Election", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    province = models.ForeignKey("units.Province", on_delete=models.PROTECT, related_name="+")
    commune = models.ForeignKey(
        "units.Commune", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who started it: the worker acts as this user in this role (so a revoked role stops the job).
    started_by = models.CharField(max_length=150)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assignment = models.ForeignKey(
        "accounts.RoleAssignment", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    system_name = models.CharField(max_length=60, blank=True)  # a command-line process, not a person
    params = models.JSONField(default=dict, blank=True)  # what the task body needs (ids, upload path)

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    progress_message = models.CharField(max_length=200, blank=True)
    result = models.JSONField(default=dict, blank=True)  # summary; "file" is a key of the file store
    error = models.TextField(blank=True)

    task_result_id = models.CharField(max_length=64, blank=True)  # django-tasks-db's DBTaskResult
    worker_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)

    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[ScopedManager[Job]] = ScopedManager(  # type: ignore[assignment]
        province="province_id", commune="commune_id"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target"],
                condition=Q(status__in=["queued", "running"]),
                name="jobs_one_active_per_target",
            )
        ]
        indexes = [models.Index(fields=["status"], name="jobs_job_status_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.target} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        if not self.progress_total:
            return 0
        return min(100, self.progress_done * 100 // self.progress_total)


class Worker(models.Model):
    """A running ``baucu db_worker`` process: its heartbeat tells the others whether it is alive."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=255)
    pid = models.PositiveIntegerField()
    started_at = models.DateTimeField(auto_now_add=True)
    heartbeat_at = models.DateTimeField()

    class Meta:
        ordering = ["-heartbeat_at"]

    def __str__(self) -> str:
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
