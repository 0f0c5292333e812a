"""Deleting cached printouts that are no longer used (``baucu printouts sweep``).

``pdf.cached`` keeps every rendered list, card set and certificate in the file store, under a key of
its content: an old version of a list stays there after the list changed. Those files hold names, birth
dates and identity numbers, so they are not kept longer than they serve: a file not used for
``unused_for`` (its modification time, which a cache hit refreshes) is deleted, and so are the
temporary files of a render that was interrupted. Run it daily (cron or a systemd timer); a deleted
printout is rendered again on its next download.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass

from django.db import transaction

from baucu.accounts.actor import Actor
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.reports.pdf import cache_dir

DEFAULT_UNUSED_FOR = dt.timedelta(days=7)


@dataclass(frozen=True)
class Sweep:
    files: int
    bytes: int
    kept: int


def sweep(*, unused_for: dt.timedelta = DEFAULT_UNUSED_FOR, now: float | None = None) -> Sweep:
    """Delete the cached printouts (and leftover temporary files) not used for ``unused_for``."""
    cutoff = (time.time() if now is None else now) - unused_for.total_seconds()
    files = size = kept = 0
    root = cache_dir()
    if not root.is_dir():
        return Sweep(0, 0, 0)
    for path in sorted(root.glob("*/*")):
        if path.suffix not in (".pdf", ".tmp") or not path.is_file():
            continue
        try:
            stat = path.stat()
            if stat.st_mtime >= cutoff:
                kept += 1
                continue
            path.unlink()
        except FileNotFoundError:  # deleted by a concurrent sweep
            continue
        files += 1
        size += stat.st_size
    for folder in root.iterdir():
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return Sweep(files, size, kept)


def do_sweep_printouts(*, actor: Actor, unused_for: dt.timedelta = DEFAULT_UNUSED_FOR) -> Sweep:
    """``sweep``, with an audit event: copies of personal data were deleted."""
    done = sweep(unused_for=unused_for)
    with transaction.atomic():
        record_event(
            AuditAction.PRINTOUTS_SWEPT,
            actor=actor,
            object_type="printout_cache",
            new_value={
                "deleted_files": done.files,
                "deleted_bytes": done.bytes,
                "kept_files": done.kept,
                "unused_for_days": unused_for.total_seconds() / 86400,
            },
        )
    return done
