"""Form 11/HĐBC, the certificate to vote elsewhere (Art. 34): A5, the fields of [14.1]."""

from __future__ import annotations

from pathlib import Path

import pdf_tools
import pytest
from samples import certificate

from baucu.reports.vote_elsewhere import vote_elsewhere_pdf


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pdf_tools.require_poppler()
    out = tmp_path_factory.mktemp("form11")
    return pdf_tools.write(vote_elsewhere_pdf(certificate()), out / "mau-11.pdf")


def test_certificate_is_one_a5_page(rendered: Path, tmp_path: Path) -> None:
    page = pdf_tools.info(rendered)
    assert page.pages == 1
    assert page.width_mm == pytest.approx(148, abs=0.5)
    assert page.height_mm == pytest.approx(210, abs=0.5)
    assert pdf_tools.ink_fraction(pdf_tools.first_page_png(rendered, tmp_path)) > 0.01


def test_certificate_carries_the_fields_of_form_11(rendered: Path) -> None:
    text = " ".join(pdf_tools.text(rendered).split())
    for expected in (
        "Mẫu số 11/HĐBC",
        "GIẤY CHỨNG NHẬN",
        "ĐI BỎ PHIẾU Ở NƠI KHÁC",
        "Số: 12/GCN",
        "Ông/bà: Lường Thị Thuỷ",
        "Ngày, tháng, năm sinh: 15/03/2008",
        "Số định danh cá nhân: 020308009999",
        "Nơi cư trú (ghi trong thẻ cử tri): Khối 5, phường Kỳ Lừa",
        "Nơi ở hiện nay: Ký túc xá Đại học Bách khoa, phường Bạch Mai",
        "thẻ cử tri số 3",
        "khu vực bỏ phiếu số 3",
        "Được đi bỏ phiếu tại: Phường Bạch Mai, Thành phố Hà Nội",
        "Kỳ Lừa, ngày 02 tháng 03 năm 2026",
    ):
        assert expected in text, expected


def test_only_liberation_serif_is_embedded(rendered: Path) -> None:
    pdf_tools.assert_only_liberation_serif(rendered)
