"""``baucu printouts sweep``: delete cached printouts not used for a while (``printout_cache``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from baucu.accounts.actor import Actor
from baucu.reports.printout_cache import DEFAULT_UNUSED_FOR, do_sweep_printouts


class Command(BaseCommand):
    help = "Printouts: sweep (delete cached PDFs, which hold personal data, not used for some days)"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        sweep = sub.add_parser("sweep", help="delete cached printouts not used for --days days")
        sweep.add_argument("--days", type=float, default=DEFAULT_UNUSED_FOR.days, help="default: 7")

    def handle(self, *args: Any, **options: Any) -> None:
        days = options["days"]
        if days < 0:
            raise CommandError("--days: a number of days, 0 or more")
        done = do_sweep_printouts(actor=Actor.system("printouts-sweep"), unused_for=dt.timedelta(days=days))
        self.stdout.write(
            f"deleted {done.files} cached printouts ({done.bytes / 1e6:.1f} MB); kept {done.kept} in use"
        )
