"""Helpers of the lookup tests: identity numbers used, and makers of areas and voters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from baucu.elections.models import Election, VotingArea
from baucu.units.models import Commune
from baucu.voters.models import Voter

LISTED_ID = "020190001234"
YEAR_ONLY_ID = "020160004321"
CERTIFICATE_ID = "020185005555"
PENDING_ID = "020185006666"
UNLISTED_ID = "020199009999"


@dataclass
class Lists:
    election: Election
    area: VotingArea
    other_area: VotingArea


def make_area(election: Election, commune: Commune, number: int, place: str) -> VotingArea:
    area = VotingArea(election=election, province_id=commune.province_id, commune=commune)
    area.number, area.polling_place = number, place
    area.save()
    return area


def make_voter(area: VotingArea, seq: int, personal_id: str, **fields: object) -> Voter:
    values: dict[str, object] = {
        "full_name": "Hoàng Thị Mai",
        "birth_date": date(1990, 5, 17),
        "birth_year": 1990,
        "gender": Voter.Gender.FEMALE,
        "basis": Voter.Basis.PERMANENT,
        "votes_na": True,
        "votes_provincial": True,
        "votes_commune": True,
    }
    values.update(fields)
    voter = Voter(
        election=area.election,
        province_id=area.province_id,
        commune=area.commune,
        voting_area=area,
        seq=seq,
        personal_id=personal_id,
        **values,
    )
    voter.save()
    return voter
