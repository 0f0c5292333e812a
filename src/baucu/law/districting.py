"""Constituencies, council sizes and voting areas (spec/law.md §4–5).

Council sizes follow Law 72/2025/QH15 Art. 30, whose "+1 per each additional N people" does not say
whether a partial block counts (law.md [5.6]). Both readings are computed; when they differ the outcome
asks for the official figure (Severity.MANUAL) instead of guessing.

Coverage checks take plain data (ids and id pairs) so the election-setup service can run them over the
rows it is about to save; every error names the ids at fault.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from baucu.law.contests import Contest
from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity

# Art. 10(4): at most 3 NA seats and 5 council seats per constituency; at least one by definition.
SEAT_CAP: dict[Contest, int] = {Contest.NA: 3, Contest.PROVINCIAL: 5, Contest.COMMUNE: 5}


def check_constituency_seats(contest: Contest, seats: int) -> Outcome[bool]:
    """Seats of one constituency within 1..cap (Art. 10(4))."""
    cap = SEAT_CAP[contest]
    if seats < 1:
        reason = Reason(
            "seats_below_minimum",
            "Art. 10(4)",
            "4.4",
            f"Đơn vị bầu cử phải có ít nhất 1 đại biểu được bầu (có {seats}).",
            f"A constituency elects at least 1 deputy (got {seats}).",
            Severity.ERROR,
        )
        return Outcome(False, (reason,))
    if seats > cap:
        reason = Reason(
            "seats_above_cap",
            "Art. 10(4)",
            "4.4",
            f"Mỗi đơn vị bầu cử được bầu không quá {cap} đại biểu (có {seats}).",
            f"A {contest.value} constituency elects at most {cap} deputies (got {seats}).",
            Severity.ERROR,
        )
        return Outcome(False, (reason,))
    return Outcome(True)


# --- Council sizes (Law 72/2025 Art. 30) ---------------------------------------------------------


class ProvinceKind(StrEnum):
    PROVINCE = "province"  # tỉnh
    CITY = "city"  # thành phố trực thuộc trung ương
    HANOI_HCMC = "hanoi_hcmc"  # Hà Nội, Thành phố Hồ Chí Minh: 125


class CommuneKind(StrEnum):
    MOUNTAINOUS_OR_ISLAND = "mountainous_or_island"  # xã miền núi, vùng cao, hải đảo
    COMMUNE = "commune"
    PROVINCE_WARD = "province_ward"  # phường thuộc tỉnh
    CITY_WARD = "city_ward"  # phường thuộc thành phố trực thuộc trung ương
    SPECIAL_ZONE = "special_zone"  # đặc khu


@dataclass(frozen=True)
class SizeRule:
    """``base`` seats up to ``base_population``; then +1 per ``per`` people up to ``up_to`` per tier."""

    base: int
    base_population: int
    tiers: tuple[tuple[int | None, int], ...]  # (upper population bound or None, people per seat)
    cap: int
    article: str
    rule_id: str


_PROVINCE = SizeRule(50, 1_000_000, ((None, 70_000),), 85, "Law 72/2025 Art. 30(1)(a)", "5.4")
_CITY = SizeRule(50, 1_200_000, ((None, 75_000),), 85, "Law 72/2025 Art. 30(1)(b)", "5.4")
HANOI_HCMC_SEATS = 125  # Law 72/2025 Art. 30(1)(c)
_MOUNTAIN = SizeRule(15, 5_000, ((10_000, 1_000), (None, 3_000)), 30, "Law 72/2025 Art. 30(2)(a)", "5.5")
_COMMUNE = SizeRule(15, 10_000, ((20_000, 2_000), (None, 6_000)), 30, "Law 72/2025 Art. 30(2)(b)", "5.5")
_CITY_WARD = SizeRule(15, 15_000, ((45_000, 6_000), (None, 7_000)), 30, "Law 72/2025 Art. 30(2)(d)", "5.5")

COMMUNE_RULES: dict[CommuneKind, SizeRule] = {
    CommuneKind.MOUNTAINOUS_OR_ISLAND: _MOUNTAIN,
    CommuneKind.COMMUNE: _COMMUNE,
    CommuneKind.PROVINCE_WARD: SizeRule(15, 10_000, _COMMUNE.tiers, 30, "Law 72/2025 Art. 30(2)(c)", "5.5"),
    CommuneKind.CITY_WARD: _CITY_WARD,
    CommuneKind.SPECIAL_ZONE: SizeRule(15, 5_000, _MOUNTAIN.tiers, 30, "Law 72/2025 Art. 30(2)(đ)", "5.5"),
}
PROVINCE_RULES: dict[ProvinceKind, SizeRule] = {ProvinceKind.PROVINCE: _PROVINCE, ProvinceKind.CITY: _CITY}
SPECIAL_ZONE_MIN_RESIDENTS = 1_000  # Law 72/2025 Art. 28: fewer permanent residents, no council


@dataclass(frozen=True)
class CouncilSize:
    """Council seats under the floor and the ceiling reading of "+1 per additional N"."""

    floor: int
    ceiling: int

    @property
    def settled(self) -> int | None:
        """The size when both readings agree, else ``None`` (use the official figure)."""
        return self.floor if self.floor == self.ceiling else None


def _extra_seats(population: int, rule: SizeRule, *, ceiling: bool) -> int:
    extra = 0
    lower = rule.base_population
    for upper, per in rule.tiers:
        if population <= lower:
            break
        top = population if upper is None else min(population, upper)
        extra += -(-(top - lower) // per) if ceiling else (top - lower) // per
        lower = top
    return extra


def _check_population(population: int) -> None:
    if population < 0:
        raise InvalidInput(
            [Problem("population", "Law 72/2025 Art. 30", "negative_population", "population is negative")]
        )


def council_size_by_rule(population: int, rule: SizeRule) -> Outcome[CouncilSize]:
    """Seats for ``population`` under ``rule``, both readings, capped; MANUAL when they differ."""
    _check_population(population)
    low = min(rule.base + _extra_seats(population, rule, ceiling=False), rule.cap)
    high = min(rule.base + _extra_seats(population, rule, ceiling=True), rule.cap)
    size = CouncilSize(low, high)
    reasons = [
        Reason(
            "council_size",
            rule.article,
            rule.rule_id,
            f"Số đại biểu Hội đồng nhân dân: {low}" + ("" if low == high else f" hoặc {high}") + ".",
            f"Council seats: {low}" + ("" if low == high else f" or {high}") + ".",
        )
    ]
    if low != high:
        reasons.append(
            Reason(
                "ambiguous_rounding",
                "Law 72/2025 Art. 30",
                "5.6",
                f"Luật không nói phần dân số lẻ có được tính thêm 1 đại biểu không ({low} hoặc {high}): "
                "dùng số liệu chính thức.",
                f"Ambiguous rounding, Law 72/2025 Art. 30 ({low} or {high}); use the official figure.",
                Severity.MANUAL,
            )
        )
    return Outcome(size, tuple(reasons))


def provincial_council_size(population: int, kind: ProvinceKind) -> Outcome[CouncilSize]:
    """Provincial council seats (Law 72/2025 Art. 30(1)): 50..85, Hà Nội and HCMC 125."""
    if kind is ProvinceKind.HANOI_HCMC:
        _check_population(population)
        reason = Reason(
            "council_size",
            "Law 72/2025 Art. 30(1)(c)",
            "5.4",
            f"Hà Nội, Thành phố Hồ Chí Minh: {HANOI_HCMC_SEATS} đại biểu.",
            f"Hà Nội and Ho Chi Minh City: {HANOI_HCMC_SEATS} seats.",
        )
        return Outcome(CouncilSize(HANOI_HCMC_SEATS, HANOI_HCMC_SEATS), (reason,))
    return council_size_by_rule(population, PROVINCE_RULES[kind])


def commune_council_size(
    population: int, kind: CommuneKind, *, permanent_residents: int | None = None
) -> Outcome[CouncilSize]:
    """Commune council seats (Law 72/2025 Art. 30(2)): 15..30.

    A special zone with fewer than 1,000 permanent residents (``permanent_residents``, by default
    ``population``) has no council and no commune election (Law 72/2025 Art. 28): size 0.
    """
    _check_population(population)
    if kind is CommuneKind.SPECIAL_ZONE:
        residents = population if permanent_residents is None else permanent_residents
        _check_population(residents)
        if residents < SPECIAL_ZONE_MIN_RESIDENTS:
            reason = Reason(
                "no_council_small_special_zone",
                "Law 72/2025 Art. 28",
                "5.8",
                "Đặc khu dưới 1.000 người thường trú không tổ chức Hội đồng nhân dân: không bầu cử cấp xã.",
                "A special zone with under 1,000 permanent residents has no council: no commune election.",
            )
            return Outcome(CouncilSize(0, 0), (reason,))
    return council_size_by_rule(population, COMMUNE_RULES[kind])


# --- Voting areas (Art. 11) ----------------------------------------------------------------------

AREA_MIN_VOTERS = 300  # Art. 11(2)
AREA_MAX_VOTERS = 4_000
HOSPITAL_AREA_MIN_VOTERS = 50  # Art. 11(3)


class AreaKind(StrEnum):
    GENERAL = "general"
    REMOTE = "remote"  # mountainous, island or sparsely populated: fewer than 300 allowed (Art. 11(2))
    MILITARY = "military"  # armed-forces unit: no minimum (Art. 11(3))
    HOSPITAL_CARE = "hospital_care"  # hospital, maternity, nursing or care home: ≥ 50 voters
    DETENTION = "detention"  # detention camp, compulsory education or rehab facility


_SEPARATE_AREAS = (AreaKind.MILITARY, AreaKind.HOSPITAL_CARE, AreaKind.DETENTION)


def check_voting_area_size(voters: int, kind: AreaKind = AreaKind.GENERAL) -> Outcome[bool]:
    """A voting area's size: 300–4,000 voters (Art. 11(2)) with the exceptions of Art. 11(2)–(3).

    A separate area of Art. 11(3) above 4,000 voters is flagged for a decision: Art. 11(3) sets no
    maximum and whether Art. 11(2)'s applies is not settled by the text.
    """
    if voters < 1:
        return _area_error(
            "voting_area_empty", "Art. 11(1)", "Khu vực bỏ phiếu không có cử tri.", "No voters."
        )
    if voters > AREA_MAX_VOTERS:
        if kind in _SEPARATE_AREAS:
            return Outcome(
                False,
                (
                    Reason(
                        "separate_area_above_4000",
                        "Art. 11(2), 11(3)",
                        "4.8",
                        f"Khu vực bỏ phiếu riêng có {voters} cử tri (trên 4.000): cần quyết định.",
                        f"Separate voting area with {voters} voters (above 4,000): manual decision required.",
                        Severity.MANUAL,
                    ),
                ),
            )
        return _area_error(
            "voting_area_above_4000",
            "Art. 11(2)",
            f"Khu vực bỏ phiếu có {voters} cử tri, vượt quá 4.000.",
            f"The voting area has {voters} voters, more than 4,000.",
        )
    if kind is AreaKind.HOSPITAL_CARE and voters < HOSPITAL_AREA_MIN_VOTERS:
        return _area_error(
            "hospital_area_below_50",
            "Art. 11(3)",
            f"Bệnh viện, cơ sở chăm sóc chỉ lập khu vực bỏ phiếu riêng khi có từ 50 cử tri (có {voters}).",
            f"A hospital or care home forms a separate voting area only with 50 or more voters ({voters}).",
        )
    if kind is AreaKind.GENERAL and voters < AREA_MIN_VOTERS:
        return _area_error(
            "voting_area_below_300",
            "Art. 11(2)",
            f"Khu vực bỏ phiếu có {voters} cử tri, ít hơn 300 (chỉ miền núi, hải đảo, nơi dân cư thưa thớt).",
            f"The voting area has {voters} voters, fewer than 300 (allowed only in remote areas).",
        )
    return Outcome(True)


def _area_error(code: str, article: str, vi: str, en: str) -> Outcome[bool]:
    rule_id = "4.8" if article == "Art. 11(3)" else "4.7"
    return Outcome(False, (Reason(code, article, rule_id, vi, en, Severity.ERROR),))


# --- Coverage -------------------------------------------------------------------------------------


def _group(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """``{member: [containers]}`` from ``(container, member)`` pairs, keeping order, without repeats."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for container, member in pairs:
        if container not in grouped[member]:
            grouped[member].append(container)
    return grouped


def _coverage(
    members: Iterable[str],
    pairs: Iterable[tuple[str, str]],
    *,
    what: tuple[str, str],
    article: str,
    rule_id: str,
    codes: tuple[str, str, str],
) -> Outcome[bool]:
    known = list(dict.fromkeys(members))
    known_set = set(known)
    grouped = _group(pairs)
    vi_what, en_what = what
    missing, several, unknown = codes
    reasons: list[Reason] = []
    for member in known:
        containers = grouped.get(member, [])
        if not containers:
            reasons.append(
                Reason(
                    missing,
                    article,
                    rule_id,
                    f"{vi_what} {member} không thuộc đơn vị bầu cử nào.",
                    f"{en_what} {member} is in no constituency.",
                    Severity.ERROR,
                )
            )
        elif len(containers) > 1:
            listed = ", ".join(containers)
            reasons.append(
                Reason(
                    several,
                    article,
                    rule_id,
                    f"{vi_what} {member} thuộc nhiều đơn vị bầu cử: {listed}.",
                    f"{en_what} {member} is in several constituencies: {listed}.",
                    Severity.ERROR,
                )
            )
    for member, containers in grouped.items():
        if member not in known_set:
            listed = ", ".join(containers)
            reasons.append(
                Reason(
                    unknown,
                    article,
                    rule_id,
                    f"{vi_what} {member} (đơn vị bầu cử {listed}) không có trong danh sách.",
                    f"Unknown {en_what.lower()} {member} (constituency {listed}).",
                    Severity.ERROR,
                )
            )
    return Outcome(not reasons, tuple(reasons))


def check_voting_area_constituencies(
    contest: Contest, voting_areas: Iterable[str], assignments: Iterable[tuple[str, str]]
) -> Outcome[bool]:
    """Each voting area lies in exactly one constituency of ``contest`` (Art. 11(1)).

    ``assignments`` are ``(constituency_id, voting_area_id)`` pairs; ``voting_areas`` are all areas the
    contest covers (for a commune council, the areas of that commune).
    """
    return _coverage(
        voting_areas,
        assignments,
        what=("Khu vực bỏ phiếu", "Voting area"),
        article="Art. 11(1)",
        rule_id="4.6",
        codes=(
            f"voting_area_without_{contest.value}_constituency",
            f"voting_area_in_several_{contest.value}_constituencies",
            "unknown_voting_area",
        ),
    )


def check_commune_coverage(
    contest: Contest, communes: Iterable[str], assignments: Iterable[tuple[str, str]]
) -> Outcome[bool]:
    """Every commune of a province lies in exactly one NA (or provincial-council) constituency.

    ``communes`` are the province's commune codes; ``assignments`` are ``(constituency_id, commune_code)``.
    """
    if contest is Contest.COMMUNE:
        raise InvalidInput(
            [
                Problem(
                    "contest",
                    "Art. 10(2), 10(3)",
                    "invalid_contest",
                    "commune coverage applies to NA and provincial constituencies",
                )
            ]
        )
    return _coverage(
        communes,
        assignments,
        what=("Xã", "Commune"),
        article="Art. 10(2)" if contest is Contest.NA else "Art. 10(3)",
        rule_id="4.1",
        codes=(
            f"commune_without_{contest.value}_constituency",
            f"commune_in_several_{contest.value}_constituencies",
            "unknown_commune",
        ),
    )


LOCAL_NA_DEPUTIES_MIN = 3  # Art. 7


def check_local_na_deputies(province: str, local_deputies: int) -> Outcome[bool]:
    """At least 3 NA deputies per province who reside and work there (Art. 7)."""
    if local_deputies >= LOCAL_NA_DEPUTIES_MIN:
        return Outcome(True)
    reason = Reason(
        "fewer_than_3_local_na_deputies",
        "Art. 7",
        "5.1",
        f"Tỉnh {province} phải có ít nhất 3 đại biểu Quốc hội cư trú, làm việc tại địa phương "
        f"(có {local_deputies}).",
        f"Province {province} needs at least 3 locally based NA deputies (has {local_deputies}).",
        Severity.ERROR,
    )
    return Outcome(False, (reason,))
