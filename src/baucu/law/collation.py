"""Vietnamese collation: one sort key for the database, the printed lists and the UI.

The key reproduces ICU's ``vi`` collation (PostgreSQL ``vi-VN-x-icu``, DuckDB ``COLLATE vi``) at
tertiary strength, so a list sorted here and one sorted by the database agree. What ICU does, checked
against DuckDB 2.0 before this was written:

- primary: ``a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y`` are separate letters
  (``f j w z`` in their Latin places); spaces and punctuation are *not* ignorable (CLDR root default
  ``alternate=non-ignorable``) and sort before digits, which sort before letters;
- secondary: the tone marks, in the order ngang (none) < huyền < hỏi < ngã < sắc < nặng — the
  traditional dictionary order, which is also CLDR's ``vi`` tailoring, so nothing differs from ICU;
- tertiary: case, lowercase first;
- each level is compared left to right (no French backwards accents): ``hoà`` < ``hòa`` because the
  first tone difference is at the ``o``.

Outside Vietnamese, ASCII and common punctuation the key is an approximation: other Latin letters sort
as their base letter with their marks as accents after the tones, other scripts after Latin by code
point, and control and format characters are ignored (as in ICU).
"""

from __future__ import annotations

import re
import unicodedata

# Empirical ICU order of spaces, punctuation and symbols (DuckDB ``COLLATE vi``).
_SPECIALS = (
    "\t \u00a0_-\u2013\u2014,;:!?.\u2026\u00b7'\u2018\u2019\"\u201c\u201d\u00ab\u00bb()[]{}\u00a7@*/\\&#%`^"
    "\u00b0\u00a9\u00ae+\u00b1\u00f7\u00d7<=>|~\u00a4\u00a2$\u00a3\u00a5\u20ac"
)
_SPECIAL_WEIGHT = {ch: i + 1 for i, ch in enumerate(_SPECIALS)}
_DIGIT_BASE = 200
_LETTERS = tuple("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
_LETTER_BASE = 300
_LETTER_WEIGHT = {letter: _LETTER_BASE + i for i, letter in enumerate(_LETTERS)}
_OTHER_BASE = 1000  # other letters and symbols: after Latin, by code point

# Marks that make a Vietnamese letter (primary): breve, circumflex, horn.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tone marks (secondary), in ICU vi order; 0 is ngang (no mark).
TONE_MARKS = ("\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TONE_WEIGHT = {mark: i + 1 for i, mark in enumerate(TONE_MARKS)}
_OTHER_MARK_BASE = 10

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
_WHITESPACE = re.compile(r"\s+")
_VOWELS = set("aăâeêioôơuưy")
_MODIFIED_VOWELS = set("ăâêôơư")

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]


def _mark_weight(mark: str) -> int:
    return _TONE_WEIGHT.get(mark) or _OTHER_MARK_BASE + ord(mark)


def _primary(ch: str) -> int | None:
    """Primary weight of one NFC character (lowercase), None for an ignorable one."""
    if ch in _SPECIAL_WEIGHT:
        return _SPECIAL_WEIGHT[ch]
    if ch in _LETTER_WEIGHT:
        return _LETTER_WEIGHT[ch]
    if ch.isdecimal():
        return _DIGIT_BASE + unicodedata.decimal(ch)
    if unicodedata.category(ch) in ("Cc", "Cf"):
        return None  # control and format characters are completely ignorable in ICU
    return _OTHER_BASE + ord(ch)


def sort_key(text: str) -> SortKey:
    """ICU-compatible Vietnamese sort key: (primaries, accents, case, text).

    The last member, the NFC text itself, only breaks ties between strings ICU calls equal, so the
    order is total and stable.
    """
    text = unicodedata.normalize("NFC", text)
    primaries: list[int] = []
    secondaries: list[int] = []
    tertiaries: list[int] = []
    for ch in text:
        lower = ch.lower()
        upper = 1 if lower != ch else 0
        if len(lower) != 1:
            lower = ch  # İ lowers to two characters: keep the capital, only the case level differs
        decomposed = unicodedata.normalize("NFD", lower)
        base = decomposed[0]
        marks = decomposed[1:]
        if unicodedata.combining(base):
            # A lone combining mark (one NFC could not attach): an accent on the previous letter.
            secondaries.append(_mark_weight(base))
            tertiaries.append(0)
            continue
        letter_marks = "".join(m for m in marks if m in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", base + letter_marks)
        if letter not in _LETTER_WEIGHT:
            letter, letter_marks = base, ""
        weight = _primary(letter)
        if weight is None:
            continue
        primaries.append(weight)
        secondaries.append(0)
        tertiaries.append(upper)
        for mark in marks:
            if mark not in letter_marks:
                secondaries.append(_mark_weight(mark))
                tertiaries.append(0)
    return tuple(primaries), tuple(secondaries), tuple(tertiaries), text


def compare(a: str, b: str) -> int:
    """-1, 0 or 1 as ``a`` sorts before, equal to or after ``b`` (an SQLite collation function)."""
    ka, kb = sort_key(a), sort_key(b)
    return (ka > kb) - (ka < kb)


def normalize(text: str) -> str:
    """NFC, one apostrophe (’ → '), single spaces, no leading or trailing space."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES)
    return _WHITESPACE.sub(" ", text).strip()


def _canonical_syllable(syllable: str) -> str:
    """The syllable with its tone moved to one fixed vowel, so Hòa and Hoà give the same key.

    Old-style and new-style tone placement differ only in which vowel carries the mark; the key puts
    it on the last vowel with a letter mark (ê, ơ, ...) if there is one, else on the last vowel.
    """
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = "".join(ch for ch in decomposed if ch in _TONE_WEIGHT)
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_WEIGHT))
    if not tones:
        return bare
    vowels = [i for i, ch in enumerate(bare) if ch in _VOWELS]
    modified = [i for i in vowels if bare[i] in _MODIFIED_VOWELS]
    at = (modified or vowels or [len(bare) - 1])[-1]
    return bare[: at + 1] + tones + bare[at + 1 :]


def match_key(text: str) -> str:
    """A key for matching names regardless of case and tone placement (Thủy = Thuỷ = THUỶ)."""
    text = unicodedata.normalize("NFC", normalize(text).casefold())
    syllables = re.split(r"(\W+)", text)
    return unicodedata.normalize("NFC", "".join(_canonical_syllable(s) for s in syllables))
