from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.test import Client

BAUCU = Path(sys.executable).parent / "baucu"


def test_strict_content_security_policy_and_permissions_policy(client: Client, db: None) -> None:
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_no_inline_script_in_sign_in_page(client: Client, db: None) -> None:
    body = client.get("/login/").content.decode()
    assert "<script>" not in body
    assert " onclick=" not in body


def test_csrf_is_enforced_on_sign_in(db: None) -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post("/login/", {"username": "x", "password": "y"}).status_code == 403


def test_session_cookie_is_http_only(client: Client, commune_a: object) -> None:
    from baucu.accounts.jurisdiction import Jurisdiction
    from baucu.accounts.roles import Role
    from baucu.accounts.testing import TEST_PASSWORD, make_actor

    make_actor(Role.OBSERVER, Jurisdiction.commune("20", "06187"), "gs")
    response = client.post("/login/", {"username": "gs", "password": TEST_PASSWORD})
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


def test_check_deploy_is_clean_in_production(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "BAUCU_ENV": "production",
        "BAUCU_SECRET_KEY": secrets.token_urlsafe(64),
        "BAUCU_ALLOWED_HOSTS": "example.org",
        "BAUCU_VAR_DIR": str(tmp_path),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    # Set by the browser-test fixture for Playwright in this process; never in a deployment.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(
        [str(BAUCU), "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
