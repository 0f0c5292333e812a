"""Writes that used to skip their service: contests, the NA reload, the voting-area import, the demo."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.elections import services
from baucu.elections.constituency_import import do_import_constituencies
from baucu.elections.imports import ImportRejected, do_import_voting_areas
from baucu.elections.models import Constituency, Contest, Election, ElectionBody, Justification, VotingArea
from baucu.elections.na_constituencies import do_load_na_constituencies, read_data
from baucu.units.models import Commune

pytestmark = pytest.mark.django_db
LATE = "Nhập bổ sung sau thời hạn để kiểm thử."
KY_LUA = "06187"


@pytest.fixture
def election(units: None, system: Actor) -> Election:
    return services.do_create_election(name="Ghi qua dịch vụ", day=dt.date(2026, 3, 15), actor=system)


def _events(action: AuditAction) -> list[AuditEvent]:
    with unscoped("test"):
        return list(AuditEvent.objects.filter(action=action).order_by("sequence"))


# ---------------------------------------------------------------- contests


def test_a_province_committee_brings_the_na_contest_into_being_with_an_audit_event(
    election: Election,
) -> None:
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"), "ubbc-tinh-20")
    codes = sorted(Commune.objects.filter(province_id="20").values_list("code", flat=True))
    thirds = [codes[0::3], codes[1::3], codes[2::3]]
    rows = [
        {"contest": "na", "number": str(i + 1), "seats": s, "commune_codes": "; ".join(part), "name": ""}
        for i, (part, s) in enumerate(zip(thirds, ("3", "2", "2"), strict=True))
    ]
    do_import_constituencies(
        election, rows, file="dvbc.csv", justification=LATE, only_province="20", actor=committee
    )
    with unscoped("test"):
        na = Contest.objects.get(election=election, kind=Contest.Kind.NA)
    assert na.province_id is None  # the NA contest stays national
    [event] = _events(AuditAction.CONTEST_CREATED)
    assert (event.object_id, event.province_code, event.actor_username) == (str(na.pk), "20", "ubbc-tinh-20")


def test_a_commune_committee_may_not_create_the_na_contest(election: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-ky-lua-na")
    with pytest.raises(PermissionDenied):
        services.ensure_contest(election, kind=Contest.Kind.NA, actor=committee)
    with pytest.raises(PermissionDenied):
        services.ensure_contest(
            election,
            kind=Contest.Kind.NA,
            province=Commune.objects.get(code=KY_LUA).province,
            actor=committee,
        )
    with unscoped("test"):
        assert not Contest.objects.filter(election=election).exists()


def test_ensure_contest_finds_the_existing_contest_and_writes_nothing(
    election: Election, system: Actor
) -> None:
    commune = Commune.objects.get(code=KY_LUA)
    first = services.ensure_contest(election, kind=Contest.Kind.COMMUNE, commune=commune, actor=system)
    again = services.ensure_contest(election, kind=Contest.Kind.COMMUNE, commune=commune, actor=system)
    assert first.pk == again.pk
    assert len(_events(AuditAction.CONTEST_CREATED)) == 1


# ---------------------------------------------------------------- the NA reload


def test_a_na_reload_records_what_it_replaced__art_10_2(election: Election, system: Actor) -> None:
    do_load_na_constituencies(election, actor=system, provinces=["20"])
    data = copy.deepcopy(read_data())
    lang_son = next(p for p in data["provinces"] if p["code"] == 20)
    moved = lang_son["constituencies"][0]["units"].pop()
    lang_son["constituencies"][1]["units"].append(moved)
    report = do_load_na_constituencies(election, actor=system, provinces=["20"], data=data)
    assert report.changed
    first, second = _events(AuditAction.NA_CONSTITUENCIES_LOADED)
    assert first.old_value == {"constituencies": []}
    assert second.old_value == {"constituencies": first.new_value["constituencies"]}
    before = {c["number"]: c["communes"] for c in second.old_value["constituencies"]}
    after = {c["number"]: c["communes"] for c in second.new_value["constituencies"]}
    assert moved["code"] in before[1]
    assert moved["code"] not in after[1]
    assert moved["code"] in after[2]
    unchanged = do_load_na_constituencies(election, actor=system, provinces=["20"], data=data)
    assert not unchanged.changed
    assert len(_events(AuditAction.NA_CONSTITUENCIES_LOADED)) == 2  # an unchanged reload writes nothing


def test_a_na_reload_is_refused_once_boards_exist__art_24(election: Election, system: Actor) -> None:
    from baucu.elections.errors import SetupError

    do_load_na_constituencies(election, actor=system, provinces=["20"])
    with unscoped("test"):
        constituency = Constituency.objects.filter(contest__election=election).order_by("number").first()
        assert constituency is not None
        ElectionBody.objects.create(
            election=election,
            kind=ElectionBody.Kind.BOARD,
            level=ElectionBody.Level.NA,
            province_id="20",
            constituency=constituency,
            name="Ban bầu cử số 1",
        )
    data = copy.deepcopy(read_data())
    lang_son = next(p for p in data["provinces"] if p["code"] == 20)
    lang_son["constituencies"][1]["units"].append(lang_son["constituencies"][0]["units"].pop())
    with pytest.raises(SetupError) as caught:
        do_load_na_constituencies(election, actor=system, provinces=["20"], data=data)
    assert "Art. 24" in caught.value.messages("en")[0]


# ---------------------------------------------------------------- the voting-area import


def _rows(*numbers: int, voters: str = "850") -> list[dict[str, str]]:
    return [
        {
            "commune_code": KY_LUA,
            "number": str(n),
            "kind": "residential",
            "residence_groups": f"Tổ {n}",
            "facility": "",
            "polling_place": "Nhà văn hóa",
            "voter_count": voters,
            "is_mountainous": "0",
        }
        for n in numbers
    ]


def test_the_voting_area_import_writes_through_the_single_service_and_its_deadline_gate(
    election: Election, system: Actor
) -> None:
    assert (
        do_import_voting_areas(election, _rows(1, 2), file="kvbp.csv", justification=LATE, actor=system) == 2
    )
    with unscoped("test"):
        areas = {a.pk for a in VotingArea.objects.filter(election=election)}
        late = Justification.objects.filter(election=election)
        assert {j.reason for j in late} == {LATE}  # recorded for each area, as a single action would
        assert late.count() == 2
    created = _events(AuditAction.VOTING_AREA_CREATED)
    assert {int(e.object_id) for e in created} == areas
    [summary] = _events(AuditAction.SETUP_IMPORTED)
    assert sorted(summary.new_value["voting_areas"]) == sorted(areas)


def test_a_commune_committee_cannot_import_areas_of_another_commune(election: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", "05983"), "ubbc-khac")
    with pytest.raises(PermissionDenied):
        do_import_voting_areas(election, _rows(1), file="kvbp.csv", justification=LATE, actor=committee)
    with unscoped("test"):
        assert not VotingArea.objects.filter(election=election).exists()


def test_a_refused_area_rolls_back_the_areas_before_it(election: Election, system: Actor) -> None:
    rows = _rows(1, 2) + _rows(3, voters="4500")  # above 4,000 (Art. 11(2))
    with pytest.raises(ImportRejected) as caught:
        do_import_voting_areas(election, rows, file="kvbp.csv", justification=LATE, actor=system)
    assert {(p.row, p.field) for p in caught.value.problems} == {(4, "voter_count")}
    with unscoped("test"):
        assert not VotingArea.objects.filter(election=election).exists()
    assert not _events(AuditAction.VOTING_AREA_CREATED)


# ---------------------------------------------------------------- the demo's bulk service


def test_the_bulk_setup_is_for_synthetic_test_elections_only(election: Election, system: Actor) -> None:
    commune = Commune.objects.get(code=KY_LUA)
    area = VotingArea(election=election, province_id="20", commune=commune, number=1, is_synthetic=True)
    with pytest.raises(ValueError, match="synthetic test election"):
        services.do_create_synthetic_setup(
            election, services.SyntheticSetup(voting_areas=[area]), actor=system
        )
    synthetic = services.do_create_election(
        name="Tổng hợp", day=dt.date(2026, 3, 15), is_synthetic=True, actor=system
    )
    real = VotingArea(election=synthetic, province_id="20", commune=commune, number=1)
    with pytest.raises(ValueError, match="labelled synthetic"):
        services.do_create_synthetic_setup(
            synthetic, services.SyntheticSetup(voting_areas=[real]), actor=system
        )
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", "05983"), "ubbc-khac-2")
    area.election = synthetic
    with pytest.raises(PermissionDenied):
        services.do_create_synthetic_setup(
            synthetic, services.SyntheticSetup(voting_areas=[area]), actor=committee
        )
    with unscoped("test"):
        assert not VotingArea.objects.filter(election=synthetic).exists()


def test_the_demo_writes_through_one_event_that_lists_every_row(demo_election: Election) -> None:
    [event] = [
        e for e in _events(AuditAction.SYNTHETIC_SETUP_CREATED) if e.election_key == str(demo_election.pk)
    ]
    with unscoped("test"):
        areas = set(VotingArea.objects.filter(election=demo_election).values_list("pk", flat=True))
        bodies = set(ElectionBody.objects.filter(election=demo_election).values_list("pk", flat=True))
        constituencies = set(
            Constituency.objects.filter(contest__election=demo_election)
            .exclude(contest__kind=Contest.Kind.NA)
            .values_list("pk", flat=True)
        )
    assert {row[0] for row in event.new_value["voting_areas"]} == areas
    assert {row[0] for row in event.new_value["bodies"]} == bodies
    assert {row[0] for row in event.new_value["constituencies"]} == constituencies
    assert event.new_value["members"] == sum(row[-1] for row in event.new_value["bodies"])
    assert len(event.new_value["members_sha256"]) == 64
