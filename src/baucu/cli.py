"""The ``baucu`` console script: one command line over pure commands and Django management commands.

Some commands run without Django so that independent checkers get them fast and without a database:
the law core (``baucu law ...``, ``baucu results determine``, spec/formats.md §1–3), the bulk transform
``baucu voters transform`` (§6) and ``baucu synth population``. Everything else is a Django management
command. ``PURE`` below is the one registry of the pure ones; a Django command's subcommands are read
from its own parser. ``baucu X --help`` shows both together, so the two kinds cannot drift apart.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class PureCommand:
    """A command that runs without Django: ``group`` (first word) and ``name`` (second word).

    ``name=None``: the whole group is pure and its entry point parses every subcommand itself.
    """

    group: str
    name: str | None
    entry: str  # "module:function", imported only when the command runs
    help: str


PURE: tuple[PureCommand, ...] = (
    PureCommand("law", None, "baucu.law.cli:main", "statute: calendar, ballot validity, results"),
    PureCommand("results", "determine", "baucu.law.cli:main", "the result of one constituency (§3)"),
    PureCommand("voters", "transform", "baucu.voters.pipeline.cli:main", "extract → voter lists (§6)"),
    PureCommand("synth", "population", "baucu.synth.cli:main", "a synthetic population extract"),
)

# Which capability each of baucu's own commands belongs to (issue waves in README order).
CAPABILITIES: dict[str, str] = {
    "demo": "Foundation",
    "compilemessages_if_needed": "Foundation",
    "db_worker": "Foundation",
    "units": "Administrative units",
    "law": "Statute (pure law core)",
    "results": "Results",
    "election": "Election setup",
    "voters": "Voter registry",
    "printouts": "Voter registry",
    "synth": "Synthetic data",
    "accounts": "Accounts and roles",
    "audit": "Audit log",
    "candidates": "Candidates",
    "polling": "Election day",
    "verify": "Results",
}
CAPABILITY_ORDER = [
    "Foundation",
    "Administrative units",
    "Statute (pure law core)",
    "Election setup",
    "Voter registry",
    "Synthetic data",
    "Candidates",
    "Election day",
    "Results",
    "Accounts and roles",
    "Audit log",
]
OTHER = "Other baucu commands"
# Headings for the commands of the libraries baucu installs (the app's verbose name otherwise).
LIBRARY_HEADINGS = {"django_tasks_db": "Background jobs (django-tasks-db)"}
# Django's own commands worth showing (every other one runs too: ``baucu help --commands``).
DJANGO_ADMIN_COMMANDS = [
    "migrate",
    "runserver",
    "createsuperuser",
    "check",
    "collectstatic",
    "compilemessages",
    "shell",
]
HELP_FLAGS = ("-h", "--help")


def _entry(command: PureCommand) -> Callable[[list[str]], int]:
    module, _, function = command.entry.partition(":")
    main: Callable[[list[str]], int] = getattr(importlib.import_module(module), function)
    return main


def _pure_command(argv: list[str]) -> PureCommand | None:
    """The pure command ``argv`` names, if it names one."""
    for command in PURE:
        if argv[:1] == [command.group] and (command.name is None or argv[1:2] == [command.name]):
            return command
    return None


def pure_subcommands(group: str) -> dict[str, str]:
    """The pure subcommands of ``group`` and their one-line help."""
    return {c.name: c.help for c in PURE if c.group == group and c.name is not None}


def subcommands_of(parser: argparse.ArgumentParser) -> dict[str, str]:
    """The subcommands a parser accepts, with their help (empty when it takes none)."""
    found: dict[str, str] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            found.update({name: helps.get(name, "") for name in action.choices})
    return found


def _add_subcommands(parser: argparse.ArgumentParser, extra: dict[str, str]) -> None:
    """Add ``extra`` to the parser's subcommands (a new subcommand argument if it has none)."""
    actions = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    action = actions[0] if actions else parser.add_subparsers(dest="subcommand", required=True)
    for name, text in extra.items():
        action.add_parser(name, help=text, add_help=False)
    if action.metavar is not None:  # an explicit "{load,list,convert}" would hide the added ones
        action.metavar = "{" + ",".join(action.choices) + "}"


def _django_parser(group: str) -> argparse.ArgumentParser | None:
    """The parser of the Django command ``group`` (Django set up), or None if there is none."""
    from django.core.management import get_commands, load_command_class

    app = get_commands().get(group)
    if app is None:
        return None
    command = load_command_class(app, group)
    command._called_from_command_line = True  # type: ignore[attr-defined]  # usage errors exit 2
    parser: argparse.ArgumentParser = command.create_parser("baucu", group)
    return parser


def group_parser(group: str) -> argparse.ArgumentParser | None:
    """One parser for ``baucu <group>`` listing every subcommand of it, pure or Django."""
    pure = pure_subcommands(group)
    parser = _django_parser(group)
    if parser is None and not pure:
        return None
    if parser is None:
        parser = argparse.ArgumentParser(prog=f"baucu {group}", description=CAPABILITIES.get(group))
    _add_subcommands(parser, pure)
    return parser


def command_groups() -> dict[str, list[str]]:
    """``baucu --help``: every command by heading (capability, library, Django), in display order."""
    from django.apps import apps
    from django.core.management import get_commands

    headings: dict[str, list[str]] = {c: [] for c in CAPABILITY_ORDER}
    libraries: dict[str, list[str]] = {}
    own = {c.group for c in PURE}
    for name, app in get_commands().items():
        if app == "baucu" or app.startswith("baucu."):
            own.add(name)
        elif not app.startswith("django.") and name not in DJANGO_ADMIN_COMMANDS:
            config = next((c for c in apps.get_app_configs() if c.name == app), None)
            verbose = str(config.verbose_name) if config is not None else app
            libraries.setdefault(LIBRARY_HEADINGS.get(app, verbose), []).append(name)
    for name in own:
        headings.setdefault(CAPABILITIES.get(name, OTHER), []).append(name)
    headings.update(libraries)
    headings["Django"] = list(DJANGO_ADMIN_COMMANDS)
    return {heading: sorted(names) for heading, names in headings.items() if names}


def _help() -> str:
    lines = ["usage: baucu <command> [options]   (baucu <command> --help lists its subcommands)", ""]
    for heading, names in command_groups().items():
        lines.append(f"{heading}:")
        lines.extend(f"  {name}" for name in names)
    lines.append("\nEvery Django management command runs too; `baucu help --commands` lists them all.")
    return "\n".join(lines)


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baucu.settings")
    import django

    django.setup()


def _parse_exit(parser: argparse.ArgumentParser, args: list[str]) -> int:
    """Let ``parser`` print help (exit 0) or a usage error naming every subcommand (exit 2)."""
    try:
        parser.parse_args(args)
        parser.error("give the subcommand first")  # e.g. an option before the subcommand's name
    except SystemExit as exc:
        return _status(exc)


def _status(exc: SystemExit) -> int:
    """The exit status a SystemExit stands for (``sys.exit("text")`` prints the text, status 1)."""
    if exc.code is None or isinstance(exc.code, int):
        return exc.code or 0
    print(exc.code, file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["help"] and len(args) == 2:
        args = [args[1], "--help"]  # ``baucu help voters`` is ``baucu voters --help``
    pure = _pure_command(args)
    if pure is not None:
        return _entry(pure)(args)
    _setup_django()
    if not args or (args[0] in (*HELP_FLAGS, "help") and len(args) == 1):
        print(_help())
        return 0
    group, word = args[0], (args[1] if len(args) > 1 else None)
    if pure_subcommands(group):
        # The group mixes pure and Django subcommands (or has no Django command at all): its help and
        # its usage errors come from the one parser that knows both.
        from django.core.management import get_commands

        parser = group_parser(group)
        assert parser is not None
        unknown = word is not None and not word.startswith("-") and word not in subcommands_of(parser)
        if group not in get_commands() or word is None or word in HELP_FLAGS or unknown:
            return _parse_exit(parser, args[1:])
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["baucu", *args])
    except SystemExit as exc:  # argparse's --help and usage errors, Django's CommandError
        return _status(exc)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
