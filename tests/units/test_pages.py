"""Public unit pages through Django's test client: Vietnamese first, numbers 1.234, English on request."""

import re

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units")]


def row_names(html: str) -> list[str]:
    return re.findall(r'<th scope="row">(?:<a [^>]*>)?([^<]*)<', html)


def test_number_format_in_vietnamese_groups_thousands_with_dots():
    template = Template("{% load humanize %}{{ n|intcomma }} {{ n }} {{ x }}")
    with translation.override("vi"):
        assert template.render(Context({"n": 1234567, "x": 1234.5})) == "1.234.567 1.234.567 1.234,5"
    with translation.override("en"):
        assert template.render(Context({"n": 1234567, "x": 1234.5})) == "1,234,567 1,234,567 1,234.5"


def test_home_is_in_vietnamese(client):
    html = client.get(reverse("public:home")).content.decode()
    assert '<html lang="vi">' in html
    assert "Trang chủ" in html
    assert "Tỉnh, thành phố" in html
    assert "3.321" in html


def test_provinces_page_lists_34_with_counts(client):
    html = client.get(reverse("public:provinces")).content.decode()
    names = row_names(html)
    assert len(names) == 35  # 34 provinces and the total row
    assert "Tỉnh Lạng Sơn" in names
    assert re.search(r'data-testid="national-total">3\.321<', html)
    assert 'href="/tinh/20/"' in html


def test_province_page_lists_its_65_units_alphabetically(client):
    html = client.get(reverse("public:province", args=["20"])).content.decode()
    names = row_names(html)
    assert len(names) == 65
    assert names[:2] == ["Phường Đông Kinh", "Phường Kỳ Lừa"]


@pytest.mark.parametrize("query", ["Kỳ Lừa", "ky lua", "KỲ LỪA", "Ky\u0300 Lư\u0300a"])
def test_search_finds_ky_lua_with_or_without_diacritics(client, query):
    html = client.get(reverse("public:province", args=["20"]), {"q": query}).content.decode()
    assert row_names(html) == ["Phường Kỳ Lừa"]


def test_search_with_diacritics_prefers_exact_tones(client):
    html = client.get(reverse("public:province", args=["20"]), {"q": "Đông"}).content.decode()
    assert row_names(html) == ["Phường Đông Kinh"]
    html = client.get(reverse("public:province", args=["20"]), {"q": "dong"}).content.decode()
    assert {"Phường Đông Kinh", "Xã Đồng Đăng"} <= set(row_names(html))


def test_search_without_match_says_so(client):
    html = client.get(reverse("public:province", args=["20"]), {"q": "Hoàn Kiếm"}).content.decode()
    assert row_names(html) == []
    assert "Không có xã, phường, đặc khu nào khớp với “Hoàn Kiếm”." in html


def test_unknown_province_is_404(client):
    assert client.get("/tinh/99/").status_code == 404


def test_language_switch_gives_english(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/tinh/20/"})
    assert response.status_code == 302
    html = client.get("/tinh/20/").content.decode()
    assert '<html lang="en">' in html
    assert "Provinces and cities" in html
    assert "Find a commune, ward or special zone by name" in html
    assert "Ward" in html
