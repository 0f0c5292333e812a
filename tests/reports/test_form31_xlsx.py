"""Form 31/HĐBC as XLSX: a sheet per voting area, the form's columns, frozen header, totals."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook
from samples import NAMES, voter_list

from baucu.reports.voter_list import COLUMNS, voter_list_xlsx

HEADER_ROW = 5


def _book(*area_numbers: int) -> Any:
    return load_workbook(io.BytesIO(voter_list_xlsx([voter_list(n) for n in area_numbers])))


def test_one_sheet_per_voting_area() -> None:
    assert _book(1, 2, 3).sheetnames == ["KVBP 1", "KVBP 2", "KVBP 3"]


def test_columns_follow_art_2_21() -> None:
    sheet = _book(3)["KVBP 3"]
    headers = [c.value for c in sheet[HEADER_ROW]]
    numbers = [c.value or "" for c in sheet[HEADER_ROW + 1]]
    assert headers[:2] == ["STT", "Họ và tên"]
    assert "Số định danh cá nhân" in headers
    assert headers[-1] == "Ghi chú"
    assert numbers == ["", "1", "2", "3", "4", "5", "6", "7a", "7b", "7c", "8", "9", "10", "11"]
    assert len(headers) == len(COLUMNS) == 14
    assert sheet.freeze_panes == f"C{HEADER_ROW + 2}"
    assert sheet["A2"].value == "DANH SÁCH CỬ TRI"


def test_rows_keep_names_identity_numbers_as_text_and_vi_dates() -> None:
    sheet = _book(3)["KVBP 3"]
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 2, max_row=HEADER_ROW + 5, values_only=True))
    assert [r[1] for r in rows[:3]] == NAMES  # the NFD input came out NFC
    assert rows[0][:6] == (1, "Nguyễn Thị Ánh", "07/04/1990", None, "x", "020190001234")
    assert rows[1][2] == "1961"
    assert rows[1][12] is None  # no commune council vote for a temporary resident under 12 months
    assert rows[3][13] == "Bỏ phiếu ở nơi khác"


def test_totals_below_the_list() -> None:
    sheet = _book(3)["KVBP 3"]
    totals = {row[1]: row[2] for row in sheet.iter_rows(min_row=HEADER_ROW + 7, values_only=True) if row[1]}
    assert totals["Tổng số cử tri"] == 3
    assert totals["Nam"] == 1
    assert totals["Nữ"] == 2
    assert totals["Cử tri bầu cử ĐBQH"] == 3
    assert totals["Cử tri bầu cử đại biểu HĐND tỉnh"] == 3
    assert totals["Cử tri bầu cử đại biểu HĐND xã"] == 2
    assert totals["Bỏ phiếu ở nơi khác"] == 1


def test_no_area_gives_an_empty_workbook_not_an_error() -> None:
    assert load_workbook(io.BytesIO(voter_list_xlsx([]))).sheetnames == ["KVBP"]
