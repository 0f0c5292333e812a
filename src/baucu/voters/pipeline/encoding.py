"""Legacy Vietnamese encodings of CSV extracts: recognise, convert Windows-1258, refuse TCVN3.

The extract must be UTF-8 (spec/formats.md §4), but files saved by older tools arrive as
Windows-1258 (Python codec ``cp1258``), which writes tones as *combining* marks after the vowel, or
as TCVN3 (ABC, the ``.VnTime`` fonts), which puts precomposed letters at bytes 0xA1–0xFE. They are
told apart by statistics of the bytes that are not ASCII:

- decoded as cp1258 and NFC-normalised, Windows-1258 text gives almost only Vietnamese letters;
- TCVN3 puts frequent letters (ă â ê ô ơ ư đ à á ...) at 0xA1–0xBF, which in cp1258 are symbols
  (¡ ¢ £ ... ¿) that do not occur in names.

Windows-1258 is converted (NFC); TCVN3 is refused with a message saying how to convert it, because
TCVN3 has no upper-case toned letters and converting it would have to guess letter case in names.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

from baucu.voters.pipeline.problems import invalid

VIETNAMESE_LETTERS = (  # precomposed (NFC), lower and upper case
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
_VIETNAMESE_RE = re.compile(f"[{VIETNAMESE_LETTERS}]")
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_ASCII = bytes(range(0x80))
_NOT_A1_BF = bytes(b for b in range(0x100) if not 0xA1 <= b <= 0xBF)
_SAMPLE = 4 << 20
_CHUNK = 16 << 20
_RULE = "spec/formats.md §4 (CSV in UTF-8)"


def first_invalid_utf8(path: Path) -> int | None:
    """Byte offset of the first byte that is not valid UTF-8, or None (the file is streamed)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return offset + exc.start
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset
    return None


def recognise(sample: bytes) -> str | None:
    """``"cp1258"``, ``"tcvn3"`` or None for a sample of bytes that is not UTF-8."""
    high = len(sample.translate(None, _ASCII))
    if not high:
        return None
    text = unicodedata.normalize("NFC", sample.decode("cp1258", errors="replace"))
    non_ascii = len(_NON_ASCII_RE.findall(text))
    vietnamese = len(_VIETNAMESE_RE.findall(text))
    if non_ascii and vietnamese / non_ascii >= 0.97:
        return "cp1258"
    tcvn3_letters = len(sample.translate(None, _NOT_A1_BF))
    if tcvn3_letters / high >= 0.15:
        return "tcvn3"
    return None


def ensure_utf8(path: Path, workdir: Path) -> Path:
    """``path`` itself if it is UTF-8; a converted UTF-8 copy if it is Windows-1258; else refuse."""
    bad_at = first_invalid_utf8(path)
    if bad_at is None:
        return path
    with path.open("rb") as f:
        head = f.read(4)
        f.seek(max(0, bad_at - _SAMPLE // 2))
        sample = f.read(_SAMPLE)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise invalid(
            str(path),
            _RULE,
            "encoding_utf16",
            f"{path}: the file is UTF-16; save it as CSV UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)').",
        )
    encoding = recognise(sample)
    if encoding == "cp1258":
        try:
            return _convert_cp1258(path, workdir)
        except UnicodeDecodeError as exc:
            raise invalid(
                str(path),
                _RULE,
                "encoding_unknown",
                f"{path}: looks like Windows-1258 but holds a byte that is not ({exc.reason}); "
                "save it as CSV UTF-8 and try again.",
            ) from exc
    line = _line_of(path, bad_at)
    if encoding == "tcvn3":
        raise invalid(
            f"{path}:{line}",
            _RULE,
            "encoding_tcvn3",
            f"{path}: the file is not UTF-8; its bytes are TCVN3 (ABC, the old .VnTime fonts), first seen on "
            f"line {line}. Convert it to Unicode UTF-8 and try again, e.g. with UniKey's converter (Công cụ "
            "chuyển mã: source TCVN3 (ABC), destination Unicode UTF-8), then save as CSV UTF-8.",
        )
    raise invalid(
        f"{path}:{line}",
        _RULE,
        "encoding_unknown",
        f"{path}: the file is not UTF-8 (invalid byte on line {line}) and its encoding was not recognised "
        "as Windows-1258 or TCVN3. Save it as CSV UTF-8 and try again.",
    )


def _line_of(path: Path, offset: int) -> int:
    with path.open("rb") as f:
        return f.read(offset).count(b"\n") + 1


def _convert_cp1258(path: Path, workdir: Path) -> Path:
    """Decode Windows-1258 and normalise to NFC (its tones are combining marks), line-aligned chunks."""
    out = workdir / (path.stem + ".utf8.csv")
    with path.open("rb") as src, out.open("w", encoding="utf-8", newline="") as dst:
        rest = b""
        while chunk := src.read(_CHUNK):
            chunk = rest + chunk
            cut = chunk.rfind(b"\n") + 1
            rest = chunk[cut:]
            dst.write(unicodedata.normalize("NFC", chunk[:cut].decode("cp1258", errors="strict")))
        dst.write(unicodedata.normalize("NFC", rest.decode("cp1258", errors="strict")))
    return out
