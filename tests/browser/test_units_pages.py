"""The Lạng Sơn page in Chromium: search without JavaScript tricks, then switch to English."""

import re

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("units"),
]


def test_search_lang_son_for_ky_lua_then_switch_to_english(page):
    page.goto("/tinh/")
    page.get_by_role("link", name="Tỉnh Lạng Sơn").click()
    page.wait_for_url("**/tinh/20/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tỉnh Lạng Sơn"
    assert page.locator("#communes tbody tr").count() == 65

    page.get_by_label("Tìm xã, phường, đặc khu theo tên").fill("Kỳ Lừa")
    page.get_by_role("button", name="Tìm").click()
    page.wait_for_url(re.compile(r".*/tinh/20/\?q="))
    rows = page.locator("#communes tbody tr")
    assert rows.count() == 1
    assert rows.first.get_by_role("rowheader").inner_text() == "Phường Kỳ Lừa"
    assert page.get_by_role("status").inner_text() == "1 kết quả cho “Kỳ Lừa”."

    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert (
        page.get_by_role("navigation", name="Main navigation")
        .get_by_role("link", name="Provinces and cities")
        .is_visible()
    )
    assert page.get_by_label("Find a commune, ward or special zone by name").input_value() == "Kỳ Lừa"
    assert page.locator("#communes tbody tr").first.inner_text().endswith("Ward")
    assert page.get_by_role("button", name="English").get_attribute("aria-pressed") == "true"
