"""``baucu demo``: create the database, load the Lạng Sơn 2026 demo, print logins, serve.

Serving starts two processes with one command: the web server (in this process) and the background
worker (``baucu db_worker`` as a child process, stopped when the server stops), so imports and printout
bundles started in the demo run.
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from baucu import demo


class Command(BaseCommand):
    help = "Create the database, load the Lạng Sơn 2026 demo and serve it on http://127.0.0.1:8000"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--no-serve", action="store_true", help="load the demo and exit")
        parser.add_argument("--port", type=int, default=8000)

    def handle(self, *args: Any, **options: Any) -> None:
        from django.conf import settings

        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        # WhiteNoise warns at start-up when STATIC_ROOT is missing, even though the demo serves from finders.
        settings.STATIC_ROOT.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("compilemessages_if_needed", verbosity=0)
        demo.run_steps(self.stdout)
        url = f"http://127.0.0.1:{options['port']}/"
        self.stdout.write(self.style.SUCCESS(f"baucu demo ready: {url}"))
        accounts = demo.demo_accounts()
        if accounts:
            self.stdout.write("Demo logins (synthetic, TOTP off for the demo only):")
            for role, username, password in accounts:
                self.stdout.write(f"  {role:<45} {username:<24} {password}")
        if not options["no_serve"]:
            with background_worker(self.stdout):
                call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)


@contextmanager
def background_worker(stdout: Any) -> Iterator[subprocess.Popen[bytes]]:
    """``baucu db_worker`` as a child process for as long as the block runs.

    The worker gets a session of its own, so Ctrl-C in the terminal reaches only the server; leaving
    the block (Ctrl-C, or SIGTERM, turned into an exit here) stops the worker with one SIGTERM, which
    lets it finish the job it is running (30 s at most; a job cut short is recovered at the next start).
    """
    worker = subprocess.Popen(
        [sys.executable, "-m", "baucu.cli", "db_worker", "--interval", "1", "--verbosity", "0"],
        start_new_session=True,
    )
    stdout.write(f"background worker started (process {worker.pid})")
    previous = signal.signal(signal.SIGTERM, _exit)
    try:
        yield worker
    finally:
        signal.signal(signal.SIGTERM, previous)
        worker.terminate()  # SIGTERM: the worker finishes the task it runs, then exits
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def _exit(signum: int, frame: Any) -> None:
    sys.exit(0)
