"""HTML → PDF through WeasyPrint, with the fonts of official forms.

Liberation Serif is metric-compatible with Times New Roman, the font of official documents; DejaVu and
Noto are declared as fallbacks but never needed for Vietnamese (the tests assert, with ``pdffonts``,
that only Liberation Serif is embedded). The family is set on ``@page`` too: margin boxes ("Trang x/y")
do not inherit it from ``body``.

Speed (see docs/performance.md, "Printouts"): WeasyPrint lays out every page in Python. The cards
are laid out once per area (``card_stamp``), and ``cached`` keeps every rendered file in the file
store under the SHA-256 of its HTML, of the WeasyPrint version and of this package's code: the second
download of an unchanged list is a file read, and any change to a printed field (a voter added,
removed, renamed, renumbered) changes the HTML and so the key, with nothing to invalidate by hand. The
files hold identity numbers: ``printout_cache`` deletes those not used for a while.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

FONT_STACK = '"Liberation Serif", "DejaVu Serif", "Noto Serif", serif'
CACHE_FOLDER = "printouts"  # under settings.FILE_STORE_DIR


def render_html(template: str, context: dict[str, Any]) -> str:
    return render_to_string(template, {"font_stack": FONT_STACK, **context})


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported late: loading pango costs ~0.3 s at start-up

    pdf: bytes = HTML(string=html).write_pdf()
    return pdf


def render_pdf(template: str, context: dict[str, Any], *, use_cache: bool = True) -> bytes:
    html = render_html(template, context)
    return cached(html, lambda: html_to_pdf(html)) if use_cache else html_to_pdf(html)


@cache
def _renderer_version() -> str:
    """WeasyPrint's version and this package's code: a new renderer never serves an old file."""
    code = hashlib.sha256()
    for module in sorted(Path(__file__).parent.glob("*.py")):
        code.update(module.read_bytes())
    return f"weasyprint {version('weasyprint')} reports {code.hexdigest()}\n"


def _cache_path(html: str) -> Path:
    key = hashlib.sha256((_renderer_version() + html).encode()).hexdigest()
    return cache_dir() / key[:2] / f"{key}.pdf"


def cache_dir() -> Path:
    from django.conf import settings

    return Path(settings.FILE_STORE_DIR) / CACHE_FOLDER


def cached(html: str, render: Callable[[], bytes]) -> bytes:
    """The PDF of ``html`` from the file store, else ``render()`` stored there (atomically).

    A file served is touched: its modification time is its last use, which ``printout_cache.sweep``
    goes by."""
    path = _cache_path(html)
    try:
        pdf = path.read_bytes()
    except FileNotFoundError:
        pass
    else:
        with contextlib.suppress(FileNotFoundError):  # swept meanwhile: the bytes read are the file's
            os.utime(path)
        return pdf
    pdf = render()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
        out.write(pdf)
    os.replace(out.name, path)
    return pdf
