"""Compile gettext ``.po`` catalogues to ``.mo`` in pure Python.

A fresh machine may have no gettext tools; this handles the subset Django catalogues use
(msgctxt, msgid, msgid_plural, msgstr, msgstr[n], multi-line strings, fuzzy entries skipped).
"""

from __future__ import annotations

import ast
import struct
from pathlib import Path


def _parse(po_text: str) -> dict[bytes, bytes]:
    messages: dict[bytes, bytes] = {}
    entry: dict[str, list[str]] = {}
    current: str | None = None
    fuzzy = False

    def flush() -> None:
        nonlocal entry, fuzzy
        if "msgid" in entry and not fuzzy:
            msgid = "".join(entry["msgid"])
            ctx = entry.get("msgctxt")
            if ctx is not None:
                msgid = "".join(ctx) + "\x04" + msgid
            if "msgid_plural" in entry:
                msgid += "\x00" + "".join(entry["msgid_plural"])
                plurals = sorted(k for k in entry if k.startswith("msgstr["))
                msgstr = "\x00".join("".join(entry[k]) for k in plurals)
            else:
                msgstr = "".join(entry.get("msgstr", []))
            if msgstr or not msgid:
                messages[msgid.encode()] = msgstr.encode()
        entry, fuzzy = {}, False

    for raw in po_text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is not None:
                entry[current].append(ast.literal_eval(line))
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgid", "msgctxt") and "msgstr" in "".join(entry.keys()):
            was_fuzzy = fuzzy
            flush()
            fuzzy = was_fuzzy
        current = keyword
        entry[current] = [ast.literal_eval(rest)]
    flush()
    return messages


def compile_po(po: Path, mo: Path) -> None:
    messages = _parse(po.read_text(encoding="utf-8"))
    keys = sorted(messages)
    ids = b""
    strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(messages[key])))
        ids += key + b"\x00"
        strs += messages[key] + b"\x00"
    header_size = 7 * 4
    keystart = header_size + 16 * len(keys)
    valuestart = keystart + len(ids)
    koffsets: list[int] = []
    voffsets: list[int] = []
    for o1, l1, o2, l2 in offsets:
        koffsets += [l1, o1 + keystart]
        voffsets += [l2, o2 + valuestart]
    output = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), header_size, header_size + len(keys) * 8, 0, 0)
    output += struct.pack(f"{len(koffsets)}i", *koffsets) if koffsets else b""
    output += struct.pack(f"{len(voffsets)}i", *voffsets) if voffsets else b""
    mo.write_bytes(output + ids + strs)
