"""Issue 4 in a real browser: the commune committee's demo member sees only Phường Kỳ Lừa."""

from __future__ import annotations

import io
from typing import Any

import pytest

from baucu.accounts import demo
from baucu.accounts.testing import ensure_commune

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_commune_committee_sees_only_its_commune(page: Any) -> None:
    ensure_commune(demo.COMMUNE, demo.PROVINCE, name="Phường Kỳ Lừa")
    ensure_commune("05983", demo.PROVINCE, name="Phường Lương Văn Tri")
    ensure_commune("00004", "01", name="Phường Ba Đình")
    demo.load(stdout=io.StringIO())

    page.goto("/login/")
    page.fill("input[name=username]", "demo-ubbc-xa")
    page.fill("input[name=password]", demo.PASSWORD)
    page.click("form[action='/login/'] button[type=submit]")
    page.wait_for_url("**/bo/")

    communes = page.locator("ul.communes li")
    assert communes.count() == 1
    assert "Phường Kỳ Lừa" in communes.inner_text()
    assert "Lương Văn Tri" not in page.content()

    page.click("ul.communes a")
    assert page.locator("h1.commune-name").inner_text() == "Phường Kỳ Lừa"

    for other in ("05983", "00004", "99999"):
        response = page.goto(f"/bo/xa/{other}/")
        assert response is not None
        assert response.status == 404, other
        # Issue 4's acceptance line for the voter registry: another commune's voter list is a 404.
        response = page.goto(f"/bo/xa/{other}/cu-tri/")
        assert response is not None
        assert response.status == 404, f"{other} voter lists"

    # Its own commune's voter lists open.
    response = page.goto(f"/bo/xa/{demo.COMMUNE}/cu-tri/")
    assert response is not None
    assert response.status == 200
