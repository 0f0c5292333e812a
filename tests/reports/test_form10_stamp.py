"""Form 10 cards stamped on a plate laid out once (``card_stamp``) print exactly as cards laid out one
by one, wrapped values included; and rendered files are cached in the file store under their HTML."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pdf_tools
from PIL import Image, ImageChops
from samples import voter_list

from baucu.reports import card_stamp
from baucu.reports.documents import VoterList
from baucu.reports.pdf import CACHE_FOLDER
from baucu.reports.voter_card import voter_cards_pdf
from baucu.reports.voter_list import voter_list_pdf

LONG_RESIDENCE = (
    "Thôn Bản Chu, xã Tân Văn, tỉnh Lạng Sơn (nhà ông Lương Văn Thành, gần Trường Tiểu học Bản Chu)"
)
LONG_NAME = "Hoàng Thị Phương Thùy Dương Nguyễn Ngọc Ánh Tuyết Hồng Nhung"


def _awkward_list() -> VoterList:
    """The sample list, one voter with a residence that wraps, one with a very long name."""
    base = voter_list(extra=6)
    lines = list(base.lines)
    lines[1] = dataclasses.replace(lines[1], temporary_residence=LONG_RESIDENCE)
    lines[5] = dataclasses.replace(lines[5], full_name=LONG_NAME)
    return VoterList(place=base.place, lines=lines)


def _pages(pdf: bytes, folder: Path, stem: str, dpi: int) -> list[Path]:
    path = pdf_tools.write(pdf, folder / f"{stem}.pdf")
    pdf_tools._run("pdftoppm", "-png", "-r", str(dpi), str(path), str(folder / stem))
    return sorted(folder.glob(f"{stem}-*.png"))


def _same(a: Path, b: Path) -> bool:
    with Image.open(a) as one, Image.open(b) as other:
        return ImageChops.difference(one.convert("L"), other.convert("L")).getbbox() is None


def test_stamped_cards_print_exactly_as_cards_laid_out_one_by_one(tmp_path: Path) -> None:
    pdf_tools.require_poppler()
    data = _awkward_list()
    stamped = voter_cards_pdf(data, use_cache=False)
    full = voter_cards_pdf(data, stamp=False, use_cache=False)
    a, b = _pages(stamped, tmp_path, "stamped", 100), _pages(full, tmp_path, "full", 100)
    assert len(a) == len(b) == 9  # 10 listed, one votes elsewhere
    for page, (one, other) in enumerate(zip(a, b, strict=True), start=1):
        assert _same(one, other), f"page {page} differs"
    stamped_path = tmp_path / "stamped.pdf"
    pdf_tools.assert_only_liberation_serif(stamped_path)
    assert len(pdf_tools.fonts(stamped_path)) == 3  # regular, bold, italic: each embedded once
    second = " ".join(pdf_tools.text(stamped_path, first=2, last=2).split())
    assert "Thôn Bản Chu, xã Tân Văn, tỉnh Lạng Sơn" in second  # the wrapped card, laid out in full
    assert f"Họ và tên: {LONG_NAME}" in " ".join(pdf_tools.text(stamped_path, first=5, last=5).split())


def test_a_value_too_long_for_its_line_is_detected(tmp_path: Path) -> None:
    from weasyprint import HTML

    layout = card_stamp.Layout(
        slots={"residence": card_stamp.Slot(left=50, top=0, width=100, font_size=12)},
        sex_top=20,
        sex_font_size=12,
        content_width=300,
        margins=(20, 20, 20, 20),
        page_size=(340, 400),
        line_height=1.3,
    )
    cards = [{"residence": "Khối 5", "sex": "Nữ"}, {"residence": LONG_RESIDENCE, "sex": "Nam"}]
    pages = HTML(string=card_stamp.overlay_html(layout, cards, '"Liberation Serif"')).render().pages
    assert [card_stamp.fits(page) for page in pages] == [True, False]


def test_printouts_are_cached_under_their_html(tmp_path: Path, settings: Any) -> None:
    settings.FILE_STORE_DIR = tmp_path
    data = voter_list(extra=2)
    first = voter_cards_pdf(data)
    stored = list((tmp_path / CACHE_FOLDER).rglob("*.pdf"))
    assert len(stored) == 1
    assert stored[0].read_bytes() == first
    assert voter_cards_pdf(data) == first  # served from the store
    assert len(list((tmp_path / CACHE_FOLDER).rglob("*.pdf"))) == 1
    renamed = VoterList(
        place=data.place, lines=[dataclasses.replace(data.lines[0], full_name="Lê Văn Tám"), *data.lines[1:]]
    )
    assert voter_cards_pdf(renamed) != first  # a changed voter: a new key, a new file
    voter_list_pdf(data)
    assert len(list((tmp_path / CACHE_FOLDER).rglob("*.pdf"))) == 3
    assert not list((tmp_path / CACHE_FOLDER).rglob("*.tmp"))
