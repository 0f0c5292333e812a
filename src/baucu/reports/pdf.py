"""HTML → PDF through WeasyPrint, with the fonts of official forms.

Liberation Serif is metric-compatible with Times New Roman, the font of official documents; DejaVu and
Noto are declared as fallbacks but never needed for Vietnamese (the tests assert, with ``pdffonts``,
that only Liberation Serif is embedded). The family is set on ``@page`` too: margin boxes ("Trang x/y")
do not inherit it from ``body``.
"""

from __future__ import annotations

from typing import Any

from django.template.loader import render_to_string

FONT_STACK = '"Liberation Serif", "DejaVu Serif", "Noto Serif", serif'


def render_html(template: str, context: dict[str, Any]) -> str:
    return render_to_string(template, {"font_stack": FONT_STACK, **context})


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: loading pango costs ~0.3 s at start-up

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    return html_to_pdf(render_html(template, context))
