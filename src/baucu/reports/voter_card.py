"""Form 10/HĐBC, the voter card (thẻ cử tri): A6, one per voter, a PDF per voting area.

Fields per [2.18]: name, date of birth, sex, residence, identity number, card number (= the row on
the Form 31 list), voting-area number, commune, province; signed by the chair of the commune People's
Committee. A voter who took a certificate to vote elsewhere gets no card here (Art. 34).

The cards differ only in six values, so they are laid out once per area and the values stamped on
each page (``card_stamp``); the file is cached under the HTML of the full set (``pdf.cached``).
"""

from __future__ import annotations

import logging
from typing import Any

from baucu.reports import card_stamp
from baucu.reports.documents import VoterList
from baucu.reports.pdf import FONT_STACK, cached, html_to_pdf, render_html
from baucu.reports.vietnamese import vi_date
from baucu.reports.voter_list import authority

FORM_CODE = "Mẫu số 10/HĐBC"
TEMPLATE = "reports/form10_voter_cards.html"
VALUES = ("seq", "full_name", "birth", "sex", "residence", "personal_id")

log = logging.getLogger(__name__)


def _stamped_pdf(context: dict[str, Any], cards: list[dict[str, str]]) -> bytes:
    from weasyprint import HTML

    def document(cards: list[dict[str, str]], **extra: Any) -> Any:
        return HTML(string=render_html(TEMPLATE, {**context, "cards": cards, **extra})).render()

    plate = document([dict.fromkeys(VALUES, "")], stamp_template=True)
    layout = card_stamp.measure(document([dict.fromkeys(VALUES, card_stamp.PROBE)]).pages[0])
    overlay = HTML(string=card_stamp.overlay_html(layout, cards, FONT_STACK)).render()
    if len(plate.pages) != 1 or len(overlay.pages) != len(cards):
        raise card_stamp.StampUnavailableError("unexpected page count")
    misfits = [index for index, page in enumerate(overlay.pages) if not card_stamp.fits(page)]
    full: dict[int, Any] = {}
    if misfits:  # a value wraps: those cards are laid out in full
        rendered = document([cards[index] for index in misfits])
        if len(rendered.pages) != len(misfits):
            raise card_stamp.StampUnavailableError("a full card took more than one page")
        full = dict(zip(misfits, rendered.pages, strict=True))
    recording = card_stamp.PlateRecording()
    pages = [
        full.get(index) or card_stamp.StampedPage(plate.pages[0], page, recording)
        for index, page in enumerate(overlay.pages)
    ]
    pdf: bytes = plate.copy(pages).write_pdf()
    return pdf


def voter_cards_pdf(voter_list: VoterList, *, stamp: bool = True, use_cache: bool = True) -> bytes:
    """The cards of one voting area, one A6 page each (``stamp=False``: every card laid out in full)."""
    place = voter_list.place
    cards = [
        {
            "seq": str(line.seq),
            "full_name": line.full_name,
            "birth": vi_date(line.birth_date, year=line.birth_year),
            "sex": "Nam" if line.is_male else "Nữ",
            "residence": line.residence,
            "personal_id": line.personal_id,
        }
        for line in voter_list.lines
        if line.votes_here
    ]
    context = {
        "place": place,
        **authority(place),
        "cards": cards,
        "commune_label": "Xã/phường/đặc khu",
        "form_code": FORM_CODE,
    }
    html = render_html(TEMPLATE, context)

    def render() -> bytes:
        if stamp and cards:
            try:
                return _stamped_pdf(context, cards)
            except card_stamp.StampUnavailableError:
                log.warning("voter cards: stamping unavailable, laying out every card", exc_info=True)
        return html_to_pdf(html)

    return cached(html, render) if use_cache else render()
