"""Form 31/HĐBC, the voter list of one voting area: PDF (A4 landscape) and XLSX.

Columns follow the form ([2.21]): STT, 1 name, 2 date of birth, 3 male, 4 female, 5 identity number,
6 ethnicity, 7a/7b/7c residence, 8–10 the levels the voter votes for, 11 notes; the footer gives the
totals (voters, of whom men and women; voters per level). A voter who took a certificate to vote
elsewhere stays on the list with the note "Bỏ phiếu ở nơi khác" (Art. 34) and is not counted.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from baucu.reports.documents import Place, VoterLine, VoterList
from baucu.reports.pdf import render_pdf
from baucu.reports.vietnamese import vi_date, vi_number

FORM_CODE = "Mẫu số 31/HĐBC"
TITLE = "DANH SÁCH CỬ TRI"
MARK = "x"

# (column number on the form, header, width in XLSX characters)
COLUMNS: list[tuple[str, str, int]] = [
    ("", "STT", 6),
    ("1", "Họ và tên", 28),
    ("2", "Ngày, tháng, năm sinh", 12),
    ("3", "Nam", 5),
    ("4", "Nữ", 5),
    ("5", "Số định danh cá nhân", 15),
    ("6", "Dân tộc", 10),
    ("7a", "Nơi thường trú", 24),
    ("7b", "Nơi tạm trú", 24),
    ("7c", "Nơi ở hiện nay", 24),
    ("8", "Bầu cử ĐBQH", 8),
    ("9", "Bầu cử đại biểu HĐND tỉnh", 8),
    ("10", "Bầu cử đại biểu HĐND xã", 8),
    ("11", "Ghi chú", 22),
]


def _mark(flag: bool) -> str:
    return MARK if flag else ""


def _cells(line: VoterLine) -> list[Any]:
    return [
        line.seq,
        line.full_name,
        vi_date(line.birth_date, year=line.birth_year),
        _mark(line.is_male),
        _mark(not line.is_male),
        line.personal_id,
        line.ethnicity,
        line.permanent_residence,
        line.temporary_residence,
        line.current_abode,
        _mark(line.votes_na),
        _mark(line.votes_provincial),
        _mark(line.votes_commune),
        line.note,
    ]


_KEYS = [
    "seq",
    "full_name",
    "birth",
    "male",
    "female",
    "personal_id",
    "ethnicity",
    "permanent_residence",
    "temporary_residence",
    "current_abode",
    "na",
    "provincial",
    "commune",
    "note",
]


def authority(place: Place) -> dict[str, str]:
    """The issuing body in the left heading: the commune People's Committee under its province."""
    return {
        "authority_parent": place.province_name.upper(),
        "authority": f"ỦY BAN NHÂN DÂN {place.commune_name.upper()}",
    }


def voter_list_pdf(voter_list: VoterList, *, use_cache: bool = True) -> bytes:
    """Form 31 as PDF, cached in the file store under its HTML (``pdf.cached``).

    One document: the pages count one another ("Trang x/y"), so it is laid out as a whole.
    """
    totals = voter_list.totals
    context = {
        "place": voter_list.place,
        **authority(voter_list.place),
        # Row and card numbers are identifiers, printed without grouping (str() keeps Django's
        # thousands separator off them); the totals are quantities: "1.234".
        "rows": [dict(zip(_KEYS, map(str, _cells(line)), strict=True)) for line in voter_list.lines],
        "totals": {name: vi_number(value) for name, value in vars(totals).items()},
    }
    return render_pdf("reports/form31_voter_list.html", context, use_cache=use_cache)


def voter_list_xlsx(voter_lists: Sequence[VoterList]) -> bytes:
    """One workbook, one sheet per voting area ("KVBP 1", "KVBP 2"...), header frozen, totals below."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for voter_list in voter_lists:
        place = voter_list.place
        sheet = book.create_sheet(f"KVBP {place.area_number}")
        sheet.append([FORM_CODE])
        sheet.append([TITLE])
        sheet.append([place.election_name])
        sheet.append(
            [f"Khu vực bỏ phiếu số {place.area_number} – {place.commune_name} – {place.province_name}"]
        )
        sheet.append([header for _, header, _ in COLUMNS])
        sheet.append([number for number, _, _ in COLUMNS])
        header_row = 5
        for row in (1, 2):
            sheet.cell(row=row, column=1).font = bold
        for index, (_, _, width) in enumerate(COLUMNS, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
            for row in (header_row, header_row + 1):
                cell = sheet.cell(row=row, column=index)
                cell.font = bold
                cell.alignment = wrap
        for line in voter_list.lines:
            sheet.append(_cells(line))
        # Identity numbers are text: a leading 0 (province codes 001–096) must survive.
        for (cell,) in sheet.iter_rows(min_row=header_row + 2, min_col=6, max_col=6):
            cell.number_format = "@"
        totals = voter_list.totals
        sheet.append([])
        for label, value in (
            ("Tổng số cử tri", totals.voters),
            ("Nam", totals.male),
            ("Nữ", totals.female),
            ("Cử tri bầu cử ĐBQH", totals.na),
            ("Cử tri bầu cử đại biểu HĐND tỉnh", totals.provincial),
            ("Cử tri bầu cử đại biểu HĐND xã", totals.commune),
            ("Bỏ phiếu ở nơi khác", totals.voting_elsewhere),
        ):
            sheet.append(["", label, value])
            sheet.cell(row=sheet.max_row, column=2).font = bold
        sheet.freeze_panes = sheet.cell(row=header_row + 2, column=3)
        sheet.print_title_rows = f"{header_row}:{header_row + 1}"
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    if not book.sheetnames:  # a commune without voting areas yet: an empty workbook, not an error
        book.create_sheet("KVBP")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
