"""Numbers and dates as Vietnamese forms print them; text in NFC."""

from __future__ import annotations

import datetime as dt
import unicodedata

from samples import voter_list

from baucu.reports.vietnamese import nfc, vi_date, vi_number


def test_quantities_are_grouped_with_dots() -> None:
    assert [vi_number(n) for n in (0, 999, 1234, 1234567)] == ["0", "999", "1.234", "1.234.567"]


def test_dates_are_day_first_or_a_year_alone() -> None:
    assert vi_date(dt.date(2026, 3, 5)) == "05/03/2026"
    assert vi_date(None, year=1961) == "1961"
    assert vi_date(None) == ""


def test_documents_hold_nfc_text() -> None:
    line = voter_list().lines[0]
    assert unicodedata.is_normalized("NFC", line.full_name)
    assert nfc("Thuy\u0309") == "Thuỷ"
