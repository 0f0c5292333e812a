"""Invalid input: the error object of spec/formats.md §0, naming file, row, field and rule."""

from __future__ import annotations

from baucu.law.outcome import InvalidInput, Problem

__all__ = ["InvalidInput", "invalid"]


def invalid(where: str, rule: str, code: str, message: str) -> InvalidInput:
    return InvalidInput([Problem(where=where, rule=rule, code=code, message=message)])
