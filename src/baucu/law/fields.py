"""Reading the fields of a JSON document, collecting every problem instead of stopping at the first.

The interchange formats (spec/formats.md) promise an error object that lists *all* problems of an
input; a ``Fields`` reader records each missing or ill-typed field and lets the caller go on reading.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from baucu.law.outcome import InvalidInput, Problem

FORMAT_RULE = "spec/formats.md"

_TEXT = {
    "not_an_object": ("phải là một đối tượng JSON", "must be a JSON object"),
    "missing_field": ("thiếu trường bắt buộc", "required field is missing"),
    "not_an_integer": ("phải là số nguyên", "must be an integer"),
    "negative_number": ("không được âm", "must not be negative"),
    "not_a_boolean": ("phải là true hoặc false", "must be true or false"),
    "not_a_string": ("phải là chuỗi ký tự", "must be a string"),
    "empty_string": ("không được để trống", "must not be empty"),
    "not_a_list": ("phải là một mảng JSON", "must be a JSON array"),
    "invalid_date": ("phải là ngày dạng YYYY-MM-DD", "must be a date YYYY-MM-DD"),
    "unknown_value": ("giá trị không hợp lệ, phải là một trong", "unknown value, must be one of"),
}


def text(code: str, language: str) -> str:
    vi, en = _TEXT[code]
    return en if language == "en" else vi


def parse_date(value: str) -> dt.date | None:
    """An ISO date ``YYYY-MM-DD``, or None when the text is not one."""
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if len(value) == 10 else None  # fromisoformat also takes 20260315


class Fields:
    """Reads the fields of one object; ``problems`` collects what is wrong with them."""

    def __init__(self, language: str = "vi", problems: list[Problem] | None = None) -> None:
        self.language = language
        self.problems: list[Problem] = [] if problems is None else problems

    def add(self, where: str, rule: str, code: str, message: str) -> None:
        self.problems.append(Problem(where, rule, code, message))

    def _bad(self, where: str, code: str, extra: str = "") -> None:
        self.add(where, FORMAT_RULE, code, f"{where}: {text(code, self.language)}{extra}")

    def obj(self, value: object, where: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self._bad(where or "$", "not_an_object")
        return None

    def _get(self, data: dict[str, Any], key: str, where: str, required: bool) -> tuple[bool, Any]:
        if key in data and data[key] is not None:
            return True, data[key]
        if required:
            self._bad(where, "missing_field")
        return False, None

    def integer(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> int | None:
        """A non-negative integer (``true`` is not a number here, though Python says so)."""
        found, value = self._get(data, key, where, required)
        if not found:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._bad(where, "not_an_integer")
            return None
        if value < 0:
            self._bad(where, "negative_number")
            return None
        return int(value)

    def boolean(self, data: dict[str, Any], key: str, where: str, *, default: bool | None = None) -> bool:
        found, value = self._get(data, key, where, default is None)
        if not found:
            return bool(default)
        if not isinstance(value, bool):
            self._bad(where, "not_a_boolean")
            return False
        return value

    def string(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> str | None:
        found, value = self._get(data, key, where, required)
        if not found:
            return None
        if not isinstance(value, str):
            self._bad(where, "not_a_string")
            return None
        if not value.strip():
            self._bad(where, "empty_string")
            return None
        return value

    def choice(self, data: dict[str, Any], key: str, where: str, choices: Sequence[str]) -> str | None:
        value = self.string(data, key, where)
        if value is None or value in choices:
            return value
        self._bad(where, "unknown_value", f" {', '.join(choices)}")
        return None

    def date(self, data: dict[str, Any], key: str, where: str) -> dt.date | None:
        """An optional ISO date."""
        value = self.string(data, key, where, required=False)
        if value is None:
            return None
        parsed = parse_date(value)
        if parsed is None:
            self._bad(where, "invalid_date")
        return parsed

    def array(self, data: dict[str, Any], key: str, where: str, *, required: bool = True) -> list[Any]:
        found, value = self._get(data, key, where, required)
        if not found:
            return []
        if not isinstance(value, list):
            self._bad(where, "not_a_list")
            return []
        return value

    def raise_if_any(self) -> None:
        if self.problems:
            raise InvalidInput(list(self.problems))
