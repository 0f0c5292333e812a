"""Form 10/HĐBC voter cards: A6, one card per voter who votes here, the fields of [2.18]."""

from __future__ import annotations

from pathlib import Path

import pdf_tools
import pytest
from samples import NAMES, voter_list

from baucu.reports.voter_card import voter_cards_pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf_tools.require_poppler()
    out = tmp_path_factory.mktemp("form10")
    return pdf_tools.write(voter_cards_pdf(voter_list()), out / "the-cu-tri.pdf")


def test_cards_are_a6_one_per_voter_who_votes_here__art_34(rendered: Path) -> None:
    page = pdf_tools.info(rendered)
    assert page.width_mm == pytest.approx(105, abs=0.5)
    assert page.height_mm == pytest.approx(148, abs=0.5)
    assert page.pages == 3  # voter 4 took a certificate to vote elsewhere: no card here


def test_first_card_renders_to_a_non_blank_image(rendered: Path, tmp_path: Path) -> None:
    png = pdf_tools.first_page_png(rendered, tmp_path, dpi=72)
    assert pdf_tools.ink_fraction(png) > 0.01


def test_each_card_carries_the_fields_of_form_10__2_18(rendered: Path) -> None:
    for page, name in enumerate(NAMES, start=1):
        text = " ".join(pdf_tools.text(rendered, first=page, last=page).split())
        assert "THẺ CỬ TRI" in text
        assert "Mẫu số 10/HĐBC" in text
        assert f"Họ và tên: {name}" in text
        assert f"Số thẻ: {page}" in text  # card number = row on the list
        assert "Khu vực bỏ phiếu số: 3" in text
        assert "Phường Kỳ Lừa" in text
        assert "Tỉnh Lạng Sơn" in text
        assert "CHỦ TỊCH" in text
    first = " ".join(pdf_tools.text(rendered, first=1, last=1).split())
    assert "Ngày sinh: 07/04/1990" in first
    assert "Giới tính: Nữ" in first
    assert "Số định danh cá nhân: 020190001234" in first
    assert "Nơi cư trú: Khối 5, phường Kỳ Lừa" in first
    second = " ".join(pdf_tools.text(rendered, first=2, last=2).split())
    assert "Ngày sinh: 1961" in second
    assert "Giới tính: Nam" in second
    assert "Nơi cư trú: Khối 6, phường Kỳ Lừa" in second


def test_only_liberation_serif_is_embedded(rendered: Path) -> None:
    pdf_tools.assert_only_liberation_serif(rendered)
