"""``baucu db_worker``: django-tasks-db's worker with baucu's stale-job recovery and heartbeat.

It replaces the library's command of the same name (``baucu.jobs`` comes before ``django_tasks_db`` in
INSTALLED_APPS) and takes the same options but ``--reload``, which it ignores: a reloading parent and
its child would register as two workers, and production never reloads.
"""

from __future__ import annotations

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as QueueWorkerCommand

from baucu.jobs.worker import presence


class Command(QueueWorkerCommand):
    help = "Run the background jobs (voter imports, printout bundles): the queue worker with recovery"

    def handle(self, *args: Any, **options: Any) -> None:
        options["reload"] = False
        worker_id = options["worker_id"]
        with presence(worker_id) as recovered:
            if recovered and options.get("verbosity", 1):
                self.stdout.write(f"recovered jobs of stopped workers: {', '.join(map(str, recovered))}")
            super().handle(*args, **options)
