"""Poppler (pdftoppm, pdftotext, pdffonts, pdfinfo) around a rendered PDF, for the printout tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

TOOLS = ("pdftoppm", "pdftotext", "pdffonts", "pdfinfo")
MM_PER_PT = 25.4 / 72


def require_poppler() -> None:
    """CI (BAUCU_REQUIRE_BROWSER=1) installs poppler-utils: missing there is a failure, elsewhere a skip."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"{', '.join(missing)} not found: apt-get install poppler-utils"
        if os.environ.get("BAUCU_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=120).stdout


def write(pdf: bytes, path: Path) -> Path:
    assert pdf.startswith(b"%PDF-")
    path.write_bytes(pdf)
    return path


def text(path: Path, *, first: int = 1, last: int | None = None) -> str:
    pages = ["-f", str(first)] + (["-l", str(last)] if last else [])
    return _run("pdftotext", "-layout", *pages, str(path), "-")


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


def fonts(path: Path) -> list[Font]:
    lines = _run("pdffonts", str(path)).splitlines()[2:]  # two header lines
    found = []
    for line in lines:
        # name, type (may contain spaces), encoding, emb, sub, uni, object, id
        match = re.match(r"(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$", line)
        assert match, f"unexpected pdffonts line: {line!r}"
        found.append(Font(match.group(1), match.group(2), match.group(4) == "yes"))
    return found


@dataclass(frozen=True)
class PageInfo:
    pages: int
    width_mm: float
    height_mm: float


def info(path: Path) -> PageInfo:
    out = _run("pdfinfo", str(path))
    pages = int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    assert size is not None
    return PageInfo(pages, float(size.group(1)) * MM_PER_PT, float(size.group(2)) * MM_PER_PT)


def first_page_png(path: Path, out_dir: Path, dpi: int = 50) -> Path:
    prefix = out_dir / path.stem
    _run("pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(path), str(prefix))
    png = prefix.with_suffix(".png")
    assert png.exists(), "pdftoppm did not write page 1"
    assert png.stat().st_size > 0, "pdftoppm wrote an empty file"
    return png


def ink_fraction(png: Path) -> float:
    """Share of pixels that are not white: a blank page is 0."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return 1 - sum(histogram[250:]) / sum(histogram)


def assert_only_liberation_serif(path: Path) -> None:
    """Every font embedded, all of them Liberation Serif (no DejaVu/Noto fallback, no Type 3)."""
    found = fonts(path)
    assert found, "no fonts in the PDF"
    for font in found:
        assert font.embedded, f"{font.name} is not embedded"
        assert "Type 3" not in font.type, f"{font.name} is a Type 3 font"
        assert font.name.split("+")[-1].startswith("Liberation-Serif"), f"fallback font {font.name}"
