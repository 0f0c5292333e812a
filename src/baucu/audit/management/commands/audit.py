"""``baucu audit verify`` and ``baucu audit export --format nist-1500-101``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from baucu.accounts.scoping import unscoped
from baucu.audit.models import AuditEvent
from baucu.audit.nist import election_event_log
from baucu.audit.verify import verify_chain


class Command(BaseCommand):
    help = "Verify the audit log's hash chain, or export it (NIST SP 1500-101 JSON)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        verify = sub.add_parser("verify", help="check every event; exit 1 naming each broken one")
        verify.add_argument(
            "--expect-head",
            metavar="SEQ:HASH",
            help="also require the chain to contain this event (from an earlier, published export)",
        )
        export = sub.add_parser("export", help="write the log in an interchange format")
        export.add_argument("--format", required=True, choices=["nist-1500-101"])
        export.add_argument("--output", "-o", help="file to write (default: standard output)")
        export.add_argument("--language", default="en", choices=["vi", "en"])

    def handle(self, *args: Any, **options: Any) -> None:
        with unscoped("audit command: the whole chain"):
            if options["subcommand"] == "verify":
                self._verify(options.get("expect_head"))
            else:
                self._export(options)

    def _verify(self, expect_head: str | None) -> None:
        report = verify_chain()
        problems = [str(p) for p in report.problems]
        if expect_head:
            seq_text, _, expected_hash = expect_head.partition(":")
            event = AuditEvent.objects.filter(sequence=int(seq_text)).first()
            if event is None or event.hash != expected_hash:
                problems.append(f"event #{seq_text}: does not carry the published hash {expected_hash}")
        if problems:
            for line in problems:
                self.stderr.write(line)
            raise CommandError(f"audit log BROKEN: {len(problems)} problem(s) in {report.checked} events")
        self.stdout.write(
            f"audit log OK: {report.checked} events, last #{report.last_sequence} {report.last_hash}"
        )

    def _export(self, options: dict[str, Any]) -> None:
        document = election_event_log(AuditEvent.objects.order_by("sequence"), language=options["language"])
        text = json.dumps(document, ensure_ascii=False, indent=2)
        if options.get("output"):
            Path(options["output"]).write_text(text + "\n", encoding="utf-8")
            count = len(document["Device"][0]["Event"])
            self.stderr.write(f"wrote {count} events to {options['output']}")
        else:
            self.stdout.write(text)
