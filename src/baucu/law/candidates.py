"""Candidates: age, ineligibility, multiple candidacy, surplus, composition, list and ballot order
(spec/law.md §6).

List order (law.md [6.25], NEC note on Forms 13–15): by given name, then surname, then middle name, in
Vietnamese collation (:func:`baucu.law.collation.sort_key`); identical full names by earlier birth date,
and those names get their birth date printed in brackets. Names are compared for identity with
:func:`baucu.law.collation.match_key` (case and old/new tone placement do not make a name different),
and ordered by the same canonical form so that identical names always meet their birth-date rule.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from fractions import Fraction

from baucu.law.collation import match_key, normalize, sort_key
from baucu.law.contests import Contest
from baucu.law.districting import check_constituency_seats
from baucu.law.outcome import InvalidInput, Outcome, Problem, Reason, Severity
from baucu.law.voters import Birth, age_reached

CANDIDACY_AGE = 21  # Art. 2


def candidacy_age(birth: Birth, election_day: dt.date) -> Outcome[bool | None]:
    """21 full years on election day (Art. 2): for 2026 born on or before 2005-03-15.

    Codes ``candidacy_age_reached`` / ``under_candidacy_age``; a year-only birth in the cut-off year and
    the 29 February case need a manual decision, as for voters.
    """
    return age_reached(birth, election_day, CANDIDACY_AGE, article="Art. 2", rule_id="2.2")


# --- Ineligibility (Art. 37) ---------------------------------------------------------------------


class IneligibilityGround(StrEnum):
    DEPRIVED_OF_CANDIDACY_RIGHTS = "deprived_of_candidacy_rights"
    IMPRISONED = "imprisoned"
    LOST_CIVIL_CAPACITY = "lost_civil_capacity"
    RESTRICTED_CIVIL_CAPACITY = "restricted_civil_capacity"  # excludes candidacy, not voting
    ACCUSED = "accused"  # bị can
    SERVING_CRIMINAL_JUDGMENT = "serving_criminal_judgment"
    CRIMINAL_RECORD_NOT_EXPUNGED = "criminal_record_not_expunged"
    ADMINISTRATIVE_MEASURE = "administrative_measure"  # compulsory education or rehab, commune education


_GROUNDS: dict[IneligibilityGround, tuple[str, str, str]] = {
    IneligibilityGround.DEPRIVED_OF_CANDIDACY_RIGHTS: (
        "Art. 37(1)",
        "Đang bị tước quyền ứng cử theo bản án, quyết định của Tòa án.",
        "Deprived of the right to stand by a final court judgment.",
    ),
    IneligibilityGround.IMPRISONED: (
        "Art. 37(1)",
        "Đang chấp hành hình phạt tù.",
        "Serving a prison sentence.",
    ),
    IneligibilityGround.LOST_CIVIL_CAPACITY: (
        "Art. 37(1)",
        "Bị mất năng lực hành vi dân sự.",
        "Has lost civil act capacity.",
    ),
    IneligibilityGround.RESTRICTED_CIVIL_CAPACITY: (
        "Art. 37(1)",
        "Bị hạn chế năng lực hành vi dân sự.",
        "Has restricted civil act capacity.",
    ),
    IneligibilityGround.ACCUSED: ("Art. 37(2)", "Đang bị khởi tố bị can.", "Being prosecuted as an accused."),
    IneligibilityGround.SERVING_CRIMINAL_JUDGMENT: (
        "Art. 37(3)",
        "Đang chấp hành bản án, quyết định hình sự của Tòa án.",
        "Serving a criminal judgment or decision.",
    ),
    IneligibilityGround.CRIMINAL_RECORD_NOT_EXPUNGED: (
        "Art. 37(4)",
        "Đã chấp hành xong bản án nhưng chưa được xóa án tích.",
        "Sentence served but the criminal record is not yet expunged.",
    ),
    IneligibilityGround.ADMINISTRATIVE_MEASURE: (
        "Art. 37(5)",
        "Đang chấp hành biện pháp xử lý hành chính đưa vào cơ sở giáo dục bắt buộc, cai nghiện bắt buộc "
        "hoặc giáo dục tại xã, phường, đặc khu.",
        "Under an administrative measure (compulsory education or rehab, or education in the commune).",
    ),
}


def check_eligibility(grounds: Iterable[str]) -> Outcome[bool]:
    """Whether a person may stand: every ground of Art. 37 that applies is one error."""
    reasons: list[Reason] = []
    problems: list[Problem] = []
    for index, ground in enumerate(dict.fromkeys(grounds)):
        try:
            known = IneligibilityGround(ground)
        except ValueError:
            problems.append(Problem(f"grounds[{index}]", "Art. 37", "unknown_ground", f"unknown: {ground!r}"))
            continue
        article, vi, en = _GROUNDS[known]
        reasons.append(Reason(known.value, article, "6.3", vi, en, Severity.ERROR))
    if problems:
        raise InvalidInput(problems)
    return Outcome(not reasons, tuple(reasons))


# --- Multiple candidacy (Art. 36(3), 57(5)) ------------------------------------------------------


def check_multiple_candidacy(candidacies: Iterable[tuple[Contest, str]]) -> Outcome[bool]:
    """One person's candidacies as ``(contest, constituency_id)``.

    NA plus at most one council level, or provincial plus commune council; never all three (Art. 36(3)).
    One NA constituency only (Art. 57(5)); one constituency per council level.
    """
    distinct = list(dict.fromkeys(candidacies))
    per_contest = Counter(contest for contest, _ in distinct)
    reasons: list[Reason] = []
    if per_contest[Contest.NA] > 1:
        reasons.append(
            Reason(
                "na_in_several_constituencies",
                "Art. 57(5)",
                "4.5",
                "Người ứng cử đại biểu Quốc hội chỉ được ghi tên ở một đơn vị bầu cử.",
                "An NA candidate may stand in one constituency only.",
                Severity.ERROR,
            )
        )
    for contest in (Contest.PROVINCIAL, Contest.COMMUNE):
        if per_contest[contest] > 1:
            reasons.append(
                Reason(
                    f"{contest.value}_council_twice",
                    "Art. 36(3)",
                    "6.7",
                    "Chỉ được ứng cử ở một đơn vị bầu cử của mỗi cấp Hội đồng nhân dân.",
                    f"One {contest.value} council constituency only.",
                    Severity.ERROR,
                )
            )
    if len(per_contest) == 3:
        reasons.append(
            Reason(
                "three_levels",
                "Art. 36(3)",
                "6.7",
                "Không được ứng cử cùng lúc Quốc hội, Hội đồng nhân dân cấp tỉnh và cấp xã.",
                "A person may not stand for the NA and both council levels at once.",
                Severity.ERROR,
            )
        )
    return Outcome(not reasons, tuple(reasons))


# --- Surplus (Art. 57(6), 58(3)) -----------------------------------------------------------------


def minimum_candidates(contest: Contest, seats: int) -> int:
    """Fewest candidates on an official list: NA seats + 2 (Art. 57(6)); council 1–2 seats → seats + 1,
    3 → seats + 2, 4 or more → seats + 3 (Art. 58(3))."""
    check = check_constituency_seats(contest, seats)
    if not check.value:
        reason = check.reasons[0]
        raise InvalidInput([Problem("seats", reason.article, reason.code, reason.en)])
    if contest is Contest.NA:
        return seats + 2
    if seats <= 2:
        return seats + 1
    if seats == 3:
        return seats + 2
    return seats + 3


def check_candidate_surplus(contest: Contest, seats: int, candidates: int) -> Outcome[bool]:
    """The official list of a constituency has enough candidates (law.md TC26)."""
    needed = minimum_candidates(contest, seats)
    if candidates >= needed:
        return Outcome(True)
    article, rule_id = ("Art. 57(6)", "6.26") if contest is Contest.NA else ("Art. 58(3)", "6.27")
    reason = Reason(
        "insufficient_surplus",
        article,
        rule_id,
        f"Bầu {seats} đại biểu cần ít nhất {needed} người ứng cử (có {candidates}).",
        f"{seats} seats need at least {needed} candidates (got {candidates}).",
        Severity.ERROR,
    )
    return Outcome(False, (reason,))


# --- Composition targets (Art. 8(2)(3), 9) -------------------------------------------------------

WOMEN_TARGET = Fraction(35, 100)  # Art. 8(3) NA, Art. 9 councils
ETHNIC_MINORITY_TARGET = Fraction(18, 100)  # Art. 8(2), NA only; councils set it locally


@dataclass(frozen=True)
class CompositionShares:
    women: Fraction
    ethnic_minority: Fraction | None


def percent_text(share: Fraction) -> str:
    """A share as a percentage with 2 decimals, half up (law.md [9.8])."""
    value = (Decimal(share.numerator) * 100 / Decimal(share.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    return f"{value}%"


def check_composition(
    contest: Contest, total: int, women: int, ethnic_minority: int | None = None
) -> Outcome[CompositionShares]:
    """Shares of women and ethnic minorities on an official list, with a warning below a target."""
    problems = [
        Problem(where, "Art. 8", "invalid_count", f"{where} must lie between 0 and the list's {total} names")
        for where, count in (("women", women), ("ethnic_minority", ethnic_minority))
        if count is not None and not 0 <= count <= total
    ]
    if total < 1:
        problems.insert(0, Problem("total", "Art. 8", "empty_list", "the list has no candidates"))
    if problems:
        raise InvalidInput(problems)
    women_share = Fraction(women, total)
    minority_share = None if ethnic_minority is None else Fraction(ethnic_minority, total)
    reasons: list[Reason] = []
    if women_share < WOMEN_TARGET:
        article, rule = ("Art. 8(3)", "6.9") if contest is Contest.NA else ("Art. 9", "6.9")
        share = percent_text(women_share)
        reasons.append(
            Reason(
                "women_below_35_percent",
                article,
                rule,
                f"Tỷ lệ nữ {share} ({women}/{total}), dưới mục tiêu 35%.",
                f"Women are {share} ({women}/{total}), below the 35% target.",
                Severity.WARNING,
            )
        )
    if contest is Contest.NA and minority_share is not None and minority_share < ETHNIC_MINORITY_TARGET:
        share = percent_text(minority_share)
        reasons.append(
            Reason(
                "ethnic_minorities_below_18_percent",
                "Art. 8(2)",
                "6.9",
                f"Tỷ lệ người dân tộc thiểu số {share} ({ethnic_minority}/{total}), dưới mục tiêu 18%.",
                f"Ethnic minorities are {share} ({ethnic_minority}/{total}), below the 18% target.",
                Severity.WARNING,
            )
        )
    return Outcome(CompositionShares(women_share, minority_share), tuple(reasons))


# --- Names and list order (Art. 57(5); Forms 13–15) ----------------------------------------------


@dataclass(frozen=True)
class PersonName:
    """Họ (surname), tên đệm (middle name, possibly several words or empty) and tên (given name)."""

    surname: str
    middle: str
    given: str

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.surname, self.middle, self.given) if part)


def split_name(full_name: str) -> PersonName:
    """First word surname, last word given name, the rest middle name; a single word is a given name."""
    words = normalize(full_name).split(" ")
    if words == [""]:
        raise InvalidInput([Problem("full_name", "Art. 57(5)", "empty_name", "the name is empty")])
    if len(words) == 1:
        return PersonName("", "", words[0])
    return PersonName(words[0], " ".join(words[1:-1]), words[-1])


def honorific(gender: str) -> str:
    """ "Ông" or "Bà" before each name on lists and ballots (Forms 13–15)."""
    if gender == "M":
        return "Ông"
    if gender == "F":
        return "Bà"
    raise InvalidInput(
        [Problem("gender", "Forms 13–15", "unknown_gender", f"gender is M or F, not {gender!r}")]
    )


@dataclass(frozen=True)
class ListEntry:
    id: str
    full_name: str
    gender: str
    birth_date: dt.date | None = None


@dataclass(frozen=True)
class OrderedEntry:
    position: int  # 1-based line on the list and the ballot
    entry: ListEntry
    name: PersonName
    print_birth_date: bool  # the full name is shared: print the birth date in brackets

    @property
    def line(self) -> str:
        """The ballot line: "Ông Nguyễn Văn An", with "(01/05/1970)" when the name is shared."""
        text = f"{honorific(self.entry.gender)} {self.name.full}"
        if self.print_birth_date and self.entry.birth_date is not None:
            text += f" ({self.entry.birth_date.strftime('%d/%m/%Y')})"
        return text


def _order_key(entry: ListEntry, name: PersonName) -> tuple[object, ...]:
    return (
        sort_key(match_key(name.given)),
        sort_key(match_key(name.surname)),
        sort_key(match_key(name.middle)),
        entry.birth_date or dt.date.max,
        sort_key(name.full),
        entry.id,
    )


def list_order(entries: Iterable[ListEntry]) -> Outcome[tuple[OrderedEntry, ...]]:
    """Candidates in list and ballot order (Art. 57(5), law.md [6.25]); independent of input order.

    Identical full names with an identical or missing birth date cannot be ordered by the rule: they are
    kept in id order and flagged for a manual decision.
    """
    items = list(entries)
    seen: Counter[str] = Counter(item.id for item in items)
    duplicates = sorted(i for i, n in seen.items() if n > 1)
    if duplicates:
        raise InvalidInput(
            [
                Problem(f"candidates[{i}]", "Art. 57(5)", "duplicate_id", "duplicate candidate id")
                for i in duplicates
            ]
        )
    named = [(item, split_name(item.full_name)) for item in items]
    same_name = Counter(match_key(name.full) for _, name in named)
    ordered = sorted(named, key=lambda pair: _order_key(*pair))
    result = tuple(
        OrderedEntry(position, item, name, same_name[match_key(name.full)] > 1)
        for position, (item, name) in enumerate(ordered, start=1)
    )
    reasons: list[Reason] = []
    groups: dict[tuple[str, dt.date | None], list[str]] = {}
    for item, name in named:
        if same_name[match_key(name.full)] > 1:
            groups.setdefault((match_key(name.full), item.birth_date), []).append(item.id)
    for (_, birth), ids in groups.items():
        if len(ids) > 1 or birth is None:
            listed = ", ".join(sorted(ids))
            reasons.append(
                Reason(
                    "identical_name_and_birth_date",
                    "Art. 57(5)",
                    "6.25",
                    f"Trùng họ tên và ngày sinh (hoặc thiếu ngày sinh): {listed}; cần quyết định thứ tự.",
                    f"Identical full name and birth date (or no birth date): {listed}; decide the order.",
                    Severity.MANUAL,
                )
            )
    return Outcome(result, tuple(reasons))
