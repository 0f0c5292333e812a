"""Election setup in Chromium: the law core's errors reach the user with their article (issue 5)."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import make_actor
from baucu.elections.models import Election

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("units"),
]

KY_LUA = "06187"
LATE = "Nhập lại dữ liệu sau ngày bầu cử để kiểm thử."


@pytest.fixture
def election() -> Election:
    from baucu.elections.demo import DEMO_NAME, load

    load(stdout=io.StringIO())
    with unscoped("test"):
        return Election.objects.get(name=DEMO_NAME)


@pytest.fixture
def signed_in(page: Any, live_server: Any) -> Any:
    """The Lạng Sơn provincial Election Committee, signed in (session cookie from Django's client)."""
    actor = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"), "ubbc-lang-son")
    client = Client()
    client.force_login(actor.user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


def _errors(page: Any) -> str:
    return str(page.locator("#form-errors").inner_text())


def test_lang_son_committee_dashboard_shows_the_2026_calendar(signed_in: Any, election: Election) -> None:
    page = signed_in
    page.goto(f"/bo/bau-cu/{election.pk}/tinh/20/?as_of=2026-01-15")
    assert page.get_by_role("heading", level=1).inner_text() == "Tỉnh Lạng Sơn"
    calendar = page.locator("#calendar").inner_text()
    for date in ("30/11/2025", "25/12/2025", "04/01/2026", "31/01/2026", "17:00", "15/03/2026", "25/03/2026"):
        assert date in calendar
    row = page.locator("#calendar tr", has_text="31/01/2026").first.inner_text()
    assert "16" in row  # 16 days to go on 15/01/2026 (Teams by 31/01/2026, Art. 25(1))
    assert page.locator("#calendar tr.status-done").count() >= 2  # committees, constituencies
    assert "tổng hợp" in page.content()  # synthetic data is labelled


def test_commune_council_constituency_with_6_seats_shows_art_10_4(signed_in: Any, election: Election) -> None:
    page = signed_in
    page.goto(f"/bo/bau-cu/{election.pk}/xa/{KY_LUA}/")
    page.locator(f"a[href$='/xa/{KY_LUA}/don-vi-bau-cu/them/']").click()
    page.fill("input[name=number]", "9")
    page.fill("input[name=seats]", "6")
    page.fill("textarea[name=justification]", LATE)
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    errors = _errors(page)
    assert "Điều 10 khoản 4" in errors
    assert re.search(r"5\b.*\(.*6\)", errors)


def test_a_team_of_10_civilians_shows_art_25_1(signed_in: Any, election: Election) -> None:
    page = signed_in
    page.goto(f"/bo/bau-cu/{election.pk}/xa/{KY_LUA}/khu-vuc-bo-phieu/them/")
    page.fill("input[name=number]", "99")
    page.fill("textarea[name=residence_groups]", "Tổ dân phố 99")
    page.fill("input[name=voter_count]", "650")
    page.fill("textarea[name=justification]", LATE)
    page.locator("button[type=submit]").last.click()
    page.wait_for_url(re.compile(rf".*/xa/{KY_LUA}/$"))

    page.locator(f"a[href$='/xa/{KY_LUA}/to-chuc/them/']").click()
    page.select_option("select[name=kind]", "team:commune")
    option = page.locator("select[name=voting_area] option", has_text="Tổ dân phố 99").first
    page.select_option("select[name=voting_area]", option.get_attribute("value"))
    names = ["Hoàng Văn An | Tổ trưởng", "Nông Thị Bình | Thư ký"] + [f"Lương Văn Dân {i}" for i in range(8)]
    page.fill("textarea[name=members]", "\n".join(names))
    page.fill("input[name=established_on]", "2026-01-20")
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    errors = _errors(page)
    assert "Điều 25 khoản 1" in errors
    assert re.search(r"11\D+21\D+10", errors)  # 11 to 21 members (got 10)
