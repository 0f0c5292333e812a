"""A commune's printouts in one zip: per voting area the Form 31 list and the Form 10 cards (PDF), and
one workbook with a Form 31 sheet per area."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from baucu.reports.documents import VoterList
from baucu.reports.voter_card import voter_cards_pdf
from baucu.reports.voter_list import voter_list_pdf, voter_list_xlsx

LIST_PDF = "mau-31-danh-sach-cu-tri.pdf"
CARDS_PDF = "mau-10-the-cu-tri.pdf"
WORKBOOK = "mau-31-danh-sach-cu-tri.xlsx"


def area_folder(area_number: int) -> str:
    return f"khu-vuc-bo-phieu-{area_number:02d}"


def commune_lists_zip(voter_lists: Sequence[VoterList]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for voter_list in voter_lists:
            folder = area_folder(voter_list.place.area_number)
            archive.writestr(f"{folder}/{LIST_PDF}", voter_list_pdf(voter_list))
            archive.writestr(f"{folder}/{CARDS_PDF}", voter_cards_pdf(voter_list))
        archive.writestr(WORKBOOK, voter_list_xlsx(voter_lists))
    return out.getvalue()
