"""House rule 3: state changes only in services. Fails when an ORM write appears anywhere else.

Every module under ``src/baucu`` is parsed with :mod:`ast`; a write call is allowed only in a
``services.py`` module, inside a ``services/`` package, in a migration, or in a module of the short
``ALLOWLIST`` below (infrastructure that is not domain state, each with its reason).

What counts as a write (the detector cannot know types, so it reads the call's shape):
- ``.create(…)``, ``.get_or_create(…)``, ``.update_or_create(…)``, ``.bulk_create(…)``,
  ``.bulk_update(…)``: always (these names are the ORM's);
- ``.save()`` and ``.delete()`` without positional arguments (a model or queryset; ``book.save(path)``
  of openpyxl or ``cache.delete(key)`` take one);
- ``.update(name=value, …)`` with keyword arguments only (a queryset; ``dict.update(mapping)`` and
  ``hashlib``'s ``update(data)`` take a positional one);
- ``.execute(…)`` / ``.executemany(…)`` of an SQL literal that inserts, updates, deletes or truncates.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import baucu

PACKAGE = Path(baucu.__file__).resolve().parent

ALWAYS = frozenset({"create", "get_or_create", "update_or_create", "bulk_create", "bulk_update"})
NO_POSITIONAL = frozenset({"save", "delete"})
SQL_WRITE = re.compile(r"\b(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM|TRUNCATE)\b", re.IGNORECASE)

# Module (dotted, under baucu) → why it may write outside a service. Keep it short: a domain change
# belongs in a service with its permission check and audit event.
ALLOWLIST: dict[str, str] = {
    # The audit writer itself: the event and the chain head are the record, not a change to record.
    "audit.events": "appends audit events and moves the chain head",
    "audit.models": "AuditEvent.save refuses updates (append-only), calling Model.save once",
    # Sign-in and lookup throttles: counters of attempts, not election data.
    "accounts.throttle": "sign-in attempt counter",
    "public.throttle": "public lookup attempt counters",
    # The voter import's set-based loader (house rule 5): COPY / executemany of the lists in one
    # transaction with its own audit events (3001, 3002); its progress row is written outside that
    # transaction on purpose, so the progress page can read it.
    "voters.imports": "bulk loader of voter lists, audited as 3001/3002",
    # Test fixtures that still ship in the package.
    "accounts.testing": "moved to tests/ by the election-scope part",
    "accounts.scoped_kwargs": "moved to tests/ by the election-scope part",
    "voters.scoped_kwargs": "moved to tests/ by the election-scope part",
}


@dataclass(frozen=True)
class Write:
    module: str
    line: int
    call: str

    def __str__(self) -> str:
        return f"baucu.{self.module}:{self.line}: {self.call}"


def _sql_text(node: ast.expr) -> str:
    """The literal text of an SQL argument (f-strings and concatenations included), else ''."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_sql_text(v) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _sql_text(node.left) + " " + _sql_text(node.right)
    return ""


def is_write(call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    name = call.func.attr
    positional = [a for a in call.args if not isinstance(a, ast.Starred)]
    if name in ALWAYS:
        return True
    if name in NO_POSITIONAL:
        return not positional
    if name == "update":
        return not call.args and bool(call.keywords)
    if name in ("execute", "executemany") and call.args:
        return bool(SQL_WRITE.search(_sql_text(call.args[0])))
    return False


def writes_in(source: str, module: str) -> list[Write]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and is_write(node):
            found.append(Write(module, node.lineno, ast.unparse(node.func)))
    return sorted(found, key=lambda w: w.line)


def is_service_or_migration(parts: tuple[str, ...]) -> bool:
    return parts[-1] == "services.py" or "services" in parts[:-1] or "migrations" in parts[:-1]


def writes_outside_services(root: Path = PACKAGE) -> dict[str, list[Write]]:
    found: dict[str, list[Write]] = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if is_service_or_migration(parts):
            continue
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        writes = writes_in(path.read_text(encoding="utf-8"), module)
        if writes:
            found[module] = writes
    return found


def test_no_orm_write_outside_services_migrations_and_the_allowlist() -> None:
    stray = [
        str(w)
        for module, writes in writes_outside_services().items()
        if module not in ALLOWLIST
        for w in writes
    ]
    assert not stray, "ORM writes outside a service (house rule 3):\n" + "\n".join(stray)


def test_every_allowlisted_module_exists_and_still_writes() -> None:
    """An entry that no longer writes is removed, so the list stays as short as the truth."""
    found = writes_outside_services()
    assert sorted(m for m in ALLOWLIST if m not in found) == []


SAMPLE = """
from django.db import connection
from app.models import Area, Body

def sneaky(area, body, rows, digest, book, cache, data):
    Area.objects.create(number=1)                       # write
    Area.objects.get_or_create(number=2)                # write
    Area.objects.filter(number=3).update(number=4)      # write
    Area.objects.filter(number=5).delete()              # write
    area.save()                                         # write
    area.save(update_fields=["number"])                 # write
    body.delete()                                       # write
    Body.objects.bulk_create(rows)                      # write
    Body.objects.bulk_update(rows, ["name"])            # write
    Area.objects.update_or_create(number=6)             # write
    area.constituencies.through.objects.bulk_create(rows)  # write
    connection.cursor().execute("DELETE FROM app_area WHERE id = %s", [1])  # write
    connection.cursor().execute(f"INSERT INTO {Area._meta.db_table} (x) VALUES (1)")  # write
    connection.cursor().executemany("update app_area set number = %s", rows)  # write
    digest.update(b"bytes")        # hashlib: not a write
    data.update({"a": 1})          # dict: not a write
    book.save("out.xlsx")          # openpyxl: not a write
    cache.delete("key")            # a cache or a file store: not a write
    connection.cursor().execute("SELECT 1")  # a read
    return Area.objects.filter(number=1).exists()
"""


def test_the_detector_flags_every_kind_of_write_and_nothing_else() -> None:
    marked = [n for n, line in enumerate(SAMPLE.splitlines(), start=1) if line.endswith("# write")]
    assert len(marked) == 14
    assert [w.line for w in writes_in(SAMPLE, "sample")] == marked


def test_a_stray_write_is_reported_and_the_same_code_in_a_service_is_not(tmp_path: Path) -> None:
    (tmp_path / "elections" / "services").mkdir(parents=True)
    (tmp_path / "elections" / "migrations").mkdir(parents=True)
    for where in ("views.py", "services.py", "services/bulk.py", "migrations/0002_fill.py"):
        (tmp_path / "elections" / where).write_text(SAMPLE, encoding="utf-8")
    found = writes_outside_services(tmp_path)
    assert list(found) == ["elections.views"]
    assert len(found["elections.views"]) == 14
