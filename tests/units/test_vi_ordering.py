"""Name columns sort in Vietnamese order on the database itself (SQLite and PostgreSQL alike)."""

import pytest

from baucu.law.collation import sort_key
from baucu.units.models import Commune, Province

VIETNAMESE_ORDER = ["An", "Ánh", "Ân", "Bình", "Dung", "Đào"]


@pytest.mark.django_db
def test_order_by_a_vi_collation_column_is_vietnamese_alphabetical():
    province = Province.objects.create(
        code="99", name="Tỉnh Thử", short_name="Thử", kind="province", codename="t"
    )
    for i, name in enumerate(reversed(VIETNAMESE_ORDER)):  # inserted backwards
        Commune.objects.create(
            code=f"9900{i}", name=name, short_name=name, kind="commune", province=province, search_key=name
        )
    names = list(Commune.objects.filter(province=province).order_by("name").values_list("name", flat=True))
    assert names == VIETNAMESE_ORDER
    # and not by code point, where "Đ" (U+0110) and "Á" (U+00C1) would come after "D", "B"
    assert names != sorted(VIETNAMESE_ORDER)


@pytest.mark.django_db
@pytest.mark.usefixtures("units")
def test_database_order_of_real_names_agrees_with_the_law_core_sort_key():
    names = list(
        Commune.objects.filter(province="20").order_by("short_name").values_list("short_name", flat=True)
    )
    assert names == sorted(names, key=sort_key)
    # Đ is its own letter between D and E; ă comes before â; the tone only breaks ties.
    assert (
        names.index("Công Sơn") < names.index("Điềm He") < names.index("Đồng Đăng") < names.index("Hoa Thám")
    )
    assert names[:4] == ["Ba Sơn", "Bắc Sơn", "Bằng Mạc", "Bình Gia"]
