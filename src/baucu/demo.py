"""What ``baucu demo`` loads, in order: each capability adds one step here.

A step is a dotted path to a function ``load(*, stdout) -> None`` that is idempotent: running the
demo twice leaves the same data. Everything synthetic is labelled as such where it is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any

STEPS: list[str] = [
    "baucu.units.demo.load",
    "baucu.elections.demo.load",
    "baucu.voters.demo.load",
    "baucu.voters.changes_demo.load",
    "baucu.accounts.demo.load",
]

# Printed at the end of the demo: (role label, username, password). Filled by accounts (issue 4).
ACCOUNTS_STEP = "baucu.accounts.demo.accounts"


def resolve(path: str) -> Callable[..., Any]:
    module, _, name = path.rpartition(".")
    loader: Callable[..., Any] = getattr(import_module(module), name)
    return loader


def run_steps(stdout: Any) -> None:
    for step in STEPS:
        resolve(step)(stdout=stdout)


def demo_accounts() -> list[tuple[str, str, str]]:
    try:
        accounts = resolve(ACCOUNTS_STEP)
    except (ImportError, AttributeError):
        return []
    return list(accounts())
