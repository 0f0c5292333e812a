"""``baucu voters import|check``: voter lists in the database (issue 6).

``baucu voters transform`` (spec/formats.md §6) is pure and routed by ``baucu.cli`` without Django;
these subcommands need the database.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections.models import Election
from baucu.units.models import Province
from baucu.voters.checks import check_voter_lists
from baucu.voters.imports import VoterImportError, do_import_voter_extract


def _election(election_id: int) -> Election:
    found = Election.objects.filter(pk=election_id).first()
    if found is None:
        raise CommandError(f"no election with id {election_id}")
    return found


class Command(BaseCommand):
    help = "Voter lists: import (extract → lists in the database), check; transform is pure (§6)"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        imp = sub.add_parser("import", help="import a population extract into a province's lists")
        imp.add_argument("file", type=Path, help="extract: .csv, .parquet or .xlsx (spec/formats.md §4)")
        imp.add_argument("--election", type=int, required=True, help="election id")
        imp.add_argument("--province", required=True, help="province code, e.g. 20")
        imp.add_argument("--quiet", action="store_true", help="no progress on stderr")
        check = sub.add_parser("check", help="check the lists: single listing, numbering, area sizes")
        check.add_argument("--election", type=int, required=True, help="election id")
        check.add_argument("--province", help="only this province code")
        check.add_argument("--language", choices=["vi", "en"], default="en")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["subcommand"] == "import":
            self._import(options)
        else:
            self._check(options)

    def _import(self, options: dict[str, Any]) -> None:
        election = _election(options["election"])
        province = Province.objects.filter(code=options["province"]).first()
        if province is None:
            raise CommandError(f"no province with code {options['province']!r}")

        def progress(text: str) -> None:
            if not options["quiet"]:
                print(f"voters import: {text}", file=sys.stderr, flush=True)

        try:
            record = do_import_voter_extract(
                election, province, options["file"], actor=Actor.system("voters-import"), progress=progress
            )
        except VoterImportError as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError("nothing was imported: the previous lists are unchanged") from exc
        self.stdout.write(
            f"import {record.pk}: {record.voters_listed} voters listed, "
            f"{record.rows_rejected} rows rejected, {record.rows_excluded} excluded "
            f"(of {record.rows_read} rows)\n"
        )

    def _check(self, options: dict[str, Any]) -> None:
        election = _election(options["election"])
        with unscoped("voters check command"):
            problems = check_voter_lists(election, province_code=options.get("province"))
        for p in problems:
            self.stdout.write(p.text(options["language"]) + "\n")
        if problems:
            raise CommandError(f"{len(problems)} problem(s) in the voter lists of election {election.pk}")
        self.stdout.write(f"voter lists of election {election.pk}: no problems\n")
