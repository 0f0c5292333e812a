"""Small voter lists for the public lookup: one upcoming election in Lạng Sơn, a few voters."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone
from lookup_lists import CERTIFICATE_ID, LISTED_ID, PENDING_ID, YEAR_ONLY_ID, Lists, make_area, make_voter

from baucu.elections.models import Election
from baucu.units.models import Commune
from baucu.voters.models import VoteElsewhereCertificate, Voter


@pytest.fixture
def lists(units: None) -> Lists:
    ky_lua = Commune.objects.get(name="Phường Kỳ Lừa")
    other = Commune.objects.filter(province_id="20").exclude(code=ky_lua.code).order_by("code").first()
    assert other is not None
    election = Election(
        name="Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND nhiệm kỳ 2026–2031",
        day=timezone.localdate() + timedelta(days=30),
        mode=Election.Mode.OFFICIAL,
    )
    election.save()
    area = make_area(election, ky_lua, 7, "Nhà văn hóa khối 3")
    other_area = make_area(election, other, 2, "Trường tiểu học số 2")
    make_voter(area, 4711, LISTED_ID)
    make_voter(area, 4712, YEAR_ONLY_ID, birth_date=None, birth_year=1960, full_name="Nông Văn Tắc")
    # A certificate to vote elsewhere (Art. 34): origin row kept, listed again at the destination.
    make_voter(area, 4713, CERTIFICATE_ID, status=Voter.Status.VOTING_ELSEWHERE, birth_date=date(1985, 1, 2))
    make_voter(
        other_area,
        1,
        CERTIFICATE_ID,
        basis=Voter.Basis.VOTE_ELSEWHERE,
        birth_date=date(1985, 1, 2),
        votes_provincial=True,
        votes_commune=False,
    )
    pending = make_voter(
        area, 4714, PENDING_ID, status=Voter.Status.VOTING_ELSEWHERE, birth_date=date(1985, 3, 4)
    )
    VoteElsewhereCertificate(
        election=election,
        province_id="20",
        commune=ky_lua,
        number="11/2026",
        origin_voter=pending,
        destination_province_id="20",
        destination_commune=other,
        issued_at=timezone.now(),
        issued_by="test",
    ).save()
    return Lists(election, area, other_area)
