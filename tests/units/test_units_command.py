"""``baucu units list`` and ``baucu units convert``."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units")]


def run(*args: str) -> str:
    out = StringIO()
    call_command("units", *args, stdout=out)
    return out.getvalue()


def test_list_lang_son_json_gives_65_units_in_code_order():
    items = json.loads(run("list", "--province", "20", "--json"))
    assert len(items) == 65
    assert all(set(item) == {"code", "name", "kind"} for item in items)
    assert [item["code"] for item in items] == sorted(item["code"] for item in items)
    wards = {item["name"] for item in items if item["kind"] == "ward"}
    assert wards == {"Phường Tam Thanh", "Phường Lương Văn Tri", "Phường Kỳ Lừa", "Phường Đông Kinh"}
    assert sum(item["kind"] == "commune" for item in items) == 61


def test_list_text_prints_code_name_kind():
    lines = run("list", "--province", "20").splitlines()
    assert len(lines) == 65
    assert "06187  Phường Kỳ Lừa  (ward)" in lines


def test_list_without_province_gives_the_34_provinces():
    items = json.loads(run("list", "--json"))
    assert len(items) == 34
    assert {"code": "20", "name": "Tỉnh Lạng Sơn", "kind": "province"} in items


def test_list_unknown_province_is_an_error():
    with pytest.raises(CommandError, match="No province with code '99'"):
        run("list", "--province", "99")


def test_convert_old_ward_address_to_new_ward():
    out = run("convert", "Phường Chi Lăng, Thành phố Lạng Sơn, Tỉnh Lạng Sơn")
    assert out.splitlines()[0] == "05983  Phường Lương Văn Tri, Tỉnh Lạng Sơn (20)"


def test_convert_json_without_accents_and_with_a_street():
    payload = json.loads(run("convert", "12 Lê Lợi, phuong chi lang, tp lang son, lang son", "--json"))
    assert payload["code"] == "05983"
    assert payload["province"] == {"code": "20", "name": "Tỉnh Lạng Sơn"}
    assert payload["former"]["name"] == "Phường Chi Lăng"


def test_convert_split_commune_names_the_other_parts():
    payload = json.loads(run("convert", "Xã Bính Xá, Huyện Đình Lập, Tỉnh Lạng Sơn", "--json"))
    assert payload["name"] == "Xã Đình Lập"
    assert [c["name"] for c in payload["also_part_of"]] == ["Xã Kiên Mộc"]


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("Somewhere over the rainbow", "No former province"),
        ("Xã Foo, Huyện Bar, Tỉnh Lạng Sơn", "No former district of Tỉnh Lạng Sơn"),
        ("Xã Foo, Huyện Đình Lập, Tỉnh Lạng Sơn", "No former commune, ward or town of Huyện Đình Lập"),
        ("   ", "empty"),
    ],
)
def test_convert_unresolvable_address_is_a_clear_error(address, message):
    with translation.override("en"), pytest.raises(CommandError, match=message):
        run("convert", address)


def test_convert_errors_are_in_vietnamese_by_default():
    # On the command line nothing activates a language, so LANGUAGE_CODE ("vi") applies.
    with (
        translation.override("vi"),
        pytest.raises(CommandError, match="Không nhận ra huyện \\(cũ\\) của Tỉnh Lạng Sơn"),
    ):
        run("convert", "Xã Foo, Huyện Bar, Tỉnh Lạng Sơn")
