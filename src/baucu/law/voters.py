"""Who is on a voter list and which contests each voter votes in (spec/law.md §2).

Every rule is available twice: as a per-voter decision with reasons (for services that change one voter,
such as list additions or certificates), and as plain parameters (:func:`pipeline_parameters`,
:data:`CONTESTS_BY_BASIS`) that a set-based DuckDB query applies to millions of rows without per-row
Python. The pipeline must take its parameters from here, never restate them.

Age in full years (Art. 2, "đủ mười tám tuổi ... tính đến ngày bầu cử"): a person is 18 on election day
E if born on or before E − 18 years. Where that anniversary does not exist (E on 29 February) it is
28 February. A person born on 29 February reaches the age on 1 March in common years under that rule;
the only day on which that choice decides anything (E on 28 February of a common year, born 29 February
exactly 18 years earlier) is left to a recorded manual decision, since the law does not say.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity

VOTING_AGE = 18  # Art. 2
TEMPORARY_RESIDENCE_MONTHS = 12  # Art. 29(3)
DEFAULT_VOTING_START = dt.time(7, 0)  # Art. 71(1)
EARLIEST_VOTING_START = dt.time(5, 0)  # Art. 71(1): a Team may start earlier, not before 05:00
LIST_CHANGES_CLOSE_BEFORE = dt.timedelta(hours=24)  # Art. 29(4), 30(2)–(4)


def years_before(day: dt.date, years: int) -> dt.date:
    """The same calendar day ``years`` earlier; 29 February falls back to 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class AgeRule:
    """An age threshold on election day as plain parameters (usable in SQL)."""

    years: int
    latest_birth_date: dt.date  # born on or before: the age is reached
    latest_certain_birth_year: int  # year-only births up to this year: reached
    manual_birth_year: int | None  # year-only births in this year: the day decides, so a person must
    manual_birth_date: dt.date | None  # a 29 February birth the law leaves open (module docstring)


def age_rule(election_day: dt.date, years: int) -> AgeRule:
    latest = years_before(election_day, years)
    year_end = latest.month == 12 and latest.day == 31
    leap_case = (
        election_day.month == 2
        and election_day.day == 28
        and not calendar.isleap(election_day.year)
        and calendar.isleap(latest.year)
    )
    return AgeRule(
        years=years,
        latest_birth_date=latest,
        latest_certain_birth_year=latest.year if year_end else latest.year - 1,
        manual_birth_year=None if year_end else latest.year,
        manual_birth_date=dt.date(latest.year, 2, 29) if leap_case else None,
    )


def latest_eligible_birth_date(election_day: dt.date) -> dt.date:
    """Born on or before this date: 18 full years on election day (Art. 2). 2026: 2008-03-15."""
    return years_before(election_day, VOTING_AGE)


def temporary_12m_since_cutoff(election_day: dt.date) -> dt.date:
    """Temporary residence registered on or before this date counts as ≥12 months (Art. 29(3)).

    Exactly 12 months (same day of the month a year earlier) counts.
    """
    return years_before(election_day, TEMPORARY_RESIDENCE_MONTHS // 12)


Birth = dt.date | int  # a full date, or the year alone (Form 31 note: allowed when the day is unknown)


def parse_birth(text: str, where: str = "birth_date") -> Birth:
    """``YYYY-MM-DD`` or ``YYYY`` (spec/formats.md §4)."""
    value = text.strip()
    try:
        if len(value) == 4 and value.isdigit():
            return int(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    raise InvalidInput([Problem(where, "Art. 2", "bad_birth_date", f"not a date or a year: {text!r}")])


def age_reached(
    birth: Birth, election_day: dt.date, years: int, *, article: str, rule_id: str
) -> Outcome[bool | None]:
    """Whether ``years`` full years are reached on election day; ``None`` when a person must decide."""
    rule = age_rule(election_day, years)
    if isinstance(birth, dt.date):
        if birth <= rule.latest_birth_date:
            return Outcome(True, (_age_reason("age_reached", years, article, rule_id, Severity.INFO),))
        if birth == rule.manual_birth_date:
            return Outcome(
                None, (_age_reason("leap_day_birthday", years, article, rule_id, Severity.MANUAL),)
            )
        return Outcome(False, (_age_reason("under_age", years, article, rule_id, Severity.INFO),))
    if birth <= rule.latest_certain_birth_year:
        return Outcome(True, (_age_reason("age_reached", years, article, rule_id, Severity.INFO),))
    if birth == rule.manual_birth_year:
        return Outcome(None, (_age_reason("birth_year_only", years, article, rule_id, Severity.MANUAL),))
    return Outcome(False, (_age_reason("under_age", years, article, rule_id, Severity.INFO),))


_AGE_TEXT = {
    "age_reached": ("Đủ {n} tuổi tính đến ngày bầu cử.", "{n} full years of age on election day."),
    "under_age": ("Chưa đủ {n} tuổi tính đến ngày bầu cử.", "Under {n} years of age on election day."),
    "birth_year_only": (
        "Chỉ có năm sinh, năm đó có thể chưa đủ {n} tuổi: cần quyết định và ghi lý do.",
        "Only the birth year is known and it may fall short of {n} years: manual decision required.",
    ),
    "leap_day_birthday": (
        "Sinh ngày 29/02: luật không quy định ngày tròn {n} tuổi trong năm không nhuận, cần quyết định.",
        "Born on 29 February: the law does not say when {n} years are reached in a common year; "
        "manual decision required.",
    ),
}


def _age_reason(code: str, years: int, article: str, rule_id: str, severity: Severity) -> Reason:
    vi, en = _AGE_TEXT[code]
    prefix = "voting" if years == VOTING_AGE else "candidacy"
    full_code = (
        code if code in ("birth_year_only", "leap_day_birthday") else code.replace("age", f"{prefix}_age")
    )
    return Reason(full_code, article, rule_id, vi.format(n=years), en.format(n=years), severity)


def voting_age(birth: Birth, election_day: dt.date) -> Outcome[bool | None]:
    """18 full years on election day (Art. 2); codes ``voting_age_reached`` / ``under_voting_age``."""
    return age_reached(birth, election_day, VOTING_AGE, article="Art. 2", rule_id="2.1")


class Status(StrEnum):
    """The ``status`` column of the population extract (spec/formats.md §4)."""

    NONE = ""
    DEPRIVED_OF_VOTING_RIGHTS = "deprived_of_voting_rights"  # Art. 30(1): final court judgment
    DEATH_SENTENCE = "death_sentence"  # sentenced to death, awaiting execution
    IMPRISONED = "imprisoned"  # serving a prison sentence without suspension
    LOST_CIVIL_CAPACITY = "lost_civil_capacity"  # restricted capacity does not exclude (law.md [2.4])
    DECEASED = "deceased"  # a fact, not an Art. 30 exclusion


EXCLUDING_STATUSES = frozenset(
    {
        Status.DEPRIVED_OF_VOTING_RIGHTS,
        Status.DEATH_SENTENCE,
        Status.IMPRISONED,
        Status.LOST_CIVIL_CAPACITY,
    }
)
NOT_LISTED_STATUSES = EXCLUDING_STATUSES | {Status.DECEASED}

_STATUS_TEXT = {
    Status.DEPRIVED_OF_VOTING_RIGHTS: (
        "Bị tước quyền bầu cử theo bản án, quyết định của Tòa án đã có hiệu lực pháp luật.",
        "Deprived of voting rights by a final court judgment or decision.",
    ),
    Status.DEATH_SENTENCE: ("Bị kết án tử hình đang trong thời gian chờ thi hành án.", "Sentenced to death."),
    Status.IMPRISONED: (
        "Đang chấp hành hình phạt tù mà không được hưởng án treo.",
        "Serving a prison sentence without suspension.",
    ),
    Status.LOST_CIVIL_CAPACITY: ("Bị mất năng lực hành vi dân sự.", "Has lost civil act capacity."),
}


def status_exclusion(status: str) -> Outcome[bool]:
    """Whether a person with this status is listed: ``True`` unless Art. 30(1) excludes or deceased.

    The reason code is the status itself (``imprisoned``, ``deceased``, ...), as in excluded.csv.
    """
    try:
        known = Status(status)
    except ValueError:
        raise InvalidInput(
            [Problem("status", "Art. 30(1)", "unknown_status", f"unknown status {status!r}")]
        ) from None
    if known is Status.NONE:
        return Outcome(True)
    if known is Status.DECEASED:
        return Outcome(
            False,
            (Reason("deceased", "Art. 29(1)", "2.3", "Đã chết.", "Deceased.", Severity.INFO),),
        )
    vi, en = _STATUS_TEXT[known]
    return Outcome(False, (Reason(known.value, "Art. 30(1)", "2.4", vi, en, Severity.INFO),))


class Basis(StrEnum):
    """Why a voter is on a list where they are (the ``basis`` column of spec/formats.md §6)."""

    PERMANENT = "permanent"
    TEMPORARY_12M = "temporary_12m"  # temporary residence registered ≥ 12 months as of E
    TEMPORARY = "temporary"  # temporary residence registered < 12 months
    FACILITY = "facility"  # hospital, care home, detention or compulsory facility, armed-forces unit
    VOTE_ELSEWHERE = "vote_elsewhere"  # added at the destination with a certificate (Art. 34)


class Sex(StrEnum):
    """Form 31 columns 3 and 4 (male, female); the voter card names it (Form 10)."""

    MALE = "M"
    FEMALE = "F"


class FacilityKind(StrEnum):
    HOSPITAL = "hospital"
    CARE = "care"
    DETENTION = "detention"
    COMPULSORY = "compulsory"
    MILITARY = "military"


@dataclass(frozen=True)
class Contests:
    """Which ballots a voter receives (Form 31 columns 8, 9, 10)."""

    na: bool
    provincial: bool
    commune: bool


ALL_LEVELS = Contests(na=True, provincial=True, commune=True)
NA_AND_PROVINCIAL = Contests(na=True, provincial=True, commune=False)

# Art. 29(3), 29(5), 34; Form 31 notes (law.md [2.5]–[2.19]).
CONTESTS_BY_BASIS: dict[Basis, Contests] = {
    Basis.PERMANENT: ALL_LEVELS,
    Basis.TEMPORARY_12M: ALL_LEVELS,
    Basis.TEMPORARY: NA_AND_PROVINCIAL,
    Basis.FACILITY: NA_AND_PROVINCIAL,
    Basis.VOTE_ELSEWHERE: NA_AND_PROVINCIAL,
}

_BASIS_REASON: dict[Basis, tuple[str, str, str, str]] = {
    Basis.PERMANENT: (
        "Art. 29(3)",
        "2.5",
        "Thường trú: bầu đại biểu Quốc hội, Hội đồng nhân dân cấp tỉnh và cấp xã.",
        "Permanent resident: votes NA, provincial and commune councils.",
    ),
    Basis.TEMPORARY_12M: (
        "Art. 29(3)",
        "2.5",
        "Tạm trú từ 12 tháng trở lên: bầu cả ba cấp.",
        "Temporary resident for 12 months or more: votes all three contests.",
    ),
    Basis.TEMPORARY: (
        "Art. 29(3)",
        "2.5",
        "Tạm trú dưới 12 tháng: bầu đại biểu Quốc hội và Hội đồng nhân dân cấp tỉnh.",
        "Temporary resident for less than 12 months: votes NA and provincial council.",
    ),
    Basis.FACILITY: (
        "Art. 29(3), 29(5); Form 31",
        "2.7",
        "Cử tri tại cơ sở hoặc đơn vị vũ trang: bầu đại biểu Quốc hội và Hội đồng nhân dân cấp tỉnh.",
        "Voter at a facility or armed-forces unit: votes NA and provincial council.",
    ),
    Basis.VOTE_ELSEWHERE: (
        "Art. 34",
        "2.17",
        "Bỏ phiếu ở nơi khác theo giấy chứng nhận: bầu đại biểu Quốc hội và Hội đồng nhân dân cấp tỉnh.",
        "Voting elsewhere with a certificate: votes NA and provincial council.",
    ),
}


def contests_for(basis: Basis) -> Outcome[Contests]:
    """The contests a voter on this basis votes in, with the article."""
    article, rule_id, vi, en = _BASIS_REASON[basis]
    return Outcome(CONTESTS_BY_BASIS[basis], (Reason(f"basis_{basis.value}", article, rule_id, vi, en),))


def contest_rows() -> tuple[tuple[str, bool, bool, bool], ...]:
    """``(basis, votes_na, votes_provincial, votes_commune)`` rows, e.g. for a DuckDB ``VALUES`` join."""
    return tuple((b.value, c.na, c.provincial, c.commune) for b, c in CONTESTS_BY_BASIS.items())


def pipeline_parameters(
    election_day: dt.date, voting_start: dt.time = DEFAULT_VOTING_START
) -> dict[str, Any]:
    """Every parameter the set-based voter pipeline needs, so SQL applies the same rules as this module."""
    age = age_rule(election_day, VOTING_AGE)
    return {
        "latest_eligible_birth_date": age.latest_birth_date,
        "latest_certain_birth_year": age.latest_certain_birth_year,
        "manual_birth_year": age.manual_birth_year,
        "manual_birth_date": age.manual_birth_date,
        "temporary_12m_since_cutoff": temporary_12m_since_cutoff(election_day),
        "excluding_statuses": sorted(s.value for s in EXCLUDING_STATUSES),
        "not_listed_statuses": sorted(s.value for s in NOT_LISTED_STATUSES),
        "list_changes_cutoff": list_changes_cutoff(election_day, voting_start),
        "contests_by_basis": contest_rows(),
    }


def residence_basis(
    election_day: dt.date,
    *,
    facility_kind: str | None = None,
    vote_at_temporary: bool = False,
    has_temporary_residence: bool = False,
    temporary_since: dt.date | None = None,
) -> Outcome[Basis]:
    """The basis of listing by the rule of spec/formats.md §4: facility, else temporary residence when the
    voter asked to vote there (Form 31 note), else permanent residence."""
    if facility_kind is not None:
        try:
            kind = FacilityKind(facility_kind)
        except ValueError:
            raise InvalidInput(
                [
                    Problem(
                        "facility_kind", "Art. 11(3)", "unknown_facility_kind", f"unknown: {facility_kind!r}"
                    )
                ]
            ) from None
        return Outcome(Basis.FACILITY, (*contests_for(Basis.FACILITY).reasons, _facility_reason(kind)))
    if not (vote_at_temporary and has_temporary_residence):
        return Outcome(Basis.PERMANENT, contests_for(Basis.PERMANENT).reasons)
    if temporary_since is None:
        return Outcome(Basis.TEMPORARY, (*contests_for(Basis.TEMPORARY).reasons, _SINCE_UNKNOWN))
    if temporary_since > election_day:
        raise InvalidInput(
            [
                Problem(
                    "temporary_since",
                    "Art. 29(3)",
                    "temporary_since_after_election_day",
                    "temporary residence registered after election day",
                )
            ]
        )
    basis = (
        Basis.TEMPORARY_12M
        if temporary_since <= temporary_12m_since_cutoff(election_day)
        else Basis.TEMPORARY
    )
    return Outcome(basis, contests_for(basis).reasons)


_SINCE_UNKNOWN = Reason(
    "temporary_since_unknown",
    "Art. 29(3)",
    "2.5",
    "Không rõ ngày đăng ký tạm trú: cần xác định đã đủ 12 tháng chưa (bầu Hội đồng nhân dân cấp xã).",
    "Temporary residence date unknown: decide whether 12 months are reached (commune vote).",
    Severity.MANUAL,
)


def _facility_reason(kind: FacilityKind) -> Reason:
    if kind in (FacilityKind.DETENTION, FacilityKind.COMPULSORY):
        return Reason(
            "facility_detention",
            "Art. 29(5)",
            "2.7",
            "Người bị tạm giam, tạm giữ, ở cơ sở giáo dục bắt buộc, cai nghiện bắt buộc: ghi tên tại cơ sở.",
            "Detained or in a compulsory facility: listed at the facility.",
        )
    if kind is FacilityKind.MILITARY:
        return Reason(
            "facility_military",
            "Art. 29(3), 31(2)",
            "2.13",
            "Quân nhân ở đơn vị vũ trang: bầu đại biểu Quốc hội và Hội đồng nhân dân cấp tỉnh.",
            "Soldier voting at the unit: NA and provincial council.",
        )
    return Reason(
        "facility_hospital_or_care",
        "Form 31 notes",
        "2.19",
        "Cử tri không cư trú ở địa phương (bệnh viện, cơ sở chăm sóc).",
        "Voter not resident locally (hospital, care home).",
    )


def vote_elsewhere_contests(
    origin_province: str | None, destination_province: str | None
) -> Outcome[Contests]:
    """The contests of a certificate holder at the destination (Art. 34): NA and provincial council.

    Whether Circular 21/2025 restricts voting elsewhere (e.g. to the same province) is UNVERIFIED
    (law.md [2.17]); a move across provinces is flagged for a person to confirm, never refused.
    """
    outcome = contests_for(Basis.VOTE_ELSEWHERE)
    if origin_province is not None and origin_province == destination_province:
        return outcome
    flag = Reason(
        "vote_elsewhere_restriction_unverified",
        "Art. 34",
        "2.17",
        "Chuyển nơi bỏ phiếu sang tỉnh khác (hoặc chưa rõ tỉnh): hướng dẫn của Thông tư 21/2025 chưa được "
        "kiểm chứng, cần xác nhận.",
        "Voting elsewhere across provinces (or province unknown): a possible restriction in Circular 21/2025 "
        "is unverified; confirm.",
        Severity.MANUAL,
    )
    return Outcome(outcome.value, (*outcome.reasons, flag))


def check_voting_start(voting_start: dt.time) -> None:
    """Voting starts at 07:00 or earlier, but not before 05:00 (Art. 71(1))."""
    if not EARLIEST_VOTING_START <= voting_start <= DEFAULT_VOTING_START:
        raise InvalidInput(
            [
                Problem(
                    "voting_start",
                    "Art. 71(1)",
                    "voting_start_out_of_range",
                    f"voting starts between 05:00 and 07:00, not {voting_start.strftime('%H:%M')}",
                )
            ]
        )


def list_changes_cutoff(election_day: dt.date, voting_start: dt.time = DEFAULT_VOTING_START) -> dt.datetime:
    """The moment additions to and removals from the voter list stop: voting start − 24 h (Art. 29–30).

    2026 with a 07:00 start: 2026-03-14 07:00; a Team starting at 05:00 closes its list at 05:00.
    """
    check_voting_start(voting_start)
    return dt.datetime.combine(election_day, voting_start) - LIST_CHANGES_CLOSE_BEFORE


def list_change_allowed(
    at: dt.datetime, election_day: dt.date, voting_start: dt.time = DEFAULT_VOTING_START
) -> Outcome[bool]:
    """Whether a list change at ``at`` is still allowed; changes stop at the cut-off moment itself."""
    cutoff = list_changes_cutoff(election_day, voting_start)
    if at < cutoff:
        return Outcome(True)
    when = cutoff.strftime("%H:%M %d/%m/%Y")
    return Outcome(
        False,
        (
            Reason(
                "list_changes_closed",
                "Art. 29(4), 30",
                "2.20",
                f"Đã hết hạn bổ sung, xóa tên trong danh sách cử tri ({when}).",
                f"Voter-list changes closed at {when}.",
                Severity.ERROR,
            ),
        ),
    )


@dataclass(frozen=True)
class VoterFacts:
    """One row of the population extract, as far as the law needs it (spec/formats.md §4)."""

    birth: Birth
    status: str = ""
    facility_kind: str | None = None
    vote_at_temporary: bool = False
    has_temporary_residence: bool = False
    temporary_since: dt.date | None = None


def assess_voter(facts: VoterFacts, election_day: dt.date) -> Outcome[Contests | None]:
    """Whether a person is listed and for which contests; ``None`` when not listed or undecided.

    Used per voter by services (additions, restored rights, certificates); the bulk pipeline applies the
    same rules through :func:`pipeline_parameters`.
    """
    status = status_exclusion(facts.status)
    if not status.value:
        return Outcome(None, status.reasons)
    age = voting_age(facts.birth, election_day)
    if not age.value:
        return Outcome(None, age.reasons)
    basis = residence_basis(
        election_day,
        facility_kind=facts.facility_kind,
        vote_at_temporary=facts.vote_at_temporary,
        has_temporary_residence=facts.has_temporary_residence,
        temporary_since=facts.temporary_since,
    )
    return Outcome(CONTESTS_BY_BASIS[basis.value], age.reasons + basis.reasons)


@dataclass(frozen=True)
class ListTotals:
    """Voters on a list per ballot type (Form 31 footer)."""

    na: int
    provincial: int
    commune: int


def list_totals(voters: Iterable[Contests]) -> ListTotals:
    """Per-contest totals of a voting area's list (Form 31 footer; law.md TC21)."""
    na = provincial = commune = 0
    for contests in voters:
        na += contests.na
        provincial += contests.provincial
        commune += contests.commune
    return ListTotals(na, provincial, commune)
