"""Vietnamese collation: the sort key agrees with ICU (DuckDB ``COLLATE vi``)."""

from __future__ import annotations

import functools
import sqlite3
import unicodedata

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from baucu.law.collation import compare, match_key, normalize, sort_key

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Đinh",
    "Ưng",
    "Âu",
    "Lò",
    "Hà",
]
MIDDLES = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Xuân", "Quốc", "Thu", "Bảo", "Kim", ""]
GIVENS = [
    "An",
    "Anh",
    "Ánh",
    "Ân",
    "Bình",
    "Dung",
    "Đào",
    "Hòa",
    "Hoà",
    "Thủy",
    "Thuỷ",
    "Uyên",
    "Ưng",
    "Hương",
    "Hường",
    "Hưởng",
    "Huệ",
    "Lan",
    "Lân",
    "Long",
    "Nga",
    "Ngà",
    "Ngả",
    "Ngã",
    "Ngá",
    "Ngạ",
    "Phúc",
    "Phước",
    "Quý",
    "Quỳnh",
    "Sơn",
    "Tâm",
    "Thắng",
    "Trung",
    "Tuấn",
    "Việt",
    "Yến",
    "Ý",
]
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]


def _strip_tones(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))


@st.composite
def syllables(draw: st.DrawFn, pool: list[str]) -> str:
    """A syllable from the pool, re-toned at random and in a random case."""
    word = _strip_tones(draw(st.sampled_from(pool)))
    if draw(st.booleans()):
        vowels = [i for i, c in enumerate(word) if c.lower() in "aăâeêioôơuưy"]
        if vowels:
            at = draw(st.sampled_from(vowels))
            word = word[: at + 1] + draw(st.sampled_from(TONES)) + word[at + 1 :]
    case = draw(st.sampled_from(["title", "lower", "upper", "keep"]))
    word = {"title": word.title(), "lower": word.lower(), "upper": word.upper()}.get(case, word)
    return unicodedata.normalize("NFC", word)


@st.composite
def names(draw: st.DrawFn) -> str:
    parts = [draw(syllables(SURNAMES)), draw(syllables(MIDDLES)), draw(syllables(GIVENS))]
    return " ".join(p for p in parts if p)


def icu_order(values: list[str]) -> list[str]:
    con = duckdb.connect()
    con.execute("create table t (x varchar)")
    con.executemany("insert into t values (?)", [[v] for v in values])
    return [row[0] for row in con.execute("select x from t order by x collate vi").fetchall()]


@settings(max_examples=200, deadline=None)
@given(st.lists(names(), min_size=2, max_size=40, unique=True))
def test_sort_key_orders_names_as_icu_vi(values: list[str]) -> None:
    assert sorted(values, key=sort_key) == icu_order(values)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text(alphabet="aăâbdđeêoôơuưyAĂÂĐƯ -.'0 9_àảãáạằẳẵắặ", max_size=6), min_size=1, unique=True)
)
def test_sort_key_orders_spaces_punctuation_and_digits_as_icu_vi(values: list[str]) -> None:
    values = list(dict.fromkeys(unicodedata.normalize("NFC", v) for v in values))
    assert sorted(values, key=sort_key) == icu_order(values)


def test_vietnamese_letters_are_separate_primary_letters() -> None:
    assert sorted(["Đào", "Dung", "Bình", "Ân", "Ánh", "An"], key=sort_key) == [
        "An",
        "Ánh",
        "Ân",
        "Bình",
        "Dung",
        "Đào",
    ]
    assert sorted(["Ưng", "Uyên", "Đặng", "Dương", "Ân", "Anh"], key=sort_key) == [
        "Anh",
        "Ân",
        "Dương",
        "Đặng",
        "Uyên",
        "Ưng",
    ]


def test_tones_order_ngang_huyen_hoi_nga_sac_nang() -> None:
    assert sorted(["má", "mạ", "mã", "mả", "mà", "ma"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_case_is_tertiary_lowercase_first() -> None:
    assert sorted(["Ba", "bà", "ba", "BA"], key=sort_key) == ["ba", "Ba", "BA", "bà"]


def test_space_and_punctuation_sort_before_digits_and_letters() -> None:
    assert sorted(["ab", "a1", "a-b", "a b", "a"], key=sort_key) == ["a", "a b", "a-b", "a1", "ab"]


def test_key_of_decomposed_text_equals_key_of_composed_text() -> None:
    assert sort_key("Nguye\u0302\u0303n") == sort_key("Nguyễn")


def test_other_scripts_marks_and_control_characters() -> None:
    # Other Latin letters sort as their base letter with an accent after the tones; controls are ignored.
    assert sorted(["é", "ẹ", "e", "z", "中", "e\u0308"], key=sort_key) == [
        "e",
        "é",
        "ẹ",
        "e\u0308",
        "z",
        "中",
    ]
    assert sort_key("a\x00b")[:3] == sort_key("ab")[:3]
    assert sort_key("q\u0300")[1] == (0, 1)  # a mark NFC cannot attach is still an accent
    assert sort_key("ǅ")[0] == sort_key("ǆ")[0]
    assert sort_key("İ")[2][0] == 1  # a capital whose lowercase is two characters is still a capital


@pytest.mark.parametrize(("a", "b", "expected"), [("An", "Ân", -1), ("Ân", "An", 1), ("Ân", "Ân", 0)])
def test_compare_is_a_three_way_comparison(a: str, b: str, expected: int) -> None:
    assert compare(a, b) == expected


def test_compare_works_as_an_sqlite_collation() -> None:
    con = sqlite3.connect(":memory:")
    con.create_collation("vi", compare)
    con.execute("create table t (x text)")
    con.executemany("insert into t values (?)", [("Đào",), ("Dung",), ("Ân",), ("An",)])
    rows = [r[0] for r in con.execute("select x from t order by x collate vi")]
    assert rows == ["An", "Ân", "Dung", "Đào"]
    assert sorted(["Đào", "An"], key=functools.cmp_to_key(compare)) == ["An", "Đào"]


def test_normalize_nfc_apostrophes_and_whitespace() -> None:
    assert normalize("  H\u2019Hen   Niê\t") == "H'Hen Niê"
    assert normalize("Nguye\u0302\u0303n") == "Nguyễn"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hòa", "Hoà"),
        ("Thủy", "Thuỷ"),
        ("NGUYỄN THỊ THUỶ", "nguyễn thị thủy"),
        ("Khỏe", "Khoẻ"),
        ("H’Hen  Niê", "H'Hen Niê"),
        ("Người", "người"),
    ],
)
def test_match_key_ignores_case_and_tone_placement(a: str, b: str) -> None:
    assert match_key(a) == match_key(b)


@pytest.mark.parametrize(("a", "b"), [("Hòa", "Hoa"), ("Hòa", "Hỏa"), ("An", "Ân"), ("Dung", "Đung")])
def test_match_key_keeps_tones_and_letters_apart(a: str, b: str) -> None:
    assert match_key(a) != match_key(b)


def test_match_key_of_a_lone_tone_mark() -> None:
    assert match_key("\u0300") == "\u0300"
