"""Database configuration and the Vietnamese collation on both backends.

PostgreSQL has the ICU collation ``vi-VN-x-icu``. SQLite has no ICU, so every SQLite connection
registers a collation of the same name whose comparison is ``baucu.law.collation.compare``:
name columns declared with ``db_collation=VI_COLLATION`` sort the same way on both backends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

VI_COLLATION = "vi-VN-x-icu"


def database_from_url(url: str | None, var_dir: Path) -> dict[str, Any]:
    """Django DATABASES entry from ``DATABASE_URL`` (PostgreSQL) or the embedded SQLite default."""
    if not url:
        return {
            "ENGINE": "baucu.sqlite",  # Django's, quoting collation names
            "NAME": var_dir / "baucu.sqlite3",
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
            "TEST": {"NAME": var_dir / "test-baucu.sqlite3"},
        }
    parsed = urlparse(url)
    if parsed.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL: unsupported scheme {parsed.scheme!r}; use postgresql://")
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(parsed.path.lstrip("/")),
        "USER": unquote(parsed.username or ""),
        "PASSWORD": unquote(parsed.password or ""),
        "HOST": parsed.hostname or "",
        "PORT": str(parsed.port or ""),
        "CONN_MAX_AGE": 60,
    }


def register_sqlite_collation(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created`` handler: give SQLite the Vietnamese collation."""
    if connection.vendor != "sqlite":
        return
    from baucu.law.collation import compare

    connection.connection.create_collation(VI_COLLATION, compare)
