"""Form 10 voter cards laid out once per area, not once per voter (a "stamp").

Every card of a voting area is the same page but for six values: card number, name, date of birth,
sex, residence and identity number. WeasyPrint spends ~25 ms laying out a full card; here it lays out

1. the card once with the values left empty (the *plate*: headings, labels, signature block);
2. the card once with one-character probe values, to read where each value starts (its line and x);
3. per voter, a light page holding only the six values, absolutely positioned at those places with
   the same font, size and line height (a few ms a page);

and paints each voter's page as the plate with the values over it, in one PDF with the fonts of both
embedded once. A value that would not fit on its line (a long residence that wraps, which on the full
card pushes the lines below it down) is detected after layout and that voter's card is rendered in
full instead, so the print is the same either way: ``tests/reports/test_form10_stamp.py`` compares
the pages pixel by pixel with the full rendering.

It reads WeasyPrint's laid-out boxes (``Page._page_box``), which is not public API: anything
unexpected raises ``StampUnavailableError`` and the caller falls back to the full rendering.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.html import escape

STAMP_ATTRIBUTE = "data-stamp"
FIELDS = ("seq", "full_name", "birth", "residence", "personal_id")  # each after its label
SEX = "sex"  # "Giới tính: <value>", floated right: placed by its right edge
PROBE = "x"


class StampUnavailableError(Exception):
    """The laid-out card is not as expected (another WeasyPrint, another template)."""


@dataclass(frozen=True)
class Slot:
    left: float  # CSS px from the page's content box
    top: float  # the top of the value's line box, CSS px from the content box
    width: float  # from ``left`` to the right of the content box
    font_size: float  # px


@dataclass(frozen=True)
class Layout:
    slots: dict[str, Slot]
    sex_top: float
    sex_font_size: float
    content_width: float
    margins: tuple[float, float, float, float]  # top, right, bottom, left (px)
    page_size: tuple[float, float]  # px
    line_height: float  # multiple of the font size


def _walk(box: Any, line: Any = None) -> Iterator[tuple[Any, Any]]:
    """(box, the line box it sits on) for every box under ``box``."""
    from weasyprint.formatting_structure.boxes import LineBox

    for child in getattr(box, "children", ()):
        yield child, line
        yield from _walk(child, child if isinstance(child, LineBox) else line)


def _stamped(page_box: Any) -> dict[str, tuple[Any, Any]]:
    found: dict[str, tuple[Any, Any]] = {}
    for box, line in _walk(page_box):
        element = getattr(box, "element", None)
        name = element.get(STAMP_ATTRIBUTE) if element is not None else None
        if name and name not in found and getattr(box, "element_tag", "") in ("span", "b"):
            found[name] = (box, line)
    return found


def measure(probe_page: Any) -> Layout:
    """Where the values go, read from a card laid out with probe values."""
    page_box = probe_page._page_box
    found = _stamped(page_box)
    if set(found) != {*FIELDS, SEX}:
        raise StampUnavailableError(f"stamped elements found: {sorted(found)}")
    left0, top0 = page_box.content_box_x(), page_box.content_box_y()
    width = page_box.width
    slots = {}
    for name in FIELDS:
        box, line = found[name]
        if line is None:
            raise StampUnavailableError(f"{name} is not on a line")
        slots[name] = Slot(
            left=box.position_x - left0,
            top=line.position_y - top0,
            width=left0 + width - box.position_x,
            font_size=box.style["font_size"],
        )
    sex_box, _ = found[SEX]
    if sex_box.style["float"] != "right":
        raise StampUnavailableError("the sex is not floated right")
    line_height = sex_box.style["line_height"]
    if not isinstance(line_height, float | int):  # a number: a multiple of the font size
        raise StampUnavailableError(f"line-height {line_height!r} is not a plain multiple")
    return Layout(
        slots=slots,
        sex_top=sex_box.position_y - top0,
        sex_font_size=sex_box.style["font_size"],
        content_width=width,
        margins=(
            page_box.margin_top,
            page_box.margin_right,
            page_box.margin_bottom,
            page_box.margin_left,
        ),
        line_height=float(line_height),
        page_size=(page_box.margin_width(), page_box.margin_height()),
    )


def overlay_html(layout: Layout, cards: Sequence[dict[str, str]], font_stack: str) -> str:
    """One page per card holding only its values, absolutely placed."""
    top, right, bottom, left = layout.margins
    width, height = layout.page_size
    css = (
        f"@page {{ size: {width}px {height}px; margin: {top}px {right}px {bottom}px {left}px; }}"
        f"html {{ font-family: {font_stack}; color: #000; }}"
        f"body {{ margin: 0; line-height: {layout.line_height}; }}"
        ".p { position: relative; height: 1px; page-break-after: always; }"
        ".p:last-child { page-break-after: auto; }"
        ".v { position: absolute; font-weight: bold; }"
        f".s {{ position: absolute; left: 0; width: {layout.content_width}px; text-align: right; "
        f"top: {layout.sex_top}px; font-size: {layout.sex_font_size}px; }}"
    )
    for name, slot in layout.slots.items():
        css += (
            f".{name} {{ left: {slot.left}px; top: {slot.top}px; width: {slot.width}px; "
            f"font-size: {slot.font_size}px; }}"
        )
    body = []
    for card in cards:
        values = "".join(f'<div class="v {name}">{escape(card[name])}</div>' for name in layout.slots)
        sex = f'<div class="s">Giới tính: <b>{escape(card["sex"])}</b></div>'
        body.append(f'<div class="p">{values}{sex}</div>')
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><style>'
        + css
        + "</style></head><body>"
        + "".join(body)
        + "</body></html>"
    )


def fits(overlay_page: Any) -> bool:
    """True when every value of this overlay page stayed on one line (as on the full card)."""
    from weasyprint.formatting_structure.boxes import LineBox

    for box, _ in _walk(overlay_page._page_box):
        element = getattr(box, "element", None)
        if element is not None and element.get("class", "").startswith(("v ", "s")):
            if element.tag != "div":
                continue
            lines = [child for child in box.children if isinstance(child, LineBox)]
            if len(lines) > 1:
                return False
    return True


# What a WeasyPrint ``Stream`` remembers between drawing operations (pdf/stream.py, WeasyPrint 70).
_STREAM_STATE = (
    "_current_color",
    "_current_color_stroke",
    "_current_alpha",
    "_current_alpha_stroke",
    "_current_font",
    "_current_font_size",
    "_old_font",
    "_old_font_size",
)


class PlateRecording:
    """The PDF operators of the plate, painted once per PDF and replayed on every later page.

    Painting walks the whole box tree of the plate (headings, labels, signature block): recording its
    operators on the first page and copying them to the others paints every card the same for a list
    copy. The fonts and resources of a WeasyPrint PDF are shared by all its pages, so the operators
    are valid on any page of the same PDF; a new PDF (another ``fonts`` dict) records afresh.
    """

    def __init__(self) -> None:
        self.key: tuple[int, float] | None = None
        self.operators: list[Any] = []
        self.state: dict[str, Any] = {}

    def paint(self, plate: Any, stream: Any, scale: float) -> None:
        key = (id(getattr(stream, "_fonts", None)), scale)
        operators = getattr(stream, "stream", None)
        if not isinstance(operators, list):  # not the stream this was written for: paint it
            plate.paint(stream, scale)
            return
        if key == self.key:
            operators.extend(self.operators)
            for name, value in self.state.items():
                setattr(stream, name, value)
            return
        start = len(operators)
        plate.paint(stream, scale)
        self.key = key
        self.operators = operators[start:]
        self.state = {name: getattr(stream, name) for name in _STREAM_STATE if hasattr(stream, name)}


class StampedPage:
    """A page painted as the plate, then the values over it (duck-types ``weasyprint.Page``)."""

    def __init__(self, plate: Any, values: Any, recording: PlateRecording | None = None) -> None:
        self.width = plate.width
        self.height = plate.height
        self.bleed = plate.bleed
        self.bookmarks: list[Any] = []
        self.links: list[Any] = []
        self.anchors: dict[str, Any] = {}
        self.forms: dict[Any, list[Any]] = {None: []}
        self._plate = plate
        self._values = values
        self._recording = recording

    def paint(self, stream: Any, scale: float = 1) -> None:
        if self._recording is None:
            self._plate.paint(stream, scale)
        else:
            self._recording.paint(self._plate, stream, scale)
        self._values.paint(stream, scale)
