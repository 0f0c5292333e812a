"""Candidates (spec/law.md §6, TC26)."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from baucu.law.candidates import (
    ListEntry,
    PersonName,
    candidacy_age,
    check_candidate_surplus,
    check_composition,
    check_eligibility,
    check_multiple_candidacy,
    honorific,
    list_order,
    minimum_candidates,
    percent_text,
    split_name,
)
from baucu.law.contests import Contest
from baucu.law.outcome import InvalidInput, Severity

E = dt.date(2026, 3, 15)
D = dt.date.fromisoformat


def test_candidate_born_exactly_21_years_before_election_day_may_stand__art_2() -> None:
    outcome = candidacy_age(D("2005-03-15"), E)
    assert outcome.value is True
    assert outcome.codes() == ("candidacy_age_reached",)
    assert outcome.reasons[0].rule_id == "2.2"


def test_candidate_born_a_day_later_may_not_stand__art_2() -> None:
    assert candidacy_age(D("2005-03-16"), E).codes() == ("under_candidacy_age",)


def test_candidate_with_birth_year_only_in_cutoff_year_needs_decision__art_2() -> None:
    assert candidacy_age(2005, E).value is None
    assert candidacy_age(2004, E).value is True


@pytest.mark.parametrize(
    ("ground", "article"),
    [
        ("deprived_of_candidacy_rights", "Art. 37(1)"),
        ("imprisoned", "Art. 37(1)"),
        ("lost_civil_capacity", "Art. 37(1)"),
        ("restricted_civil_capacity", "Art. 37(1)"),
        ("accused", "Art. 37(2)"),
        ("serving_criminal_judgment", "Art. 37(3)"),
        ("criminal_record_not_expunged", "Art. 37(4)"),
        ("administrative_measure", "Art. 37(5)"),
    ],
)
def test_ineligibility_grounds__art_37(ground: str, article: str) -> None:
    outcome = check_eligibility([ground])
    assert outcome.value is False
    assert outcome.codes() == (ground,)
    assert outcome.reasons[0].article == article
    assert outcome.reasons[0].severity is Severity.ERROR


def test_no_ground_means_eligible_and_every_ground_is_listed__art_37() -> None:
    assert check_eligibility([]).value is True
    assert check_eligibility(["accused", "imprisoned", "accused"]).codes() == ("accused", "imprisoned")


def test_unknown_ground_is_invalid__art_37() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_eligibility(["accused", "rumour"])
    assert raised.value.problems[0].where == "grounds[1]"


def test_na_plus_one_council_level_is_allowed__art_36_3() -> None:
    assert check_multiple_candidacy([(Contest.NA, "QH-1"), (Contest.PROVINCIAL, "T-2")]).ok
    assert check_multiple_candidacy([(Contest.NA, "QH-1"), (Contest.COMMUNE, "X-2")]).ok
    assert check_multiple_candidacy([(Contest.PROVINCIAL, "T-1"), (Contest.COMMUNE, "X-2")]).ok


def test_never_all_three_levels__art_36_3() -> None:
    outcome = check_multiple_candidacy(
        [(Contest.NA, "QH-1"), (Contest.PROVINCIAL, "T-2"), (Contest.COMMUNE, "X-3")]
    )
    assert outcome.codes() == ("three_levels",)


def test_one_na_constituency_only__art_57_5() -> None:
    outcome = check_multiple_candidacy([(Contest.NA, "QH-1"), (Contest.NA, "QH-2"), (Contest.NA, "QH-1")])
    assert outcome.codes() == ("na_in_several_constituencies",)


def test_one_constituency_per_council_level__art_36_3() -> None:
    outcome = check_multiple_candidacy([(Contest.COMMUNE, "X-1"), (Contest.COMMUNE, "X-2")])
    assert outcome.codes() == ("commune_council_twice",)
    assert check_multiple_candidacy([(Contest.PROVINCIAL, "T-1"), (Contest.PROVINCIAL, "T-2")]).codes() == (
        "provincial_council_twice",
    )


@pytest.mark.parametrize(
    ("contest", "seats", "candidates", "ok"),
    [
        (Contest.NA, 3, 4, False),
        (Contest.NA, 2, 4, True),
        (Contest.COMMUNE, 5, 7, False),
        (Contest.COMMUNE, 4, 7, True),
        (Contest.PROVINCIAL, 3, 4, False),
        (Contest.PROVINCIAL, 2, 3, True),
        (Contest.COMMUNE, 1, 2, True),
    ],
)
def test_candidate_surplus__tc26_art_57_6_art_58_3(
    contest: Contest, seats: int, candidates: int, ok: bool
) -> None:
    outcome = check_candidate_surplus(contest, seats, candidates)
    assert outcome.value is ok
    if not ok:
        assert outcome.codes() == ("insufficient_surplus",)
        assert outcome.reasons[0].article == ("Art. 57(6)" if contest is Contest.NA else "Art. 58(3)")


def test_minimum_candidates_table__art_57_6_art_58_3() -> None:
    assert [minimum_candidates(Contest.NA, s) for s in (1, 2, 3)] == [3, 4, 5]
    assert [minimum_candidates(Contest.COMMUNE, s) for s in (1, 2, 3, 4, 5)] == [2, 3, 5, 7, 8]


def test_surplus_for_seats_above_the_cap_is_invalid__art_10_4() -> None:
    with pytest.raises(InvalidInput) as raised:
        minimum_candidates(Contest.NA, 4)
    assert raised.value.problems[0].code == "seats_above_cap"


def test_composition_targets_warn_with_the_actual_share__art_8_2_art_8_3() -> None:
    outcome = check_composition(Contest.NA, 864, 290, 150)
    assert outcome.value.women == Fraction(290, 864)
    assert outcome.codes() == ("women_below_35_percent", "ethnic_minorities_below_18_percent")
    assert all(r.severity is Severity.WARNING for r in outcome.reasons)
    assert "33.56%" in outcome.reasons[0].en
    assert "17.36%" in outcome.reasons[1].en
    assert check_composition(Contest.NA, 100, 35, 18).reasons == ()


def test_council_women_target_only__art_9() -> None:
    outcome = check_composition(Contest.COMMUNE, 10, 3, 0)
    assert outcome.codes() == ("women_below_35_percent",)
    assert outcome.reasons[0].article == "Art. 9"
    assert check_composition(Contest.PROVINCIAL, 10, 4).value.ethnic_minority is None


def test_composition_rejects_impossible_counts__art_8() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_composition(Contest.NA, 0, 1, 1)
    assert [p.code for p in raised.value.problems] == ["empty_list", "invalid_count", "invalid_count"]


def test_percent_text_rounds_half_up__9_8() -> None:
    assert percent_text(Fraction(22566, 100000)) == "22.57%"
    assert percent_text(Fraction(1, 8)) == "12.50%"


def test_name_split_surname_middle_given__6_25() -> None:
    assert split_name("  Nguyễn   Thị Minh  Khai ") == PersonName("Nguyễn", "Thị Minh", "Khai")
    assert split_name("Lê Lợi") == PersonName("Lê", "", "Lợi")
    assert split_name("Lợi") == PersonName("", "", "Lợi")
    assert split_name("Nguyễn Thị Minh Khai").full == "Nguyễn Thị Minh Khai"
    with pytest.raises(InvalidInput):
        split_name("   ")


def test_honorific_by_gender__forms_13_15() -> None:
    assert honorific("M") == "Ông"
    assert honorific("F") == "Bà"
    with pytest.raises(InvalidInput):
        honorific("X")


def test_list_order_by_given_name_then_surname_then_middle__art_57_5() -> None:
    entries = [
        ListEntry("1", "Trần Văn Đức", "M"),
        ListEntry("2", "Nguyễn Thị Ân", "F"),
        ListEntry("3", "Lê Văn Anh", "M"),
        ListEntry("4", "Lê Thị Anh", "F"),
        ListEntry("5", "Phạm Văn Dũng", "M"),
        ListEntry("6", "Hoàng Văn Anh", "M"),
    ]
    ordered = list_order(entries)
    assert ordered.reasons == ()
    assert [e.entry.id for e in ordered.value] == ["6", "4", "3", "2", "5", "1"]
    assert [e.position for e in ordered.value] == [1, 2, 3, 4, 5, 6]
    assert ordered.value[0].line == "Ông Hoàng Văn Anh"
    assert not any(e.print_birth_date for e in ordered.value)


def test_identical_names_by_earlier_birth_date_with_date_printed__art_57_5() -> None:
    entries = [
        ListEntry("b", "Nguyễn Văn An", "M", D("1975-03-03")),
        ListEntry("c", "Trần Thị Bình", "F", D("1980-01-01")),
        ListEntry("a", "Nguyễn Văn An", "M", D("1970-05-01")),
        ListEntry("d", "nguyễn văn  An", "M", D("1972-01-01")),  # same name, other spelling of case/space
    ]
    ordered = list_order(entries)
    assert [e.entry.id for e in ordered.value] == ["a", "d", "b", "c"]
    assert ordered.value[0].line == "Ông Nguyễn Văn An (01/05/1970)"
    assert [e.print_birth_date for e in ordered.value] == [True, True, True, False]
    assert ordered.reasons == ()


def test_identical_name_and_birth_date_needs_manual_decision__art_57_5() -> None:
    entries = [
        ListEntry("y", "Lê Văn Tám", "M", D("1970-01-01")),
        ListEntry("x", "Lê Văn Tám", "M", D("1970-01-01")),
        ListEntry("z", "Lê Văn Tám", "M"),
    ]
    ordered = list_order(entries)
    assert [e.entry.id for e in ordered.value] == ["x", "y", "z"]
    assert ordered.codes() == ("identical_name_and_birth_date", "identical_name_and_birth_date")
    assert ordered.manual_decision_required
    assert ordered.value[2].line == "Ông Lê Văn Tám"


def test_duplicate_candidate_ids_are_invalid__art_57_5() -> None:
    with pytest.raises(InvalidInput) as raised:
        list_order([ListEntry("a", "Lê Văn A", "M"), ListEntry("a", "Lê Văn B", "M")])
    assert raised.value.problems[0].code == "duplicate_id"


names = st.lists(
    st.tuples(
        st.sampled_from(["Nguyễn", "Trần", "Lê", "Đặng", "Ông"]),
        st.sampled_from(["Văn", "Thị", "Thị Minh", ""]),
        st.sampled_from(["An", "Ân", "Anh", "Ánh", "Đức", "Dũng", "Bình"]),
        st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2005, 1, 1))),
        st.sampled_from(["M", "F"]),
    ),
    max_size=12,
)


@given(names, st.randoms(use_true_random=False))
def test_list_order_is_independent_of_input_order__art_57_5(
    rows: list[tuple[str, str, str, dt.date | None, str]], rnd: object
) -> None:
    entries = [
        ListEntry(str(i), " ".join(p for p in (s, m, g) if p), gender, birth)
        for i, (s, m, g, birth, gender) in enumerate(rows)
    ]
    shuffled = list(entries)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    first, second = list_order(entries), list_order(shuffled)
    assert [e.entry.id for e in first.value] == [e.entry.id for e in second.value]
    assert sorted(first.codes()) == sorted(second.codes())
