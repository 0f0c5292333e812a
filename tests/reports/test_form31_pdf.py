"""Form 31/HĐBC as PDF: A4 landscape, Vietnamese names intact, only Liberation Serif, totals, pages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pdf_tools
import pytest
from samples import NAMES, voter_list

from baucu.reports.voter_list import voter_list_pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf_tools.require_poppler()
    out = tmp_path_factory.mktemp("form31")
    return pdf_tools.write(voter_list_pdf(voter_list(extra=60)), out / "mau-31.pdf")


def test_page_is_a4_landscape__form_31(rendered: Path) -> None:
    page = pdf_tools.info(rendered)
    assert page.width_mm == pytest.approx(297, abs=0.5)
    assert page.height_mm == pytest.approx(210, abs=0.5)
    assert page.pages >= 2  # 64 voters do not fit on one landscape page


def test_first_page_renders_to_a_non_blank_image(rendered: Path, tmp_path: Path) -> None:
    png = pdf_tools.first_page_png(rendered, tmp_path)
    assert pdf_tools.ink_fraction(png) > 0.01


def test_names_print_with_their_diacritics_in_nfc(rendered: Path) -> None:
    text = pdf_tools.text(rendered)
    for name in NAMES:
        assert unicodedata.is_normalized("NFC", name)
        assert name in text, name
    # The first name was given decomposed (NFD): it is printed precomposed, never as base + marks.
    assert unicodedata.normalize("NFD", NAMES[0]) not in text


def test_official_heading_title_and_place(rendered: Path) -> None:
    text = pdf_tools.text(rendered, last=1)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Mẫu số 31/HĐBC",
        "DANH SÁCH CỬ TRI",
        "khóa XVI",
        "Khu vực bỏ phiếu số: 3",
        "Phường Kỳ Lừa – Tỉnh Lạng Sơn",
        "ỦY BAN NHÂN DÂN PHƯỜNG KỲ LỪA",
    ):
        assert expected in text, expected


def test_columns_of_art_2_21_are_headed(rendered: Path) -> None:
    text = " ".join(pdf_tools.text(rendered, last=1).split())
    for header in ("STT", "Họ và tên", "Nam", "Nữ", "Số định danh", "Dân tộc", "Nơi thường trú"):
        assert header in text, header
    for header in ("Nơi tạm trú", "Nơi ở hiện nay", "ĐBQH", "HĐND", "Ghi chú", "7a 7b 7c 8 9 10 11"):
        assert header in text, header


def test_dates_are_day_first_and_a_year_alone_when_only_the_year_is_known(rendered: Path) -> None:
    text = pdf_tools.text(rendered, last=1)
    assert "07/04/1990" in text
    assert "1961" in text
    assert "/1961" not in text


def test_footer_totals_and_signature(rendered: Path) -> None:
    last = pdf_tools.info(rendered).pages
    text = " ".join(pdf_tools.text(rendered, first=last, last=last).split())
    # 64 listed, one of whom votes elsewhere: 63 vote here; Hoàng Văn Đức has no commune council vote.
    assert "Tổng số cử tri của khu vực bỏ phiếu: 63" in text
    assert "nam 31, nữ 32" in text
    assert "Số cử tri bầu cử đại biểu Quốc hội: 63" in text
    assert "Hội đồng nhân dân tỉnh: 63" in text
    assert "Hội đồng nhân dân xã: 62" in text
    assert "đi bỏ phiếu ở nơi khác: 1" in text
    assert "TM. ỦY BAN NHÂN DÂN" in text
    assert "CHỦ TỊCH" in text
    assert "năm 2026" in text  # a year, not the quantity "2.026"


def test_pages_are_numbered_in_the_margin(rendered: Path) -> None:
    pages = pdf_tools.info(rendered).pages
    assert f"Trang 1/{pages}" in pdf_tools.text(rendered, last=1)
    assert f"Trang {pages}/{pages}" in pdf_tools.text(rendered, first=pages, last=pages)


def test_voting_elsewhere_is_noted_next_to_the_name__art_34(rendered: Path) -> None:
    rows = pdf_tools.text(rendered, last=1).splitlines()
    at = next(i for i, row in enumerate(rows) if "Trần Quốc Tuấn" in row)
    cell = " ".join(" ".join(rows[at - 1 : at + 2]).split())  # the note may wrap onto a second line
    assert "Bỏ phiếu ở" in cell
    assert "khác" in cell


def test_only_liberation_serif_is_embedded(rendered: Path) -> None:
    pdf_tools.assert_only_liberation_serif(rendered)
