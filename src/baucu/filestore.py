"""A content-addressed file store on disk: a file's key is the SHA-256 of its bytes.

Files live under ``settings.FILE_STORE_DIR/objects/<first two hex digits>/<key>``. Storing the same
bytes twice keeps one file; a key names its content forever, so a row that holds a key (a job's result)
can never point at a different file later. Writes are atomic (a temporary file renamed into place).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from django.conf import settings

FOLDER = "objects"
_KEY = re.compile(r"^[0-9a-f]{64}$")


def _root() -> Path:
    return Path(settings.FILE_STORE_DIR) / FOLDER


def path_of(key: str) -> Path:
    """Where the file of ``key`` is (or would be); a malformed key is refused, never joined to a path."""
    if not _KEY.match(key):
        raise ValueError(f"not a file-store key: {key!r}")
    return _root() / key[:2] / key


def put_bytes(content: bytes) -> str:
    """Store ``content``; its key (SHA-256, hex)."""
    key = hashlib.sha256(content).hexdigest()
    path = path_of(key)
    if path.is_file():
        return key
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
        out.write(content)
    os.replace(out.name, path)
    return key


def read_bytes(key: str) -> bytes:
    return path_of(key).read_bytes()
