"""From voter-list rows to the printed forms: residence columns by basis, notes, removed rows."""

from __future__ import annotations

import datetime as dt

import pytest

from baucu.accounts.testing import ensure_commune
from baucu.elections.models import Election, VotingArea
from baucu.voters.models import Voter
from baucu.voters.printout_data import line_of, place_of, voter_list_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def area() -> VotingArea:
    commune = ensure_commune("06187", "20", name="Phường Kỳ Lừa")
    election = Election.objects.create(name="Bầu cử thử", day=dt.date(2026, 3, 15))
    made = VotingArea(
        election=election, province_id="20", commune=commune, number=4, polling_place="Nhà văn hóa"
    )
    made.save()
    return made


def _voter(area: VotingArea, seq: int, **fields: object) -> Voter:
    values: dict[str, object] = {
        "full_name": "Hoàng Văn Đức",
        "birth_year": 1961,
        "gender": Voter.Gender.MALE,
        "personal_id": f"0200610{seq:05d}",
        "residence_group": "Khối 6",
        "basis": Voter.Basis.PERMANENT,
        "votes_na": True,
        "votes_provincial": True,
        "votes_commune": True,
    }
    values.update(fields)
    return Voter(
        election=area.election, province_id="20", commune=area.commune, voting_area=area, seq=seq, **values
    )


def test_place_names_the_election_area_commune_and_province(area: VotingArea) -> None:
    place = place_of(area)
    assert (place.area_number, place.commune_name, place.election_year) == (4, "Phường Kỳ Lừa", 2026)
    assert place.province_name == area.commune.province.name
    assert place.polling_place == "Nhà văn hóa"


def test_residence_column_follows_the_basis_of_listing(area: VotingArea) -> None:
    permanent = line_of(_voter(area, 1))
    temporary = line_of(
        _voter(
            area, 2, basis=Voter.Basis.TEMPORARY, temporary_since=dt.date(2025, 12, 1), votes_commune=False
        )
    )
    facility = line_of(_voter(area, 3, basis=Voter.Basis.FACILITY))
    assert (permanent.permanent_residence, permanent.temporary_residence) == ("Khối 6", "")
    assert (temporary.permanent_residence, temporary.temporary_residence) == ("", "Khối 6")
    assert temporary.note == "Tạm trú từ 01/12/2025"  # the start of temporary residence ([2.6])
    assert facility.current_abode == "Khối 6"
    assert facility.residence == "Khối 6"


def test_voting_elsewhere_is_noted_and_removed_rows_are_not_printed__art_34(area: VotingArea) -> None:
    voters = [
        _voter(area, 2, status=Voter.Status.VOTING_ELSEWHERE),
        _voter(area, 1, full_name="Nguyễn Thị Ánh", gender=Voter.Gender.FEMALE),
        _voter(area, 3, status=Voter.Status.REMOVED),
    ]
    printed = voter_list_of(area, voters)
    assert [line.seq for line in printed.lines] == [1, 2]
    assert printed.lines[1].note == "Bỏ phiếu ở nơi khác"
    assert not printed.lines[1].votes_here
    assert printed.totals.voters == 1
    assert printed.totals.voting_elsewhere == 1


def test_certificate_adapter_takes_the_voter_from_the_origin_row(area: VotingArea) -> None:
    from django.utils import timezone

    from baucu.accounts.scoping import unscoped
    from baucu.voters.models import VoteElsewhereCertificate
    from baucu.voters.printout_data import certificate_of

    destination = ensure_commune("00004", "01", name="Phường Ba Đình")
    voter = _voter(area, 5, birth_date=dt.date(1961, 5, 19), status=Voter.Status.VOTING_ELSEWHERE)
    with unscoped("test set-up"):
        voter.save()
        made = VoteElsewhereCertificate.objects.create(
            election=area.election,
            province_id="20",
            commune=area.commune,
            number="3/GCN",
            origin_voter=voter,
            destination_province_id="01",
            destination_commune=destination,
            issued_at=timezone.now(),
            issued_by="test",
        )
    data = certificate_of(made)
    assert (data.full_name, data.card_number, data.area_number) == ("Hoàng Văn Đức", 5, 4)
    assert (data.destination_commune_name, data.birth_date) == ("Phường Ba Đình", dt.date(1961, 5, 19))
    assert data.issued_on == timezone.localdate(made.issued_at)


def test_imported_residences_fill_7a_7b_and_the_current_abode_is_where_listed(area: VotingArea) -> None:
    area.facility = "Đồn Biên phòng"
    permanent = line_of(_voter(area, 1, permanent_residence="Khối 6, Phường Kỳ Lừa"), area)
    soldier = line_of(
        _voter(
            area,
            2,
            basis=Voter.Basis.FACILITY,
            residence_group="",
            permanent_residence="Thôn Nà, Xã Khác",
            temporary_residence="Khối 1, Phường Kỳ Lừa",
        ),
        area,
    )
    assert (permanent.permanent_residence, permanent.temporary_residence) == ("Khối 6, Phường Kỳ Lừa", "")
    assert permanent.current_abode == "Khối 6, Phường Kỳ Lừa"
    assert (soldier.permanent_residence, soldier.temporary_residence) == (
        "Thôn Nà, Xã Khác",
        "Khối 1, Phường Kỳ Lừa",
    )
    assert soldier.current_abode == "Đồn Biên phòng, Phường Kỳ Lừa"
