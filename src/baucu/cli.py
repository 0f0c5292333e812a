"""The ``baucu`` console script.

``baucu law ...`` and ``baucu results determine ...`` are pure law-core commands (spec/formats.md
§1–3): they run without Django so that independent checkers get them fast and without a database.
So do the bulk transforms ``baucu voters transform`` (§6) and ``baucu synth population``.
Everything else is a Django management command; ``baucu --help`` lists them by capability.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# Which capability each of baucu's own commands belongs to (issue waves in README order).
CAPABILITIES: dict[str, str] = {
    "demo": "Foundation",
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
DJANGO_ADMIN_COMMANDS = ["migrate", "runserver", "createsuperuser", "check", "compilemessages", "shell"]


def _pure_command(argv: list[str]) -> Callable[[list[str]], int] | None:
    """The entry point of a command that runs without Django (law core, bulk transforms), if it is one."""
    if argv and (argv[0] == "law" or argv[:2] == ["results", "determine"]):
        from baucu.law.cli import main as law_main

        return law_main
    if argv[:2] == ["voters", "transform"]:
        from baucu.voters.pipeline.cli import main as voters_transform_main

        return voters_transform_main
    if argv[:2] == ["synth", "population"]:
        from baucu.synth.cli import main as synth_population_main

        return synth_population_main
    return None


def _help() -> str:
    from django.core.management import get_commands

    own: dict[str, list[str]] = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("baucu") and name in CAPABILITIES:
            own.setdefault(CAPABILITIES[name], []).append(name)
    own.setdefault(CAPABILITIES["law"], []).append("law")
    own.setdefault(CAPABILITIES["results"], []).append("results")
    own.setdefault(CAPABILITIES["voters"], []).append("voters")
    own.setdefault(CAPABILITIES["synth"], []).append("synth")
    lines = ["usage: baucu <command> [options]   (baucu <command> --help for details)", ""]
    for capability in CAPABILITY_ORDER:
        if capability in own:
            lines.append(f"{capability}:")
            lines.extend(f"  {name}" for name in sorted(set(own[capability])))
    lines += ["", "Django:"] + [f"  {name}" for name in DJANGO_ADMIN_COMMANDS]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    pure = _pure_command(args)
    if pure is not None:
        return pure(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "baucu.settings")
    import django

    django.setup()
    if not args or args[0] in ("-h", "--help", "help"):
        print(_help())
        return 0
    from django.core.management import execute_from_command_line

    execute_from_command_line(["baucu", *args])
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
