"""``baucu printouts sweep``: cached printouts hold personal data and are deleted when unused."""

from __future__ import annotations

import datetime as dt
import io
import os
import time
from pathlib import Path
from typing import Any

from django.core.management import call_command

from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.audit.verify import verify_chain
from baucu.reports.pdf import CACHE_FOLDER, cached
from baucu.reports.printout_cache import sweep

DAY = 86400


def _file(root: Path, name: str, age_days: float, body: bytes = b"%PDF-1.7 test") -> Path:
    path = root / CACHE_FOLDER / name[:2] / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(body)
    moment = time.time() - age_days * DAY
    os.utime(path, (moment, moment))
    return path


def test_files_unused_for_the_period_and_leftover_temporaries_are_deleted(
    tmp_path: Path, settings: Any
) -> None:
    settings.FILE_STORE_DIR = tmp_path
    old = _file(tmp_path, "aa11.pdf", 8)
    fresh = _file(tmp_path, "aa22.pdf", 1)
    leftover = _file(tmp_path, "bb33.tmp", 9)
    alone = _file(tmp_path, "cc44.pdf", 30)
    other = _file(tmp_path, "dd55.txt", 30)  # not a printout: never touched
    done = sweep(unused_for=dt.timedelta(days=7))
    assert (done.files, done.kept) == (3, 1)
    assert done.bytes == sum(len(b"%PDF-1.7 test") for _ in range(3))
    assert [x.exists() for x in (old, leftover, alone)] == [False, False, False]
    assert [x.exists() for x in (fresh, other)] == [True, True]
    assert not (tmp_path / CACHE_FOLDER / "bb").exists()  # an emptied folder goes too


def test_serving_a_cached_printout_counts_as_a_use(tmp_path: Path, settings: Any) -> None:
    settings.FILE_STORE_DIR = tmp_path
    html = "<p>Danh sách cử tri</p>"
    renders: list[int] = []

    def render() -> bytes:
        renders.append(1)
        return b"%PDF-1.7 list"

    assert cached(html, render) == b"%PDF-1.7 list"
    (path,) = (tmp_path / CACHE_FOLDER).rglob("*.pdf")
    moment = time.time() - 10 * DAY
    os.utime(path, (moment, moment))
    assert cached(html, render) == b"%PDF-1.7 list"  # a hit: not rendered again, and touched
    assert len(renders) == 1
    assert sweep(unused_for=dt.timedelta(days=7)).files == 0
    assert path.exists()


def test_the_sweep_command_deletes_and_leaves_an_audit_event(tmp_path: Path, settings: Any, db: None) -> None:
    settings.FILE_STORE_DIR = tmp_path
    _file(tmp_path, "aa11.pdf", 2)
    _file(tmp_path, "aa22.pdf", 0)
    out = io.StringIO()
    call_command("printouts", "sweep", "--days", "1", stdout=out)
    assert "deleted 1 cached printouts" in out.getvalue()
    with unscoped("test"):
        event = AuditEvent.objects.filter(action=int(AuditAction.PRINTOUTS_SWEPT)).get()
        assert verify_chain().ok
    assert event.new_value["deleted_files"] == 1
    assert event.new_value["kept_files"] == 1
    assert event.actor_username.startswith("system")


def test_sweeping_an_empty_store_is_harmless(tmp_path: Path, settings: Any) -> None:
    settings.FILE_STORE_DIR = tmp_path / "nothing-yet"
    assert sweep().files == 0
