"""Outcomes and reasons: every legal decision carries the article that made it.

A ``Reason`` names the rule of spec/law.md (``rule_id`` such as ``"10.3"``), the article
(``"Art. 78(2)"``), a stable snake_case ``code`` and a message in Vietnamese and English.
Where the law is silent or a fact is UNVERIFIED, the severity is ``MANUAL``: the system asks
for a recorded human decision instead of guessing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Severity(str, Enum):  # noqa: UP042 -- kept as first published (no renames)
    """How a reason weighs on the decision."""

    INFO = "info"  # explains a decision that was made
    WARNING = "warning"  # lawful but worth a second look (e.g. a reconciliation difference)
    ERROR = "error"  # the input breaks the rule
    MANUAL = "manual"  # the law does not settle it: a person must decide and record why


@dataclass(frozen=True)
class Reason:
    code: str
    article: str
    rule_id: str
    vi: str
    en: str
    severity: Severity = Severity.INFO

    def message(self, language: str = "vi") -> str:
        return self.en if language == "en" else self.vi

    def as_dict(self, language: str = "en") -> dict[str, str]:
        """The reason object of spec/formats.md §3 (``rule`` is the article)."""
        return {"rule": self.article, "code": self.code, "message": self.message(language)}


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A decision's value together with the reasons for it."""

    value: T
    reasons: tuple[Reason, ...] = ()

    @property
    def errors(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.severity is Severity.WARNING)

    @property
    def ok(self) -> bool:
        """No reason is an error and nothing waits for a manual decision."""
        return not any(r.severity in (Severity.ERROR, Severity.MANUAL) for r in self.reasons)

    @property
    def manual_decision_required(self) -> bool:
        return any(r.severity is Severity.MANUAL for r in self.reasons)

    def codes(self) -> tuple[str, ...]:
        return tuple(r.code for r in self.reasons)


@dataclass(frozen=True)
class Problem:
    """One problem with an input, in the shape of spec/formats.md §0."""

    where: str
    rule: str
    code: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"where": self.where, "rule": self.rule, "code": self.code, "message": self.message}


@dataclass
class InvalidInput(Exception):  # noqa: N818 -- public name used across the project
    """Input that breaks an invariant: nothing is decided. Lists every problem, not only the first."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in self.problems))

    def as_dict(self) -> dict[str, Any]:
        return {"error": "invalid_input", "problems": [p.as_dict() for p in self.problems]}


def merge(outcomes: Iterable[Outcome[Any]]) -> tuple[Reason, ...]:
    """All reasons of several outcomes, in order."""
    return tuple(r for o in outcomes for r in o.reasons)
