"""``baucu election check`` on the Lạng Sơn demo and on a deliberately broken copy."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from baucu.accounts.scoping import unscoped
from baucu.elections.checks import check_election
from baucu.elections.models import Constituency, Contest, Election, ElectionBody, VotingArea

pytestmark = pytest.mark.django_db


def test_the_demo_satisfies_every_rule(demo_election: Election) -> None:
    results = check_election(demo_election)
    assert all(r.satisfied for r in results), [p.as_dict() for r in results for p in r.problems]
    out = io.StringIO()
    call_command("election", "check", "--election", str(demo_election.pk), "--json", stdout=out)
    doc = json.loads(out.getvalue())
    assert doc["ok"] is True
    assert {r["rule"] for r in doc["rules"]} >= {"constituency_seats", "na_commune_coverage", "body_sizes"}


def test_the_demo_has_the_lang_son_shape(demo_election: Election) -> None:
    with unscoped("test"):
        na = Constituency.objects.filter(contest__election=demo_election, contest__kind=Contest.Kind.NA)
        assert sorted(na.values_list("seats", flat=True)) == [2, 2, 3]
        provincial = Constituency.objects.filter(
            contest__election=demo_election, contest__kind=Contest.Kind.PROVINCIAL
        )
        assert provincial.count() == 13
        assert sum(provincial.values_list("seats", flat=True)) == 50
        assert all(3 <= s <= 5 for s in provincial.values_list("seats", flat=True))
        assert Contest.objects.filter(election=demo_election, kind=Contest.Kind.COMMUNE).count() == 65
        areas = VotingArea.objects.filter(election=demo_election)
        assert 1_300 <= areas.count() <= 1_700
        assert not areas.filter(is_synthetic=False).exists()
    assert demo_election.is_synthetic


def test_a_broken_copy_names_each_problem_with_its_article(demo_election: Election) -> None:
    with unscoped("test: break the demo on purpose"):
        commune_constituency = Constituency.objects.filter(
            contest__election=demo_election, contest__kind=Contest.Kind.COMMUNE
        ).first()
        assert commune_constituency is not None
        Constituency.objects.filter(pk=commune_constituency.pk).update(seats=6)
        area = VotingArea.objects.filter(election=demo_election, kind=VotingArea.Kind.RESIDENTIAL).first()
        assert area is not None
        VotingArea.objects.filter(pk=area.pk).update(voter_count=4_500)
        ElectionBody.objects.filter(voting_area=area).delete()
        commune_constituency.voting_areas.remove(area)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("election", "check", "--election", str(demo_election.pk), "--json", stdout=out)
    assert exit_.value.code == 1
    doc = json.loads(out.getvalue())
    problems = {r["rule"]: r["problems"] for r in doc["rules"]}
    assert any(
        p["rule"] == "Art. 10(4)" and "Art. 10(4)" in p["message"] for p in problems["constituency_seats"]
    )
    assert any(p["rule"] == "Art. 11(2)" for p in problems["voting_area_size"])
    assert any(p["rule"] == "Art. 25(1)" for p in problems["one_team_per_voting_area"])
    assert any(p["rule"] == "Art. 11(1)" for p in problems["commune_area_coverage"])
    assert problems["contest_seat_totals"]  # 6 seats no longer add up to the council's size
