"""Constituencies, council sizes, voting areas (spec/law.md §4–5)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baucu.law.contests import Contest
from baucu.law.districting import (
    COMMUNE_RULES,
    AreaKind,
    CommuneKind,
    ProvinceKind,
    check_commune_coverage,
    check_constituency_seats,
    check_local_na_deputies,
    check_voting_area_constituencies,
    check_voting_area_size,
    commune_council_size,
    provincial_council_size,
)
from baucu.law.outcome import InvalidInput, Severity


@pytest.mark.parametrize(("contest", "cap"), [(Contest.NA, 3), (Contest.PROVINCIAL, 5), (Contest.COMMUNE, 5)])
def test_seat_caps_per_constituency__art_10_4(contest: Contest, cap: int) -> None:
    assert check_constituency_seats(contest, 1).value is True
    assert check_constituency_seats(contest, cap).value is True
    above = check_constituency_seats(contest, cap + 1)
    assert above.value is False
    assert above.codes() == ("seats_above_cap",)
    assert above.reasons[0].article == "Art. 10(4)"
    assert above.reasons[0].rule_id == "4.4"


def test_commune_council_constituency_of_6_seats_rejected__art_10_4() -> None:
    assert check_constituency_seats(Contest.COMMUNE, 6).errors


def test_na_constituency_of_4_seats_rejected__art_10_4() -> None:
    assert check_constituency_seats(Contest.NA, 4).codes() == ("seats_above_cap",)


def test_constituency_without_seats_rejected__art_10_4() -> None:
    assert check_constituency_seats(Contest.NA, 0).codes() == ("seats_below_minimum",)


def test_province_of_one_million_has_50_seats__law_72_art_30_1_a() -> None:
    outcome = provincial_council_size(1_000_000, ProvinceKind.PROVINCE)
    assert outcome.value.settled == 50
    assert outcome.ok


def test_province_partial_block_is_ambiguous__law_72_art_30_1_a() -> None:
    outcome = provincial_council_size(1_035_000, ProvinceKind.PROVINCE)
    assert (outcome.value.floor, outcome.value.ceiling) == (50, 51)
    assert outcome.value.settled is None
    manual = [r for r in outcome.reasons if r.severity is Severity.MANUAL]
    assert [r.code for r in manual] == ["ambiguous_rounding"]
    assert manual[0].article == "Law 72/2025 Art. 30"
    assert "use the official figure" in manual[0].en


def test_province_exact_blocks_are_settled__law_72_art_30_1_a() -> None:
    assert provincial_council_size(1_140_000, ProvinceKind.PROVINCE).value.settled == 52


def test_provincial_council_capped_at_85__law_72_art_30_1() -> None:
    assert provincial_council_size(9_000_001, ProvinceKind.PROVINCE).value.settled == 85
    assert provincial_council_size(9_000_000, ProvinceKind.CITY).value.settled == 85


def test_centrally_run_city_base_1_2_million__law_72_art_30_1_b() -> None:
    assert provincial_council_size(1_200_000, ProvinceKind.CITY).value.settled == 50
    assert provincial_council_size(1_275_000, ProvinceKind.CITY).value.settled == 51
    city = provincial_council_size(1_200_001, ProvinceKind.CITY).value
    assert (city.floor, city.ceiling) == (50, 51)


def test_hanoi_and_hcmc_have_125__law_72_art_30_1_c() -> None:
    outcome = provincial_council_size(10_000_000, ProvinceKind.HANOI_HCMC)
    assert outcome.value.settled == 125
    assert outcome.reasons[0].article == "Law 72/2025 Art. 30(1)(c)"


@pytest.mark.parametrize(
    ("kind", "population", "floor", "ceiling"),
    [
        (CommuneKind.MOUNTAINOUS_OR_ISLAND, 5_000, 15, 15),
        (CommuneKind.MOUNTAINOUS_OR_ISLAND, 7_000, 17, 17),
        (CommuneKind.MOUNTAINOUS_OR_ISLAND, 10_000, 20, 20),
        (CommuneKind.MOUNTAINOUS_OR_ISLAND, 16_000, 22, 22),
        (CommuneKind.MOUNTAINOUS_OR_ISLAND, 17_500, 22, 23),
        (CommuneKind.COMMUNE, 10_000, 15, 15),
        (CommuneKind.COMMUNE, 15_000, 17, 18),
        (CommuneKind.COMMUNE, 20_000, 20, 20),
        (CommuneKind.COMMUNE, 32_000, 22, 22),
        (CommuneKind.PROVINCE_WARD, 32_000, 22, 22),
        (CommuneKind.CITY_WARD, 15_000, 15, 15),
        (CommuneKind.CITY_WARD, 45_000, 20, 20),
        (CommuneKind.CITY_WARD, 59_000, 22, 22),
        (CommuneKind.CITY_WARD, 1_000_000, 30, 30),
        (CommuneKind.SPECIAL_ZONE, 8_000, 18, 18),
    ],
)
def test_commune_council_sizes__law_72_art_30_2(
    kind: CommuneKind, population: int, floor: int, ceiling: int
) -> None:
    size = commune_council_size(population, kind).value
    assert (size.floor, size.ceiling) == (floor, ceiling)


def test_special_zone_under_1000_residents_has_no_council__law_72_art_28() -> None:
    outcome = commune_council_size(999, CommuneKind.SPECIAL_ZONE)
    assert outcome.value.settled == 0
    assert outcome.codes() == ("no_council_small_special_zone",)
    assert outcome.reasons[0].article == "Law 72/2025 Art. 28"
    assert commune_council_size(1_000, CommuneKind.SPECIAL_ZONE).value.settled == 15
    by_residents = commune_council_size(2_000, CommuneKind.SPECIAL_ZONE, permanent_residents=900)
    assert by_residents.value.settled == 0


def test_negative_population_is_invalid__law_72_art_30() -> None:
    with pytest.raises(InvalidInput):
        provincial_council_size(-1, ProvinceKind.PROVINCE)
    with pytest.raises(InvalidInput):
        provincial_council_size(-1, ProvinceKind.HANOI_HCMC)
    with pytest.raises(InvalidInput):
        commune_council_size(5_000, CommuneKind.SPECIAL_ZONE, permanent_residents=-1)


@given(st.integers(0, 3_000_000), st.integers(0, 3_000_000), st.sampled_from(list(CommuneKind)))
def test_commune_council_size_monotone_and_within_15_30__law_72_art_30_2(
    a: int, b: int, kind: CommuneKind
) -> None:
    low, high = sorted((max(a, 1_000), max(b, 1_000)))
    small, large = commune_council_size(low, kind).value, commune_council_size(high, kind).value
    for size in (small, large):
        assert 15 <= size.floor <= size.ceiling <= 30
    assert small.floor <= large.floor
    assert small.ceiling <= large.ceiling
    assert kind in COMMUNE_RULES


@given(
    st.integers(0, 20_000_000),
    st.integers(0, 20_000_000),
    st.sampled_from([ProvinceKind.PROVINCE, ProvinceKind.CITY]),
)
def test_provincial_council_size_monotone_and_within_50_85__law_72_art_30_1(
    a: int, b: int, kind: ProvinceKind
) -> None:
    low, high = sorted((a, b))
    small, large = provincial_council_size(low, kind).value, provincial_council_size(high, kind).value
    for size in (small, large):
        assert 50 <= size.floor <= size.ceiling <= 85
        assert size.ceiling - size.floor <= 1
    assert (small.floor, small.ceiling) <= (large.floor, large.ceiling)


@pytest.mark.parametrize(
    ("voters", "kind", "ok", "code"),
    [
        (300, AreaKind.GENERAL, True, None),
        (4_000, AreaKind.GENERAL, True, None),
        (299, AreaKind.GENERAL, False, "voting_area_below_300"),
        (4_001, AreaKind.GENERAL, False, "voting_area_above_4000"),
        (120, AreaKind.REMOTE, True, None),
        (4_001, AreaKind.REMOTE, False, "voting_area_above_4000"),
        (12, AreaKind.MILITARY, True, None),
        (50, AreaKind.HOSPITAL_CARE, True, None),
        (49, AreaKind.HOSPITAL_CARE, False, "hospital_area_below_50"),
        (30, AreaKind.DETENTION, True, None),
        (0, AreaKind.MILITARY, False, "voting_area_empty"),
        (5_000, AreaKind.MILITARY, False, "separate_area_above_4000"),
    ],
)
def test_voting_area_sizes__art_11_2_art_11_3(
    voters: int, kind: AreaKind, ok: bool, code: str | None
) -> None:
    outcome = check_voting_area_size(voters, kind)
    assert outcome.value is ok
    assert outcome.codes() == (() if code is None else (code,))


def test_separate_area_above_4000_asks_for_a_decision__art_11_3() -> None:
    assert check_voting_area_size(4_500, AreaKind.HOSPITAL_CARE).manual_decision_required


def test_each_voting_area_in_exactly_one_constituency__art_11_1() -> None:
    areas = ["KV1", "KV2", "KV3", "KV4"]
    good = check_voting_area_constituencies(
        Contest.NA, areas, [("DV1", "KV1"), ("DV1", "KV2"), ("DV2", "KV3"), ("DV2", "KV4")]
    )
    assert good.value is True
    assert good.reasons == ()
    bad = check_voting_area_constituencies(
        Contest.PROVINCIAL,
        areas,
        [("DV1", "KV1"), ("DV1", "KV1"), ("DV1", "KV2"), ("DV2", "KV2"), ("DV2", "KV3"), ("DV2", "KV9")],
    )
    assert bad.value is False
    assert bad.codes() == (
        "voting_area_in_several_provincial_constituencies",
        "voting_area_without_provincial_constituency",
        "unknown_voting_area",
    )
    assert "KV2" in bad.reasons[0].en
    assert "DV1, DV2" in bad.reasons[0].en
    assert "KV4" in bad.reasons[1].en
    assert "KV9" in bad.reasons[2].en


def test_every_commune_in_exactly_one_na_constituency__art_10_2() -> None:
    communes = ["01", "02", "03"]
    ok = check_commune_coverage(Contest.NA, communes, [("1", "01"), ("1", "02"), ("2", "03")])
    assert ok.value is True
    bad = check_commune_coverage(Contest.NA, communes, [("1", "01"), ("2", "01"), ("2", "99")])
    assert bad.codes() == (
        "commune_in_several_na_constituencies",
        "commune_without_na_constituency",
        "commune_without_na_constituency",
        "unknown_commune",
    )
    assert bad.reasons[0].article == "Art. 10(2)"


def test_every_commune_in_exactly_one_provincial_constituency__art_10_3() -> None:
    bad = check_commune_coverage(Contest.PROVINCIAL, ["01"], [])
    assert bad.codes() == ("commune_without_provincial_constituency",)
    assert bad.reasons[0].article == "Art. 10(3)"


def test_commune_coverage_is_not_defined_for_commune_councils__art_10_3() -> None:
    with pytest.raises(InvalidInput):
        check_commune_coverage(Contest.COMMUNE, ["01"], [])


def test_at_least_3_local_na_deputies_per_province__art_7() -> None:
    assert check_local_na_deputies("20", 3).value is True
    short = check_local_na_deputies("20", 2)
    assert short.codes() == ("fewer_than_3_local_na_deputies",)
    assert "20" in short.reasons[0].en
