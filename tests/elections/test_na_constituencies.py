"""The 182 National Assembly constituencies of 2026 (NEC Res. 85/NQ-HĐBCQG; law.md [4.2], [4.10])."""

from __future__ import annotations

import copy
from collections import Counter

import pytest

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections.errors import SetupError
from baucu.elections.models import Constituency, Contest
from baucu.elections.na_constituencies import do_load_na_constituencies, read_data
from baucu.elections.reference import national_2026_election
from baucu.units.models import Commune

pytestmark = pytest.mark.django_db


def test_the_national_data_loads_182_constituencies_500_seats_every_commune_once__art_10_2(
    units: None, system: Actor
) -> None:
    election = national_2026_election(actor=system)
    report = do_load_na_constituencies(election, actor=system)
    assert (report.constituencies, report.seats, report.communes, report.provinces) == (182, 500, 3321, 34)
    with unscoped("test"):
        rows = Constituency.objects.filter(contest__election=election, contest__kind=Contest.Kind.NA)
        assert rows.count() == 182
        assert sum(rows.values_list("seats", flat=True)) == 500
        assert max(rows.values_list("seats", flat=True)) <= 3  # Art. 10(4)
        through = Constituency.communes.through.objects.filter(constituency__in=rows)
        per_commune = Counter(through.values_list("commune_id", flat=True))
    assert set(per_commune) == set(Commune.objects.values_list("code", flat=True))
    assert set(per_commune.values()) == {1}
    lang_son = rows.filter(province_id="20").order_by("number")
    assert [c.seats for c in lang_son] == [3, 2, 2]  # law.md [4.12]
    assert Contest.objects.get(election=election, kind=Contest.Kind.NA).seats_total == 500


def test_reloading_is_idempotent(units: None, system: Actor) -> None:
    election = national_2026_election(actor=system)
    do_load_na_constituencies(election, actor=system)
    again = do_load_na_constituencies(election, actor=system)
    assert not again.changed
    with unscoped("test"):
        assert Constituency.objects.filter(contest__election=election).count() == 182


def test_a_commune_in_two_constituencies_loads_nothing__art_10_2(units: None, system: Actor) -> None:
    data = copy.deepcopy(read_data())
    lang_son = next(p for p in data["provinces"] if p["code"] == 20)
    moved = lang_son["constituencies"][0]["units"][0]
    lang_son["constituencies"][1]["units"].append(moved)
    lang_son["constituencies"][0]["seats"] = 4  # and a seat cap broken too
    election = national_2026_election(actor=system)
    with pytest.raises(SetupError) as caught:
        do_load_na_constituencies(election, actor=system, data=data)
    messages = caught.value.messages("en")
    assert any("Art. 10(4)" in m for m in messages)
    assert any("Art. 10(2)" in m and moved["code"] in m for m in messages)
    with unscoped("test"):
        assert not Constituency.objects.filter(contest__election=election).exists()
