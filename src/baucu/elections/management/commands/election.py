"""``baucu election``: load the 2026 NA constituencies, check an election's setup, load the demo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from baucu.accounts.actor import Actor
from baucu.elections.body_import import do_import_bodies
from baucu.elections.checks import check_election
from baucu.elections.constituency_import import do_import_constituencies
from baucu.elections.errors import SetupError
from baucu.elections.import_templates import TEMPLATES
from baucu.elections.imports import (
    ImportRejected,
    do_import_voting_areas,
    read_rows,
    spec_csv,
    spec_xlsx,
)
from baucu.elections.models import Election
from baucu.elections.na_constituencies import do_load_na_constituencies
from baucu.elections.reference import national_2026_election


def _election(election_id: int | None, *, create: bool = False) -> Election:
    if election_id is not None:
        found = Election.objects.filter(pk=election_id).first()
        if found is None:
            raise CommandError(f"no election with id {election_id}")
        return found
    latest = Election.objects.order_by("-day", "-id").first()
    if latest is not None:
        return latest
    if create:
        return national_2026_election(actor=Actor.system("election-command"))
    raise CommandError("no election yet: give --election ID or run `baucu election load-na-constituencies`")


class Command(BaseCommand):
    help = "Election setup: load-na-constituencies, check, demo, imports and their templates"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        load = sub.add_parser(
            "load-na-constituencies", help="load the 182 NA constituencies of 2026 (500 seats)"
        )
        load.add_argument("--election", type=int, help="election id (default: the latest, created if none)")
        load.add_argument("--province", action="append", help="only this province code (repeatable)")
        check = sub.add_parser("check", help="check every range and coverage rule; exit 1 on problems")
        check.add_argument("--election", type=int, help="election id (default: the latest)")
        check.add_argument("--json", action="store_true", help="machine-readable report")
        check.add_argument("--language", choices=["vi", "en"], default="en")
        sub.add_parser("demo", help="load the Lạng Sơn 2026 election-setup demo")
        imp = sub.add_parser("import-voting-areas", help="import voting areas from a CSV or XLSX template")
        imp.add_argument("file", type=Path)
        imp.add_argument("--election", type=int, help="election id (default: the latest)")
        imp.add_argument("--justification", default="", help="why, when the statutory deadline has passed")
        for name, what in (("import-constituencies", "constituencies"), ("import-bodies", "bodies")):
            more = sub.add_parser(name, help=f"import {what} from a CSV or XLSX template, all or nothing")
            more.add_argument("file", type=Path)
            more.add_argument("--election", type=int, help="election id (default: the latest)")
            more.add_argument(
                "--justification", default="", help="why, when the statutory deadline has passed"
            )
        template = sub.add_parser("template", help="print (CSV) or write (CSV, XLSX) an import template")
        template.add_argument("--kind", choices=sorted(TEMPLATES), default="voting-areas")
        template.add_argument("--output", type=Path, help="write here; .xlsx gives the XLSX template")

    def handle(self, *args: Any, **options: Any) -> None:
        sub = options["subcommand"]
        if sub == "load-na-constituencies":
            self._load(options)
        elif sub == "check":
            self._check(options)
        elif sub == "import-voting-areas":
            self._import(options)
        elif sub in ("import-constituencies", "import-bodies"):
            self._import_setup(options, sub)
        elif sub == "template":
            self._template(options)
        else:
            from baucu.elections.demo import load

            load(stdout=self.stdout)  # type: ignore[arg-type]

    def _load(self, options: dict[str, Any]) -> None:
        election = _election(options["election"], create=True)
        provinces = [f"{int(p):02d}" for p in options["province"]] if options["province"] else None
        try:
            report = do_load_na_constituencies(
                election, actor=Actor.system("election-command"), provinces=provinces
            )
        except SetupError as exc:
            for message in exc.messages("en"):
                self.stderr.write(message)
            raise CommandError(f"nothing loaded: {len(exc.violations)} problem(s)") from exc
        self.stdout.write(f"Election {election.pk} ({election.name}): {report}")

    def _import(self, options: dict[str, Any]) -> None:
        election = _election(options["election"])
        path: Path = options["file"]
        try:
            count = do_import_voting_areas(
                election,
                read_rows(path),
                file=path.name,
                justification=options["justification"],
                actor=Actor.system("election-command"),
            )
        except ImportRejected as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Election {election.pk}: imported {count} voting areas from {path.name}")

    def _import_setup(self, options: dict[str, Any], sub: str) -> None:
        election = _election(options["election"])
        path: Path = options["file"]
        run = do_import_constituencies if sub == "import-constituencies" else do_import_bodies
        try:
            count = run(
                election,
                read_rows(path),
                file=path.name,
                justification=options["justification"],
                actor=Actor.system("election-command"),
            )
        except ImportRejected as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(str(exc)) from exc
        what = "imported {} constituencies" if sub == "import-constituencies" else "formed {} bodies"
        self.stdout.write(f"Election {election.pk}: {what.format(count)} from {path.name}")

    def _template(self, options: dict[str, Any]) -> None:
        spec = TEMPLATES[options["kind"]]
        output: Path | None = options["output"]
        if output is None:
            self.stdout.write(spec_csv(spec), ending="")
        elif output.suffix.lower() == ".xlsx":
            output.write_bytes(spec_xlsx(spec))
        else:
            output.write_text(spec_csv(spec), encoding="utf-8")
        if output is not None:
            self.stdout.write(f"wrote {output}")

    def _check(self, options: dict[str, Any]) -> None:
        election = _election(options["election"])
        language = options["language"]
        with translation.override(language):
            results = check_election(election)
        problems = sum(len(r.problems) for r in results)
        if options["json"]:
            doc = {
                "election": election.pk,
                "ok": problems == 0,
                "rules": [r.as_dict(language) for r in results],
            }
            self.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(f"Election {election.pk}: {election.name}")
            for r in results:
                state = "ok" if r.satisfied else f"{len(r.problems)} problem(s)"
                self.stdout.write(f"  [{state}] {r.title} ({r.article}): {r.checked} checked")
                for p in r.problems:
                    self.stdout.write(f"      {p.where}: {p.message(language)}")
        if problems:
            raise SystemExit(1)
