"""The loader: 34 provinces, 3,321 communes, Lạng Sơn's 65; idempotent and all-or-nothing."""

import pytest

from baucu.units import services
from baucu.units.models import Commune, FormerUnit, Lineage, Province
from baucu.units.services import do_load_units

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units")]


def test_whole_country_is_34_provinces_and_3321_communes():
    assert Province.objects.count() == 34
    assert Province.objects.filter(kind=Province.Kind.CITY).count() == 6
    assert Commune.objects.count() == 3321
    assert Commune.objects.filter(kind=Commune.Kind.WARD).count() == 687
    assert Commune.objects.filter(kind=Commune.Kind.COMMUNE).count() == 2621
    assert Commune.objects.filter(kind=Commune.Kind.SPECIAL_ZONE).count() == 13


def test_lang_son_has_61_communes_and_4_wards():
    lang_son = Province.objects.get(code="20")
    assert (lang_son.name, lang_son.short_name, lang_son.kind) == ("Tỉnh Lạng Sơn", "Lạng Sơn", "province")
    assert lang_son.communes.count() == 65
    assert lang_son.communes.filter(kind=Commune.Kind.COMMUNE).count() == 61
    wards = set(lang_son.communes.filter(kind=Commune.Kind.WARD).values_list("short_name", flat=True))
    assert wards == {"Tam Thanh", "Lương Văn Tri", "Kỳ Lừa", "Đông Kinh"}


def test_names_are_stored_nfc_with_their_kind_prefix():
    ky_lua = Commune.objects.get(province="20", short_name="Kỳ Lừa")
    assert ky_lua.name == "Phường Kỳ Lừa"
    assert ky_lua.search_key == "phuong ky lua"
    assert Province.objects.get(code="01").name == "Thành phố Hà Nội"


def _snapshot() -> tuple[list[tuple[object, ...]], ...]:
    return (
        list(Province.objects.values_list().order_by("code")),
        list(Commune.objects.values_list().order_by("code")),
        list(FormerUnit.objects.values_list().order_by("code")),
        list(Lineage.objects.values_list().order_by("pk")),
    )


def test_reloading_leaves_the_same_rows():
    before = _snapshot()
    report = do_load_units()
    assert _snapshot() == before
    assert (report.provinces, report.communes, report.former_units, report.lineage) == (
        34,
        3321,
        10040,
        10602,
    )


def test_reloading_repairs_edited_rows():
    Commune.objects.filter(code="06187").update(name="wrong")
    Lineage.objects.filter(former_id="05983").delete()
    do_load_units()
    assert Commune.objects.get(code="06187").name != "wrong"
    assert Lineage.objects.filter(former_id="05983").exists()


def test_a_failed_load_changes_nothing(monkeypatch):
    Commune.objects.filter(province="20").update(name="edited")
    before = _snapshot()

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_load_lineage", broken)
    with pytest.raises(RuntimeError):
        do_load_units()
    assert _snapshot() == before
