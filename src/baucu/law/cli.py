"""The pure law-core commands of spec/formats.md §1–3, without Django.

``python -m baucu.law calendar|ballot|determine ...``; the ``baucu`` console script forwards
``baucu law ...`` and ``baucu results determine ...`` here, so ``law`` and ``results`` are accepted as a
first word. Exit 0 on success, 2 on invalid input with the JSON error object of §0 on stdout; output is
written only once everything is decided, never in part.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

from baucu.law.ballots import ballot_from_dict, judge_ballot
from baucu.law.fields import parse_date
from baucu.law.outcome import InvalidInput, Problem
from baucu.law.results import determine_from_dict

OK = 0
INVALID = 2
ALIASES = ("law", "results")


class _Parser(argparse.ArgumentParser):
    """Usage errors are invalid input too: the §0 error object on stdout, usage on stderr."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        _emit(InvalidInput([Problem("argv", "spec/formats.md", "usage", message)]).as_dict())
        raise SystemExit(INVALID)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m baucu.law", description="Statute commands (spec/formats.md §1–3).")
    parser.add_argument("--lang", choices=("vi", "en"), default="vi", help="language of messages")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    calendar = commands.add_parser("calendar", help="statutory calendar from an election day (§1)")
    calendar.add_argument("--election-day", required=True, metavar="DATE")
    calendar.add_argument("--kind", choices=("general", "by-election"), default="general")
    calendar.add_argument("--json", action="store_true", help="JSON output (the format of §1)")
    for name, text in (("ballot", "ballot validity (§2)"), ("determine", "constituency result (§3)")):
        command = commands.add_parser(name, help=text)
        command.add_argument("file", metavar="FILE|-", help="JSON object or array; - reads stdin")
    for command in commands.choices.values():
        command.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    return parser


def _emit(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=None) + "\n")


def _read(path: str, language: str) -> Any:
    """The JSON document of ``path`` (``-``: stdin); unreadable or malformed input is InvalidInput."""
    try:
        if path == "-":
            raw = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as handle:
                raw = handle.read()
    except OSError as exc:
        message = (
            f"không đọc được tệp: {exc.strerror}" if language == "vi" else f"cannot read: {exc.strerror}"
        )
        raise InvalidInput([Problem(path, "spec/formats.md", "unreadable_file", message)]) from exc
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        message = f"JSON không hợp lệ: {exc}" if language == "vi" else f"malformed JSON: {exc}"
        raise InvalidInput([Problem(path, "spec/formats.md", "malformed_json", message)]) from exc


def _each(document: Any, decide: Callable[[Any], dict[str, Any]]) -> int:
    """One object or an array of them; an invalid element gives its error object in its place."""
    items = document if isinstance(document, list) else [document]
    outputs: list[dict[str, Any]] = []
    status = OK
    for item in items:
        try:
            outputs.append(decide(item))
        except InvalidInput as exc:
            outputs.append(exc.as_dict())
            status = INVALID
    _emit(outputs if isinstance(document, list) else outputs[0])
    return status


def _ballot(item: Any, language: str) -> dict[str, Any]:
    return judge_ballot(ballot_from_dict(item, language)).value.as_dict()


def _calendar(args: argparse.Namespace) -> int:
    from baucu.law.calendar import calendar_document  # lazily: only this command needs it

    day = parse_date(args.election_day)
    if day is None:
        message = (
            "election day must be a date YYYY-MM-DD"
            if args.lang == "en"
            else "ngày bầu cử phải là ngày dạng YYYY-MM-DD"
        )
        raise InvalidInput([Problem("--election-day", "spec/formats.md §1", "invalid_date", message)])
    document = calendar_document(day, args.kind)
    if args.json:
        _emit(document)
    else:
        language = "en" if args.lang == "en" else "vi"
        for step in document["steps"]:
            sys.stdout.write(f"{step['deadline']}  {step['article']:<16} {step['title'][language]}\n")
    return OK


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit status (0 ok, 2 invalid input)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] in ALIASES:
        args_list = args_list[1:]  # ``law ballot`` / ``results determine`` as forwarded by ``baucu``
    try:
        args = _parser().parse_args(args_list)
    except SystemExit as exc:
        return INVALID if exc.code else OK  # --help exits 0, a usage error 2
    language: str = args.lang
    try:
        if args.command == "calendar":
            return _calendar(args)
        document = _read(args.file, language)
        if args.command == "ballot":
            return _each(document, lambda item: _ballot(item, language))
        return _each(document, lambda item: determine_from_dict(item, language))
    except InvalidInput as exc:
        _emit(exc.as_dict())
        return INVALID
