"""Certificates to vote elsewhere (spec/law.md [2.17]; Art. 34) and single listing (Art. 29(1))."""

from __future__ import annotations

from baucu.law.list_changes import check_single_listing
from baucu.law.vote_elsewhere import (
    check_certificate_unused,
    check_destination_area,
    check_destination_commune,
    check_holder,
)


def test_art_34_the_certificate_names_another_commune() -> None:
    assert check_destination_commune("06016", "06017").ok
    refused = check_destination_commune("06016", "06016")
    assert refused.codes() == ("certificate_same_commune",)
    assert (refused.reasons[0].article, refused.reasons[0].rule_id) == ("Art. 34", "2.17")


def test_art_34_only_a_listed_voter_without_a_certificate_is_issued_one() -> None:
    assert check_holder(listed=True, holds_certificate=False).ok
    assert check_holder(listed=False, holds_certificate=False).codes() == ("certificate_already_issued",)
    assert check_holder(listed=True, holds_certificate=True).codes() == ("certificate_already_issued",)


def test_art_34_the_holder_is_added_in_the_commune_named_on_the_certificate() -> None:
    assert check_destination_area("06017", "06017").ok
    assert check_destination_area("06018", "06017").codes() == ("area_outside_destination",)
    assert check_destination_area("06017", "06017", same_election=False).codes() == (
        "area_outside_destination",
    )


def test_art_34_a_certificate_lists_its_holder_once() -> None:
    assert check_certificate_unused(used=False).ok
    assert check_certificate_unused(used=True).codes() == ("certificate_already_used",)


def test_art_29_1_a_citizen_is_on_one_list_only() -> None:
    assert check_single_listing(listed_elsewhere=False).ok
    refused = check_single_listing(listed_elsewhere=True)
    assert refused.codes() == ("already_listed",)
    assert refused.reasons[0].article == "Art. 29(1)"
