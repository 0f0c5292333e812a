"""The error a service raises when the law core rejects a setup action.

Every message carries the article that decided it, in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from baucu.law.outcome import Reason


@dataclass(frozen=True)
class Violation:
    """One broken rule: the field it concerns (or ``None`` for the whole form) and the law's reason."""

    reason: Reason
    field: str | None = None

    @property
    def article(self) -> str:
        return self.reason.article

    def message(self, language: str = "vi") -> str:
        text = self.reason.message(language)
        return text if self.reason.article in text else f"{text} ({self.reason.article})"


class SetupError(Exception):
    """The action breaks at least one rule; nothing was written."""

    def __init__(self, violations: Iterable[Violation]) -> None:
        self.violations = list(violations)
        super().__init__("; ".join(v.message("en") for v in self.violations))

    def messages(self, language: str = "vi") -> list[str]:
        return [v.message(language) for v in self.violations]

    def by_field(self, language: str = "vi") -> dict[str | None, list[str]]:
        out: dict[str | None, list[str]] = {}
        for v in self.violations:
            out.setdefault(v.field, []).append(v.message(language))
        return out
