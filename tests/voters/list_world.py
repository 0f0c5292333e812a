"""A small world for the list-change tests: one election, three communes, a few voters written directly.

Communes A (Phường Kỳ Lừa) and C (Phường Lương Văn Tri) are in Lạng Sơn; B (Phường Ba Đình) in Hà Nội.
Each has one voting area and the commune People's Committee (keeps the list, Art. 31) as an actor.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_commune, make_actor
from baucu.audit.models import AuditEvent
from baucu.elections.models import Election, VotingArea
from baucu.units.models import Commune
from baucu.voters.models import Voter

E = dt.date(2026, 3, 15)
VN = ZoneInfo("Asia/Ho_Chi_Minh")


def vn(*args: int) -> dt.datetime:
    """A Vietnamese wall-clock time."""
    return dt.datetime(*args, tzinfo=VN)  # type: ignore[misc]


# Before the cut-off (07:00 14/03/2026), after posting (03/02/2026).
BEFORE_CUTOFF = vn(2026, 3, 10, 9, 0)


@dataclass
class World:
    election: Election
    communes: dict[str, Commune]
    areas: dict[str, VotingArea]
    actors: dict[str, Actor]
    voters: list[Voter]


def make_voter(area: VotingArea, seq: int, personal_id: str, name: str, *, basis: str = "permanent") -> Voter:
    voter = Voter(
        election=area.election,
        province_id=area.province_id,
        commune_id=area.commune_id,
        voting_area=area,
        seq=seq,
        personal_id=personal_id,
        full_name=name,
        birth_date=dt.date(1980, 5, 1),
        birth_year=1980,
        gender="F",
        ethnicity="Tày",
        basis=basis,
        votes_na=True,
        votes_provincial=True,
        votes_commune=basis != "facility",
    )
    voter.save()
    return voter


def make_world() -> World:
    election = Election.objects.create(name="Bầu cử thử 2026", day=E)
    communes = {
        "A": ensure_commune("06187", "20", "Phường Kỳ Lừa"),
        "C": ensure_commune("05983", "20", "Phường Lương Văn Tri"),
        "B": ensure_commune("00004", "01", "Phường Ba Đình"),
    }
    areas: dict[str, VotingArea] = {}
    actors: dict[str, Actor] = {}
    for key, commune in communes.items():
        area = VotingArea(
            election=election,
            province_id=commune.province_id,
            commune=commune,
            number=1,
            residence_groups="Tổ 1",
        )
        area.save()
        areas[key] = area
        actors[key] = make_actor(
            Role.COMMUNE_PEOPLES_COMMITTEE,
            Jurisdiction.commune(commune.province_id, commune.code),
            f"ubnd-{key}",
        )
    voters = [
        make_voter(areas["A"], 1, "020180000001", "Hoàng Thị Lan"),
        make_voter(areas["A"], 2, "020180000002", "Nông Văn Minh"),
        make_voter(areas["C"], 1, "020180000003", "Lý Thị Hoa"),
    ]
    return World(election, communes, areas, actors, voters)


def audit_actions() -> list[int]:
    with unscoped("tests"):
        return list(AuditEvent.objects.order_by("sequence").values_list("action", flat=True))


def client_for(client: Any, actor: Actor) -> Any:
    """A test client signed in as ``actor`` (demo-style: no second factor in tests)."""
    assert actor.user is not None
    actor.user.totp_demo_exempt = True
    actor.user.save(update_fields=["totp_demo_exempt"])
    client.force_login(actor.user)
    return client
