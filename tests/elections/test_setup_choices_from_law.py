"""The election models' choices are the law core's enums, both ways (house rule 1: no hand mapping drifts).

A value added to the law without a model choice (or a choice the law does not know) fails here.
"""

from __future__ import annotations

import pytest

from baucu.elections.body_import import LEVELS_OF
from baucu.elections.deadlines import law_kind, step_for
from baucu.elections.forms import COMMUNE_BODY_KINDS, PROVINCE_BODY_KINDS
from baucu.elections.models import BodyMember, Contest, Election, ElectionBody, VotingArea
from baucu.law import bodies as law_bodies
from baucu.law import calendar as law_calendar
from baucu.law import districting
from baucu.law.contests import Contest as LawContest
from baucu.law.setup import SETUP_STEPS, VotingAreaKind
from baucu.units.models import Commune, Province


@pytest.mark.parametrize(
    ("choices", "law_enum"),
    [
        (Contest.Kind, LawContest),
        (ElectionBody.Kind, law_bodies.Tier),
        (ElectionBody.Level, LawContest),
        (BodyMember.Role, law_bodies.Role),
        (VotingArea.Kind, VotingAreaKind),
    ],
    ids=["contest kind", "body tier", "body level", "member role", "voting area kind"],
)
def test_model_choices_are_the_law_enum(choices: type, law_enum: type) -> None:
    values = {str(c) for c in choices}
    assert values == {m.value for m in law_enum}
    for choice in choices:
        assert law_enum(choice.value).value == choice.value


def test_election_kinds_map_onto_the_calendars_kinds_both_ways() -> None:
    mapped = {kind: law_kind(Election(kind=kind)) for kind in Election.Kind.values}
    assert sorted(mapped.values()) == sorted(law_calendar.KINDS)  # one law kind for each, none left over
    assert mapped[Election.Kind.GENERAL] == law_calendar.GENERAL
    assert mapped[Election.Kind.BY_ELECTION] == law_calendar.BY_ELECTION
    assert set(SETUP_STEPS) == set(law_calendar.KINDS)


def test_setup_actions_are_the_body_tiers_and_the_two_units() -> None:
    general = Election(kind=Election.Kind.GENERAL)
    for tier in ElectionBody.Kind.values:
        assert step_for(general, tier) is not None
    assert step_for(general, "constituency") == "constituencies_announced"
    assert step_for(general, "voting_area") == "voting_areas_decided"


def test_the_body_import_offers_the_levels_of_art_21() -> None:
    assert set(LEVELS_OF) == set(ElectionBody.Kind.values)
    for tier, levels in law_bodies.TIER_LEVELS.items():
        assert LEVELS_OF[tier.value] == tuple(level.value for level in levels)
        assert set(LEVELS_OF[tier.value]) <= set(ElectionBody.Level.values)


def test_unit_kinds_are_known_to_the_council_size_rules() -> None:
    # Law 72/2025 Art. 30 sizes councils by these kinds; the law has finer ones (Hà Nội/HCMC, ward of a
    # city or of a province, mountainous commune) that the units' data does not record.
    assert set(Province.Kind.values) <= {k.value for k in districting.ProvinceKind}
    law_communes = {k.value for k in districting.CommuneKind}
    assert {Commune.Kind.COMMUNE, Commune.Kind.SPECIAL_ZONE} <= law_communes
    assert Commune.Kind.WARD not in law_communes  # a ward is a province ward or a city ward


def test_the_back_office_offers_only_bodies_of_art_21() -> None:
    for value, _label in PROVINCE_BODY_KINDS + COMMUNE_BODY_KINDS:
        tier, level = value.split(":")
        assert LawContest(level) in law_bodies.TIER_LEVELS[law_bodies.Tier(tier)]
