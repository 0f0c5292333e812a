"""The ``baucu`` console script.

``baucu law ...`` and ``baucu results determine ...`` are pure law-core commands (spec/formats.md
§1–3): they run without Django so that independent checkers get them fast and without a database.
Everything else is a Django management command; ``baucu --help`` lists them by capability.
"""

from __future__ import annotations

import os
import sys

# Which capability each of baucu's own commands belongs to (issue waves in README order).
CAPABILITIES: dict[str, str] = {
    "demo": "Foundation",
    "units": "Administrative units",
    "law": "Statute (pure law core)",
    "results": "Results",
    "election": "Election setup",
    "voters": "Voter registry",
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


def _is_pure_law_command(argv: list[str]) -> bool:
    return bool(argv) and (argv[0] == "law" or argv[:2] == ["results", "determine"])


def _help() -> str:
    from django.core.management import get_commands

    own: dict[str, list[str]] = {}
    for name, app in sorted(get_commands().items()):
        if app.startswith("baucu") and name in CAPABILITIES:
            own.setdefault(CAPABILITIES[name], []).append(name)
    own.setdefault(CAPABILITIES["law"], []).append("law")
    own.setdefault(CAPABILITIES["results"], []).append("results")
    lines = ["usage: baucu <command> [options]   (baucu <command> --help for details)", ""]
    for capability in CAPABILITY_ORDER:
        if capability in own:
            lines.append(f"{capability}:")
            lines.extend(f"  {name}" for name in sorted(set(own[capability])))
    lines += ["", "Django:"] + [f"  {name}" for name in DJANGO_ADMIN_COMMANDS]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _is_pure_law_command(args):
        from baucu.law.cli import main as law_main

        return law_main(args)
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
