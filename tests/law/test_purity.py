"""The law core is pure: importing it pulls in neither Django nor a database driver (ARCHITECTURE rule 1)."""

from __future__ import annotations

import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import baucu.law

LAW_DIR = Path(baucu.law.__file__).parent
FORBIDDEN = ("django", "psycopg", "duckdb")


def _modules() -> list[str]:
    return sorted(f"baucu.law.{m.name}" for m in pkgutil.iter_modules([str(LAW_DIR)]))


def test_importing_every_law_module_loads_no_django_or_database_driver() -> None:
    modules = _modules()
    assert "baucu.law.results" in modules
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = json.loads(done.stdout)
    assert [m for m in loaded if m.split(".")[0].startswith(FORBIDDEN)] == []


def test_law_source_never_imports_django_or_a_database_driver() -> None:
    pattern = re.compile(r"^\s*(import|from)\s+(django|psycopg|duckdb)\b", re.MULTILINE)
    offenders = [p.name for p in LAW_DIR.glob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert not any("import django" in p.read_text(encoding="utf-8") for p in LAW_DIR.glob("*.py"))
