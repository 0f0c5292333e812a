"""Compile the translation catalogues when a ``.po`` file is newer than its ``.mo``.

The compiled ``.mo`` files are committed, so this only matters after editing a catalogue; it
uses Python's own msgfmt logic (no gettext binaries needed on a fresh machine).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from baucu.i18n_catalogues import compile_po


class Command(BaseCommand):
    help = "Compile baucu's .po catalogues that changed (no gettext tools needed)"

    def handle(self, *args: Any, **options: Any) -> None:
        root = Path(__file__).resolve().parents[2]
        for po in root.rglob("locale/*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                compile_po(po, mo)
                if options["verbosity"] > 0:
                    self.stdout.write(f"compiled {mo}")
