"""Shared fixtures: which database backend runs, and Chromium for the browser tests."""

from __future__ import annotations

import os
import shutil
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("BAUCU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def pytest_configure(config: pytest.Config) -> None:
    """VAR_DIR holds the SQLite test database and STATIC_ROOT, which WhiteNoise warns about when
    missing (an error under ``filterwarnings = error``); a fresh checkout has neither yet."""
    from django.conf import settings

    settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright. CI sets BAUCU_REQUIRE_BROWSER=1: missing is a failure."""
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("BAUCU_REQUIRE_BROWSER") == "1":
            pytest.fail(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium to run browser tests")
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Any, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(locale="vi-VN", base_url=live_server.url)
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


# --- Administrative units (34 provinces, 3,321 communes), loaded once per session -------------------


@pytest.fixture(scope="session")
def _units_in_test_database(django_db_setup: None, django_db_blocker: Any) -> None:
    """Load the units once, committed, so tests that need them pay nothing."""
    from baucu.units.services import do_load_units

    with django_db_blocker.unblock():
        do_load_units()


@pytest.fixture
def units(_units_in_test_database: None) -> None:
    """The units are in the database (the test needs a ``django_db`` mark)."""
    from baucu.units.queries import units_loaded
    from baucu.units.services import do_load_units

    if not units_loaded():  # a transactional test truncated them and the reload below did not run
        do_load_units()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, Any, Any]:
    """A transactional test ends by truncating every table: put the units back, committed."""
    result = yield
    if nextitem is not None and "units" in getattr(item, "fixturenames", ()):
        marker = item.get_closest_marker("django_db")
        if marker is not None and marker.kwargs.get("transaction"):
            from django.db import connections
            from pytest_django.plugin import blocking_manager_key

            from baucu.units.services import do_load_units

            with item.config.stash[blocking_manager_key].unblock():
                do_load_units()
                # PostgreSQL keeps the connection (CONN_MAX_AGE); an open one blocks dropping the test DB.
                connections.close_all()
    return result
