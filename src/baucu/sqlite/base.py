"""SQLite backend that can create columns with the collation ``vi-VN-x-icu``.

Django's SQLite schema editor writes ``COLLATE vi-VN-x-icu`` unquoted, which SQLite reads as a
subtraction and rejects; PostgreSQL's editor quotes it. Quoting the name here lets one
``db_collation=VI_COLLATION`` serve both backends (the collation itself is registered on every
connection by ``baucu.storage.register_sqlite_collation``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.db.backends.sqlite3 import base, schema


class DatabaseSchemaEditor(schema.DatabaseSchemaEditor):
    def _collate_sql(self, collation: str | None) -> str:
        return "COLLATE " + self.quote_name(collation) if collation else ""


class DatabaseWrapper(base.DatabaseWrapper):
    SchemaEditorClass = DatabaseSchemaEditor

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        # A fresh folder has no data folder yet (BAUCU_VAR_DIR, default ./var): create the database
        # file's folder on first use so that any command, `baucu migrate` first, works there.
        name = str(conn_params["database"])
        if not (name == ":memory:" or name.startswith("file:") or "mode=memory" in name):
            Path(name).parent.mkdir(parents=True, exist_ok=True)
        return super().get_new_connection(conn_params)
