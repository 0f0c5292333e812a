"""Vietnamese text as printed on the forms: NFC, day-first dates, "." as the thousands separator."""

from __future__ import annotations

import datetime as dt
import unicodedata


def nfc(text: str) -> str:
    """NFC: the font's precomposed glyphs, and the same bytes as the text a test searches for."""
    return unicodedata.normalize("NFC", text)


def vi_date(value: dt.date | None, *, year: int | None = None) -> str:
    """dd/mm/yyyy; a year alone when only the year of birth is known (Form 31, column 2 note)."""
    if value is not None:
        return value.strftime("%d/%m/%Y")
    return str(year) if year else ""


def vi_number(value: int) -> str:
    """1.234.567 (Vietnamese grouping)."""
    return f"{value:,}".replace(",", ".")
