"""Communes, residence groups and facilities of a synthetic province, and its voting-area plan.

Commune codes come from ``vietnam_provinces`` (the authority for unit codes, 2025 list); the
package is read directly so this works without Django. Residence groups are thôn in rural
communes (xã) and khối / tổ dân phố in wards (phường), named from common Tày–Nùng place-name
syllables. The plan (spec/formats.md §5) puts consecutive residence groups of a commune into one
voting area until the area would exceed its target size; each facility gets an area of its own
(Art. 11(3)).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

# Place-name syllables of Lạng Sơn villages (Nà = field, Khuổi = stream, Pác = mouth, Bản = village ...).
_PLACE_FIRST = (
    "Nà",
    "Khuổi",
    "Pác",
    "Bản",
    "Còn",
    "Phai",
    "Lũng",
    "Khòn",
    "Nặm",
    "Pò",
    "Kéo",
    "Cốc",
    "Khau",
    "Slằng",
    "Tà",
    "Bó",
    "Thâm",
    "Nà Pàn",
    "Co",
    "Háng",
)
_PLACE_SECOND = (
    "Làng",
    "Mò",
    "Rọ",
    "Pàn",
    "Sla",
    "Đeng",
    "Cáp",
    "Luông",
    "Ngần",
    "Mạ",
    "Cháo",
    "Sào",
    "Phường",
    "Vằn",
    "Tẳng",
    "Lầy",
    "Khuông",
    "Riềng",
    "Thín",
    "Quân",
)


@dataclass(frozen=True)
class Commune:
    code: str  # 5 digits, 2025 list
    name: str
    is_ward: bool


@dataclass(frozen=True)
class Facility:
    code: str
    name: str
    kind: str  # hospital | care | detention | compulsory | military (spec/formats.md §4)
    commune_index: int  # where it is, as an index into the province's communes
    share: float  # of the population that votes there


def communes_of(province: int) -> list[Commune]:
    """The province's communes, wards and special zones, in code order."""
    from vietnam_provinces import Ward

    wards = [w for w in Ward.iter_all() if int(w.province_code) == province]
    if not wards:
        raise ValueError(f"no communes for province code {province} in vietnam_provinces")
    return [
        Commune(code=f"{int(w.code):05d}", name=w.name, is_ward=w.division_type.value == "phường")
        for w in sorted(wards, key=lambda w: int(w.code))
    ]


def residence_group_names(commune: Commune, commune_index: int, count: int) -> list[str]:
    """``count`` distinct residence-group names for one commune (small: one per village)."""
    if commune.is_ward:
        word = "Khối" if commune_index % 2 else "Tổ dân phố"
        return [f"{word} {i + 1}" for i in range(count)]
    pairs = len(_PLACE_FIRST) * len(_PLACE_SECOND)
    names = []
    for i in range(count):
        j = (i + 37 * commune_index) % pairs if i < pairs else i
        first, second = (
            _PLACE_FIRST[j % len(_PLACE_FIRST)],
            _PLACE_SECOND[(j // len(_PLACE_FIRST)) % len(_PLACE_SECOND)],
        )
        name = f"Thôn {first} {second}"
        names.append(name if i < pairs else f"{name} {i // pairs + 1}")
    return names


def facilities_of(province: int, communes: list[Commune]) -> list[Facility]:
    """A plausible set of facilities and armed-forces units; shares are of the whole population."""
    centre = next((i for i, c in enumerate(communes) if c.is_ward), 0)
    border = min(len(communes) - 1, len(communes) // 3)
    p = f"{province:02d}"
    return [
        Facility(f"BV{p}01", "Bệnh viện Đa khoa tỉnh", "hospital", centre, 0.0006),
        Facility(f"BV{p}02", "Bệnh viện Phổi", "hospital", centre, 0.0002),
        Facility(f"BT{p}01", "Trung tâm Bảo trợ xã hội", "care", centre, 0.0002),
        Facility(f"TG{p}01", "Trại tạm giam Công an tỉnh", "detention", centre, 0.0003),
        Facility(f"CN{p}01", "Cơ sở cai nghiện ma túy bắt buộc", "compulsory", centre, 0.0002),
        Facility(f"QS{p}01", "Bộ Chỉ huy Quân sự tỉnh", "military", centre, 0.0010),
        Facility(f"QS{p}02", "Đồn Biên phòng cửa khẩu", "military", border, 0.0004),
        Facility(f"QS{p}03", "Trung đoàn bộ binh", "military", border, 0.0008),
    ]


@dataclass(frozen=True)
class Geography:
    """Where people live: communes with their weights, residence groups and facilities."""

    communes: list[Commune]
    weights: np.ndarray  # share of the population per commune, sums to 1
    groups: list[list[str]]  # residence-group names per commune
    facilities: list[Facility]


# Citizens per residence group (Lạng Sơn: about 850,000 people in about 1,700 villages and blocks).
PEOPLE_PER_GROUP = 500


def geography(province: int, size: int, seed: int) -> Geography:
    rng = np.random.default_rng([seed, province, 1])
    communes = communes_of(province)
    weights = rng.lognormal(0.0, 0.45, len(communes))
    weights *= np.array([2.5 if c.is_ward else 1.0 for c in communes])  # wards are denser
    weights /= weights.sum()
    groups = [
        residence_group_names(c, i, max(1, round(size * float(w) / PEOPLE_PER_GROUP)))
        for i, (c, w) in enumerate(zip(communes, weights, strict=True))
    ]
    return Geography(communes, weights, groups, facilities_of(province, communes))


# Share of citizens who are voters (18+), used only to size areas in the plan.
_ADULT_SHARE = 0.72
# Target voters per area: comfortably inside Art. 11(2)'s 300–4,000.
AREA_TARGET_VOTERS = 1_500


def voting_area_plan(geo: Geography, size: int) -> pa.Table:
    """The plan of spec/formats.md §5 for this geography (one row per residence group or facility).

    Loops over residence groups (a few thousand), never over people.
    """
    communes: list[tuple[str, int]] = []
    rows_commune: list[str] = []
    rows_group: list[str | None] = []
    rows_facility: list[str | None] = []
    rows_area: list[str] = []
    for ci, (commune, names) in enumerate(zip(geo.communes, geo.groups, strict=True)):
        voters_per_group = size * float(geo.weights[ci]) / len(names) * _ADULT_SHARE
        per_area = max(1, int(AREA_TARGET_VOTERS // max(voters_per_group, 1.0)))
        area = 0
        for gi, name in enumerate(names):
            area = gi // per_area + 1
            rows_commune.append(commune.code)
            rows_group.append(name)
            rows_facility.append(None)
            rows_area.append(f"{commune.code}-KV{area:03d}")
        communes.append((commune.code, area))
    last_area = dict(communes)
    for f in geo.facilities:
        code = geo.communes[f.commune_index].code
        last_area[code] += 1
        rows_commune.append(code)
        rows_group.append(None)
        rows_facility.append(f.code)
        rows_area.append(f"{code}-KV{last_area[code]:03d}")
    return pa.table(
        {
            "commune_code": pa.array(rows_commune, pa.string()),
            "residence_group": pa.array(rows_group, pa.string()),
            "facility_code": pa.array(rows_facility, pa.string()),
            "voting_area_id": pa.array(rows_area, pa.string()),
        }
    )


@dataclass(frozen=True)
class FacilityArea:
    """A facility voting area given by the caller: its code as the extract carries it, and its size."""

    code: str
    kind: str  # hospital | care | detention | compulsory | military
    commune_code: str
    voters: int


def geography_from_layout(
    province: int,
    groups: dict[str, list[str]],
    voters: dict[str, int],
    facilities: Sequence[FacilityArea] = (),
) -> Geography:
    """A geography whose residence groups and facilities are the caller's (e.g. an election's voting
    areas): people are spread over communes in proportion to ``voters`` (planned voters per commune)
    and uniformly over each commune's groups, so every group of the plan gets people and no one lives
    in a group the plan lacks. Facility shares follow their planned voters."""
    by_code = {c.code: c for c in communes_of(province)}
    unknown = sorted(set(groups) - set(by_code))
    if unknown:
        raise ValueError(f"communes not in province {province}: {', '.join(unknown[:5])}")
    codes = sorted(code for code, names in groups.items() if names)
    communes = [by_code[code] for code in codes]
    weights = np.array([max(1, voters.get(code, 1)) for code in codes], dtype=float)
    total_voters = float(weights.sum() + sum(f.voters for f in facilities))
    weights /= weights.sum()
    index = {code: i for i, code in enumerate(codes)}
    made = [
        Facility(f.code, f.code, f.kind, index.get(f.commune_code, 0), f.voters / total_voters)
        for f in facilities
    ]
    return Geography(communes, weights, [list(groups[code]) for code in codes], made)
