"""Sign-in: password (Argon2), throttling, TOTP for committee/board/council roles, sign-out."""

from __future__ import annotations

import re
import time

import pytest
from django.test import Client, override_settings

from baucu.accounts import totp
from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import LoginAttempt, User
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.services import AccountError, do_set_demo_totp_exemption
from baucu.accounts.testing import TEST_PASSWORD, make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.units.models import Commune

KY_LUA = Jurisdiction.commune("20", "06187")


def _actions() -> list[int]:
    with unscoped("test"):
        return list(AuditEvent.objects.order_by("sequence").values_list("action", flat=True))


def _login(client: Client, username: str, password: str = TEST_PASSWORD) -> object:
    return client.post("/login/", {"username": username, "password": password})


def test_passwords_are_hashed_with_argon2(commune_a: Commune) -> None:
    actor = make_actor(Role.OBSERVER, KY_LUA, "gs")
    assert actor.user is not None
    assert actor.user.password.startswith("argon2$")


def test_login_page_renders_with_csrf_and_vietnamese(client: Client, db: None) -> None:
    response = client.get("/login/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content


def test_observer_signs_in_with_password_only(client: Client, commune_a: Commune) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    response = _login(client, "gs")
    assert response.status_code == 302
    assert response["Location"] == "/bo/"
    assert client.get("/bo/").status_code == 200
    assert _actions() == [AuditAction.LOGIN_SUCCEEDED]


def test_wrong_password_is_refused_and_logged(client: Client, commune_a: Commune) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    response = _login(client, "gs", "wrong-password")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert _actions() == [AuditAction.LOGIN_FAILED]
    with unscoped("test"):
        assert AuditEvent.objects.get().disposition == "failure"


def test_five_failures_lock_the_username_even_for_the_right_password(
    client: Client, commune_a: Commune
) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    for _ in range(5):
        _login(client, "gs", "wrong-password")
    response = _login(client, "gs")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert _actions()[-1] == AuditAction.LOGIN_LOCKED_OUT
    # Another user from the same address is not locked by one username's failures.
    make_actor(Role.OBSERVER, KY_LUA, "gs2")
    assert _login(client, "gs2").status_code == 302


@override_settings(BAUCU_LOGIN_THROTTLE={"per_ip": 3})
def test_many_failures_from_one_address_lock_it(client: Client, commune_a: Commune) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    for name in ("a1", "a2", "a3"):
        _login(client, name, "wrong-password")
    assert _login(client, "gs").status_code == 200
    assert LoginAttempt.objects.filter(succeeded=False).count() == 3


@override_settings(BAUCU_LOGIN_THROTTLE={"window_seconds": 0})
def test_the_lock_expires_after_the_window(client: Client, commune_a: Commune) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    for _ in range(6):
        _login(client, "gs", "wrong-password")
    assert _login(client, "gs").status_code == 302


def _code(secret: str, offset: int = 0) -> str:
    return totp.totp(totp.secret_bytes(secret), time.time() + offset)


def test_committee_member_must_enrol_then_use_totp(client: Client, commune_a: Commune) -> None:
    make_actor(Role.COMMUNE_COMMITTEE, KY_LUA, "ubbc")
    response = _login(client, "ubbc")
    assert response["Location"].startswith("/login/totp/enrol/")
    assert "_auth_user_id" not in client.session
    assert client.get("/bo/").status_code == 302  # not signed in yet
    page = client.get("/login/totp/enrol/").content.decode()
    secret = re.search(r'class="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")  # type: ignore[union-attr]
    assert client.post("/login/totp/enrol/", {"code": "000000"}).status_code == 200
    response = client.post("/login/totp/enrol/", {"code": _code(secret)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    assert AuditAction.TOTP_ENABLED in _actions()

    client.post("/logout/")
    response = _login(client, "ubbc")
    assert response["Location"].startswith("/login/totp/")
    # The enrolment code cannot be replayed; the next step's code is accepted.
    assert client.post("/login/totp/", {"code": _code(secret)}).status_code == 200
    assert client.post("/login/totp/", {"code": _code(secret, 30)}).status_code == 302
    assert client.get("/bo/").status_code == 200


def test_demo_exemption_skips_totp_outside_production_only(client: Client, commune_a: Commune) -> None:
    actor = make_actor(Role.COMMUNE_COMMITTEE, KY_LUA, "ubbc")
    assert actor.user is not None
    do_set_demo_totp_exemption(actor.user, actor=Actor.system("test"))
    assert _login(client, "ubbc")["Location"] == "/bo/"
    client.post("/logout/")
    with override_settings(PRODUCTION=True):
        assert _login(client, "ubbc")["Location"].startswith("/login/totp/enrol/")


@override_settings(PRODUCTION=True)
def test_demo_exemption_is_refused_in_production(commune_a: Commune) -> None:
    user = User.objects.create(username="x")
    with pytest.raises(AccountError, match="production"):
        do_set_demo_totp_exemption(user, actor=Actor.system("test"))


def test_sign_out_is_post_only(client: Client, commune_a: Commune) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    _login(client, "gs")
    assert client.get("/logout/").status_code == 405
    assert client.post("/logout/").status_code == 302
    assert "_auth_user_id" not in client.session
    assert _actions()[-1] == AuditAction.LOGGED_OUT


def test_sign_in_does_not_redirect_off_site(client: Client, commune_a: Commune) -> None:
    make_actor(Role.OBSERVER, KY_LUA, "gs")
    response = client.post(
        "/login/", {"username": "gs", "password": TEST_PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/bo/"
