"""Normalised keys for unit names, on top of ``baucu.law.collation``.

Official sources spell one name several ways: tone marks on different vowels (``Hòa`` / ``Hoà``),
typographic or straight apostrophes, and dashes with or without spaces (``Chân Mây - Lăng Cô`` /
``Chân Mây-Lăng Cô``). Names are stored as given (NFC); comparisons go through these keys.
"""

from __future__ import annotations

import re
import unicodedata

from baucu.law import collation

_DASHES = re.compile(r"\s*[-\u2010-\u2015]\s*")


def clean(text: str) -> str:
    """The stored form: NFC, one apostrophe, single spaces, trimmed."""
    return collation.normalize(text)


def match_key(text: str) -> str:
    """Equal for two spellings of one name: case, tone placement, apostrophes and dashes ignored.

    ``hòa`` and ``hoà`` match; ``hòa`` and ``hoa`` do not (a different tone is a different name).
    """
    return collation.match_key(_DASHES.sub(" - ", collation.normalize(text)))


def search_key(text: str) -> str:
    """Key without any diacritics (``đ`` as ``d``): what people type without a Vietnamese keyboard."""
    decomposed = unicodedata.normalize("NFD", match_key(text).replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
