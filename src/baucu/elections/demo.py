"""Demo step: the Lạng Sơn 2026 election setup (E = 15/03/2026).

Real: the 3 NA constituencies of Lạng Sơn (seats 3 + 2 + 2, NEC Res. 85) and the 182 constituencies of
the whole country in the reference election. Synthetic, and labelled so (``is_synthetic``): the 13
provincial-council constituencies (50 seats), commune council sizes from a synthetic population through
the law core's formula (Law 72/2025 Art. 30), about 1,500 voting areas, commune-council constituencies
and the members of every Committee, Board and Team. Deterministic; loaded in one transaction through
the services (the synthetic rows by the bulk ``do_create_synthetic_setup``, one audit event listing
them); a second run changes nothing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from typing import TextIO

from django.db import transaction

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections.models import BodyMember, Constituency, Contest, Election, ElectionBody, VotingArea
from baucu.elections.na_constituencies import do_load_na_constituencies
from baucu.elections.reference import ELECTION_DAY_2026, national_2026_election
from baucu.elections.services import SyntheticSetup, do_create_election, do_create_synthetic_setup
from baucu.law import bodies as law_bodies
from baucu.law import districting
from baucu.law.contests import Contest as LawContest
from baucu.law.setup import VotingAreaKind
from baucu.units.models import Commune, Province

PROVINCE = "20"  # Lạng Sơn
DEMO_NAME = "Lạng Sơn 2026 — dữ liệu trình diễn (tổng hợp)"
PROVINCIAL_CONSTITUENCIES = 13  # law.md [4.12], 13 Boards (N8)
PROVINCIAL_POPULATION = 802_000  # synthetic; Law 72/2025 Art. 30(1)(a) gives 50 seats below 1,000,000
VOTERS_PER_AREA = 350  # Lạng Sơn 2021: 573,051 voters in 1,562 areas
MIN_AREAS_PER_COMMUNE = 7

SURNAMES: tuple[str, ...] = (
    "Hoàng",
    "Nông",
    "Lương",
    "Vi",
    "Lộc",
    "Hà",
    "Nguyễn",
    "Lăng",
    "Chu",
    "Mã",
    "Đinh",
    "Triệu",
    "Lý",
)
MIDDLES = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Hồng", "Ngọc", "Quang", "Thu", "Xuân")
GIVENS: tuple[str, ...] = (
    "An",
    "Bình",
    "Cường",
    "Dung",
    "Đào",
    "Giang",
    "Hà",
    "Hải",
    "Hùng",
    "Lan",
    "Linh",
    "Mai",
    "Nam",
    "Ngân",
)
GIVENS += ("Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trang", "Tuấn", "Uyên", "Vân", "Yến")
ORGS: tuple[str, ...] = (
    "Ủy ban nhân dân",
    "Ủy ban Mặt trận Tổ quốc",
    "Hội Liên hiệp Phụ nữ",
    "Đoàn Thanh niên",
    "Hội Nông dân",
)
ORGS += ("Hội Cựu chiến binh", "Công an", "Đại diện cử tri")


def _number(*parts: object) -> int:
    """A stable pseudo-random number from the parts (no global random state)."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _name(*parts: object) -> str:
    n = _number("name", *parts)
    return (
        f"{SURNAMES[n % len(SURNAMES)]} {MIDDLES[(n >> 8) % len(MIDDLES)]} {GIVENS[(n >> 16) % len(GIVENS)]}"
    )


def _commune_kind(commune: Commune) -> districting.CommuneKind:
    # Lạng Sơn is a mountainous province: its communes are mountainous communes (Art. 30(2)(a)).
    if commune.kind == Commune.Kind.WARD:
        return districting.CommuneKind.PROVINCE_WARD
    return districting.CommuneKind.MOUNTAINOUS_OR_ISLAND


def council_seats(commune: Commune) -> tuple[int, int]:
    """(synthetic population, council seats from the law core). A population on which the floor and
    ceiling readings of Art. 30 differ is moved down to one where they agree, so no official figure is
    needed for synthetic data."""
    population = 6_000 + _number("population", commune.code) % 16_000
    while True:
        size = districting.commune_council_size(population, _commune_kind(commune)).value
        if size.settled is not None:
            return population, size.settled
        population -= 1


def _smallest(tier: str, level: str, *, area: VotingAreaKind | None = None, military: bool = False) -> int:
    """The smallest membership the law core allows the body (Art. 22, 24, 25(1)): 5 for a Team of an
    armed-forces unit alone, 11 for any other Team."""
    member = law_bodies.Member(is_military=military)
    facts = law_bodies.BodyFacts(
        law_bodies.Tier(tier), LawContest(level), voting_area=area, members=(member,)
    )
    return law_bodies.BODY_RULES[law_bodies.body_kind(facts)].minimum


def _split(total: int, parts: int) -> list[int]:
    base, extra = divmod(total, parts)
    return [base + (1 if i < extra else 0) for i in range(parts)]


def _members(
    body: ElectionBody, size: int, *, military: bool = False, vice_chairs: int = 1
) -> list[BodyMember]:
    roles = [BodyMember.Role.CHAIR, *[BodyMember.Role.VICE_CHAIR] * vice_chairs, BodyMember.Role.SECRETARY]
    roles += [BodyMember.Role.MEMBER] * (size - len(roles))
    key = body.name
    return [
        BodyMember(
            province_id=PROVINCE,
            full_name=_name(key, i),
            role=role,
            organisation="Đơn vị quân đội" if military else ORGS[_number("org", key, i) % len(ORGS)],
            is_military=military,
            is_synthetic=True,
        )
        for i, role in enumerate(roles)
    ]


def _groups(commune: Commune, count: int) -> Iterator[str]:
    word = "Tổ dân phố" if commune.kind == Commune.Kind.WARD else "Thôn"
    return (f"{word} {i}" for i in range(1, count + 1))


def load(*, stdout: TextIO) -> None:
    actor = Actor.system("demo")
    with transaction.atomic(), unscoped("demo loader"):
        national = national_2026_election(actor=actor)
        national_report = do_load_na_constituencies(national, actor=actor)
        if Election.objects.filter(name=DEMO_NAME, day=ELECTION_DAY_2026).exists():
            stdout.write(f"Election setup: {national_report}; Lạng Sơn demo already loaded\n")
            return
        election = do_create_election(
            name=DEMO_NAME,
            day=ELECTION_DAY_2026,
            kind=Election.Kind.GENERAL,
            term_label="2026–2031",
            na_legislature=16,
            mode=Election.Mode.TEST,
            is_synthetic=True,
            actor=actor,
        )
        do_load_na_constituencies(election, actor=actor, provinces=[PROVINCE])
        counts = _load_lang_son(election, actor)
    stdout.write(f"Election setup: {national_report}; Lạng Sơn demo (synthetic): {counts}\n")


COMMITTEE_ON = dt.date(2025, 11, 27)  # ≤ 105 days before E (Art. 22): 30/11/2025
BOARDS_ON = dt.date(2026, 1, 3)  # ≤ 70 days (Art. 24): 04/01/2026
TEAMS_ON = dt.date(2026, 1, 30)  # ≤ 43 days (Art. 25(1)): 31/01/2026
VOTER_SHARE = 0.62  # synthetic voters per inhabitant


def _load_lang_son(election: Election, actor: Actor) -> str:
    province = Province.objects.get(code=PROVINCE)
    communes = list(Commune.objects.filter(province=province).order_by("code"))
    na = Contest.objects.get(election=election, kind=Contest.Kind.NA)
    na_constituencies = list(Constituency.objects.filter(contest=na, province=province).order_by("number"))

    # Provincial council: 50 seats (Law 72/2025 Art. 30(1)(a)) in 13 synthetic constituencies of 3–5 seats.
    provincial_size = districting.provincial_council_size(
        PROVINCIAL_POPULATION, districting.ProvinceKind.PROVINCE
    )
    provincial_seats = provincial_size.value.floor
    # Written in one go by the bulk service, whose audit event lists every row (see its docstring).
    setup = SyntheticSetup()
    provincial = Contest(
        election=election,
        kind=Contest.Kind.PROVINCIAL,
        province=province,
        seats_total=provincial_seats,
        is_synthetic=True,
    )
    setup.contests.append(provincial)
    seat_split = _split(provincial_seats, PROVINCIAL_CONSTITUENCIES)
    commune_split = _split(len(communes), PROVINCIAL_CONSTITUENCIES)
    provincial_constituencies = [
        Constituency(
            contest=provincial,
            province=province,
            number=i + 1,
            seats=seats,
            name=f"Đơn vị bầu cử số {i + 1} (tổng hợp)",
            is_synthetic=True,
        )
        for i, seats in enumerate(seat_split)
    ]
    start = 0
    for constituency, size in zip(provincial_constituencies, commune_split, strict=True):
        setup.constituencies.append((constituency, communes[start : start + size], []))
        start += size

    # Commune councils: seats from the law core's formula on a synthetic population.
    sizes = {c.code: council_seats(c) for c in communes}
    commune_contests = [
        Contest(
            election=election,
            kind=Contest.Kind.COMMUNE,
            province=province,
            commune=c,
            seats_total=sizes[c.code][1],
            is_synthetic=True,
        )
        for c in communes
    ]
    setup.contests += commune_contests

    # Voting areas, in proportion to the synthetic voters; a few separate areas (Art. 11(3)).
    areas: list[VotingArea] = []
    for index, commune in enumerate(communes):
        voters = int(sizes[commune.code][0] * VOTER_SHARE)
        count = max(MIN_AREAS_PER_COMMUNE, round(voters / VOTERS_PER_AREA))
        groups = list(_groups(commune, count * 2))
        remote = commune.kind != Commune.Kind.WARD
        for n, area_voters in enumerate(_split(voters, count)):
            areas.append(
                VotingArea(
                    election=election,
                    province=province,
                    commune=commune,
                    number=n + 1,
                    residence_groups="\n".join(groups[2 * n : 2 * n + 2]),
                    voter_count=area_voters,
                    polling_place=f"Nhà văn hóa {groups[2 * n]}, {commune.name}",
                    is_mountainous=remote,
                    is_synthetic=True,
                )
            )
        if index % 20 == 5:
            areas.append(
                VotingArea(
                    election=election,
                    province=province,
                    commune=commune,
                    number=count + 1,
                    kind=VotingArea.Kind.ARMED_FORCES,
                    facility=f"Đơn vị quân đội số {index} (tổng hợp)",
                    voter_count=140,
                    polling_place=f"Doanh trại đơn vị số {index}",
                    is_synthetic=True,
                )
            )
        if commune.kind == Commune.Kind.WARD and index % 2 == 0:
            areas.append(
                VotingArea(
                    election=election,
                    province=province,
                    commune=commune,
                    number=count + 1,
                    kind=VotingArea.Kind.HOSPITAL_CARE,
                    facility=f"Bệnh viện {commune.short_name} (tổng hợp)",
                    voter_count=160,
                    polling_place=f"Hội trường Bệnh viện {commune.short_name}",
                    is_synthetic=True,
                )
            )
    setup.voting_areas = areas
    areas_of: dict[str, list[VotingArea]] = {}
    for area in areas:
        areas_of.setdefault(area.commune_id, []).append(area)

    # Commune-council constituencies: 3–5 seats each (Art. 10(4)), covering the commune's areas.
    commune_constituencies: list[Constituency] = []
    for contest, commune in zip(commune_contests, communes, strict=True):
        seats = sizes[commune.code][1]
        parts = -(-seats // 5)
        mine = areas_of[commune.code]
        start = 0
        for i, (part_seats, part_areas) in enumerate(
            zip(_split(seats, parts), _split(len(mine), parts), strict=True)
        ):
            constituency = Constituency(
                contest=contest,
                province=province,
                commune=commune,
                number=i + 1,
                seats=part_seats,
                name=f"Đơn vị bầu cử số {i + 1} (tổng hợp)",
                is_synthetic=True,
            )
            commune_constituencies.append(constituency)
            setup.constituencies.append((constituency, [], mine[start : start + part_areas]))
            start += part_areas

    # Bodies of lawful size (Art. 22, 24, 25(1)) with synthetic members.
    bodies: list[tuple[ElectionBody, int, int, bool]] = []  # body, size, vice-chairs, military

    def body(
        kind: str,
        level: str,
        name: str,
        on: dt.date,
        size: int,
        vice: int,
        military: bool = False,
        **where: object,
    ) -> None:
        item = ElectionBody(
            election=election,
            kind=kind,
            level=level,
            province=province,
            name=name,
            established_on=on,
            is_synthetic=True,
            **where,
        )
        bodies.append((item, size, vice, military))

    kind, level = ElectionBody.Kind, ElectionBody.Level
    # Lạng Sơn's Committee has 31 members (law.md [3.3]); the election check asks the law core of it.
    body(kind.COMMITTEE, level.PROVINCIAL, f"Ủy ban bầu cử {province.name}", COMMITTEE_ON, 31, 3)
    for commune in communes:
        body(
            kind.COMMITTEE,
            level.COMMUNE,
            f"Ủy ban bầu cử {commune.name}",
            COMMITTEE_ON,
            _smallest(kind.COMMITTEE, level.COMMUNE),
            2,
            commune=commune,
        )
    for c in na_constituencies:
        body(
            kind.BOARD,
            level.NA,
            f"Ban bầu cử đại biểu Quốc hội, đơn vị bầu cử số {c.number}",
            BOARDS_ON,
            _smallest(kind.BOARD, level.NA),
            2,
            constituency=c,
        )
    for c in provincial_constituencies:
        body(
            kind.BOARD,
            level.PROVINCIAL,
            f"Ban bầu cử đại biểu HĐND tỉnh, đơn vị bầu cử số {c.number}",
            BOARDS_ON,
            _smallest(kind.BOARD, level.PROVINCIAL),
            2,
            constituency=c,
        )
    names = {c.code: c.name for c in communes}
    for c in commune_constituencies:
        body(
            kind.BOARD,
            level.COMMUNE,
            f"Ban bầu cử đại biểu HĐND {names[c.commune_id or '']}, đơn vị số {c.number}",
            BOARDS_ON,
            _smallest(kind.BOARD, level.COMMUNE),
            1,
            commune_id=c.commune_id,
            constituency=c,
        )
    for a in areas:
        military = a.kind == VotingArea.Kind.ARMED_FORCES
        body(
            kind.TEAM,
            level.COMMUNE,
            f"Tổ bầu cử khu vực bỏ phiếu số {a.number}, {names[a.commune_id]}",
            TEAMS_ON,
            _smallest(kind.TEAM, level.COMMUNE, area=VotingAreaKind(a.kind), military=military),
            0,
            military,
            commune_id=a.commune_id,
            voting_area=a,
        )
    setup.bodies = [
        (item, _members(item, size, military=military, vice_chairs=vice))
        for item, size, vice, military in bodies
    ]
    do_create_synthetic_setup(election, setup, actor=actor)
    members = [m for _, rows in setup.bodies for m in rows]
    return (
        f"{len(provincial_constituencies)} provincial and "
        f"{len(commune_constituencies)} commune constituencies, "
        f"{len(commune_contests)} commune councils ({sum(s for _, s in sizes.values())} seats), "
        f"{len(areas)} voting areas, {len(setup.bodies)} bodies, {len(members)} members"
    )
