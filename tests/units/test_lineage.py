"""Merge lineage in Lạng Sơn: which pre-July-2025 units became which new commune."""

import pytest

from baucu.units.models import Commune, FormerUnit, Lineage
from baucu.units.queries import successors_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("units")]


def test_old_ward_chi_lang_of_lang_son_city_is_now_ward_luong_van_tri():
    chi_lang = FormerUnit.objects.get(name="Phường Chi Lăng", district_name="Thành phố Lạng Sơn")
    assert chi_lang.province_name == "Tỉnh Lạng Sơn"
    assert [(c.name, default) for c, default in successors_of(chi_lang)] == [("Phường Lương Văn Tri", True)]


def test_new_ward_tam_thanh_took_ward_tam_thanh_and_commune_hoang_dong():
    tam_thanh = Commune.objects.get(province="20", name="Phường Tam Thanh")
    assert set(tam_thanh.predecessors.values_list("name", flat=True)) == {"Phường Tam Thanh", "Xã Hoàng Đồng"}


def test_split_commune_has_a_default_successor_and_the_others():
    binh_xa = FormerUnit.objects.get(name="Xã Bính Xá", district_name="Huyện Đình Lập")
    assert [(c.name, default) for c, default in successors_of(binh_xa)] == [
        ("Xã Đình Lập", True),
        ("Xã Kiên Mộc", False),
    ]


def test_every_lang_son_unit_has_predecessors_and_every_former_unit_one_default():
    for commune in Commune.objects.filter(province="20"):
        assert commune.predecessors.exists(), commune
    formers = FormerUnit.objects.filter(province_code="20")
    assert formers.count() == 194
    for former in formers:
        assert Lineage.objects.filter(former=former, is_default=True).count() == 1, former


def test_island_districts_without_communes_are_former_units_too():
    con_dao = FormerUnit.objects.get(name="Huyện Côn Đảo")
    assert str(con_dao) == "Huyện Côn Đảo, Tỉnh Bà Rịa - Vũng Tàu"
    assert [c.name for c, _ in successors_of(con_dao)] == ["Đặc khu Côn Đảo"]
