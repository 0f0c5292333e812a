"""``{{ text|article }}``: legal citations as a Vietnamese reader writes them.

The law core cites "Art. 10(4)", "Art. 24(3)(d)", "Art. 10(2), 10(3)"; the Vietnamese UI shows
"Điều 10 khoản 4", "Điều 24 khoản 3 điểm d", "Điều 10 khoản 2, Điều 10 khoản 3". English keeps the
law core's form. Works on a bare article or on a message that cites one.
"""

from __future__ import annotations

import re

from django import template
from django.utils import translation

register = template.Library()

_REF = r"\d+(?:\([0-9a-zđ]+\))*"
_CITATION = re.compile(rf"\bArt\.\s*({_REF}(?:(?:,\s*|\s*[–-]\s*){_REF})*)")
_PARTS = re.compile(r"\(([0-9a-zđ]+)\)")
_SEPARATOR = re.compile(r"(,\s*|\s*[–-]\s*)")


def _one(ref: str, *, prefix: bool = True) -> str:
    number = ref.split("(", 1)[0]
    words = [f"Điều {number}" if prefix else number]
    for name, part in zip(("khoản", "điểm"), _PARTS.findall(ref), strict=False):
        words.append(f"{name} {part}")
    return " ".join(words)


def _vi(match: re.Match[str]) -> str:
    pieces = _SEPARATOR.split(match.group(1))
    out, after_range = [], False
    for piece in pieces:
        if _SEPARATOR.fullmatch(piece):
            after_range = piece.strip() in ("–", "-")
            out.append("–" if after_range else ", ")
        else:
            out.append(_one(piece, prefix=not after_range))
    return "".join(out)


def cite(text: str, language: str = "vi") -> str:
    """Every "Art. …" citation of ``text`` in ``language``'s usual form."""
    if language.startswith("en"):
        return text
    return _CITATION.sub(_vi, text)


@register.filter
def article(text: object) -> str:
    """The citations of ``text`` in the active language (Vietnamese: "Điều 10 khoản 4")."""
    return cite(str(text), translation.get_language() or "vi")
