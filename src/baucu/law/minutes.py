"""Reconciliation of counting minutes (Forms 18 / 23): the identities of law.md [9.14] (i)–(x).

A broken identity that cannot happen in an honest count is an error (more ballots collected than issued,
a candidate with more votes than valid ballots, ...). A difference the law expects to be explained in the
minutes (issued ≠ voted, a ballot not returned) is a warning. Identity (i) comes from the structure of
Form 32 and is UNVERIFIED as an explicit rule, so it only warns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from baucu.law.fields import FORMAT_RULE, Fields, text
from baucu.law.outcome import InvalidInput, Outcome, Reason, Severity

RULE_ID = "9.14"
CONTESTS = ("na", "provincial", "commune")
ROUNDS = ("first", "supplementary", "rerun")


@dataclass(frozen=True)
class CountingMinutes:
    """One voting area's (or, summed, one constituency's) counting minutes for one ballot type."""

    seats: int
    voters_on_list: int
    voters_voted: int
    ballots_issued: int
    ballots_collected: int
    valid_ballots: int
    invalid_ballots: int
    votes: Mapping[str, int] = field(default_factory=dict)
    valid_by_names_kept: Mapping[int, int] | None = None  # k → valid ballots leaving exactly k names
    # Form 32 ballot inventory, when recorded.
    ballots_received: int | None = None
    spoiled_exchanged: int | None = None
    unused_ballots: int | None = None


def _problem(code: str, article: str, vi: str, en: str, severity: Severity = Severity.ERROR) -> Reason:
    return Reason(code, article, RULE_ID, vi, en, severity)


def reconcile_minutes(m: CountingMinutes) -> Outcome[bool]:
    """Check the identities (i)–(vii) of [9.14]; the value is True when no error was found."""
    reasons: list[Reason] = []
    if m.ballots_received is not None and m.spoiled_exchanged is not None and m.unused_ballots is not None:
        accounted = m.ballots_issued + m.spoiled_exchanged + m.unused_ballots
        if accounted != m.ballots_received:  # (i), UNVERIFIED as an explicit rule: warn only
            reasons.append(
                _problem(
                    "ballot_inventory_mismatch",
                    "Form 32/HĐBC",
                    f"Số phiếu nhận ({m.ballots_received}) khác số phát ra + đổi do hỏng + chưa sử dụng "
                    f"({accounted}).",
                    f"Ballots received ({m.ballots_received}) differ from issued + exchanged + unused "
                    f"({accounted}).",
                    Severity.WARNING,
                )
            )
    if m.voters_voted > m.voters_on_list:  # (ii)
        reasons.append(
            _problem(
                "voted_exceed_listed",
                "Art. 76(1)(a)(b)",
                f"Số cử tri đã bỏ phiếu ({m.voters_voted}) lớn hơn tổng số cử tri ({m.voters_on_list}).",
                f"More voters voted ({m.voters_voted}) than are listed ({m.voters_on_list}).",
            )
        )
    if m.ballots_issued != m.voters_voted:  # (iii) one ballot per voter: flag any difference
        reasons.append(
            _problem(
                "issued_differs_from_voted",
                "Art. 76(1)(b)(c)",
                f"Số phiếu phát ra ({m.ballots_issued}) khác số cử tri đã bỏ phiếu ({m.voters_voted}): ghi "
                "rõ lý do "
                "trong biên bản.",
                f"Ballots issued ({m.ballots_issued}) differ from voters who voted ({m.voters_voted}): "
                "explain in "
                "the minutes.",
                Severity.WARNING,
            )
        )
    reasons.extend(_collected(m))
    reasons.extend(_votes(m))
    return Outcome(not any(r.severity is Severity.ERROR for r in reasons), tuple(reasons))


def _collected(m: CountingMinutes) -> list[Reason]:
    """(iv) collected ≤ issued and (v) collected = valid + invalid."""
    reasons = []
    if m.ballots_collected > m.ballots_issued:
        reasons.append(
            _problem(
                "collected_exceed_issued",
                "Art. 76(1)(c)(d)",
                f"Số phiếu thu vào ({m.ballots_collected}) lớn hơn số phiếu phát ra ({m.ballots_issued}).",
                f"More ballots collected ({m.ballots_collected}) than issued ({m.ballots_issued}).",
            )
        )
    elif m.ballots_collected < m.ballots_issued:
        reasons.append(
            _problem(
                "ballots_not_returned",
                "Art. 76(1)(c)(d)",
                f"Số phiếu thu vào ({m.ballots_collected}) ít hơn số phiếu phát ra ({m.ballots_issued}): ghi "
                "vào "
                "biên bản.",
                f"Fewer ballots collected ({m.ballots_collected}) than issued ({m.ballots_issued}): record "
                "it in "
                "the minutes.",
                Severity.WARNING,
            )
        )
    counted = m.valid_ballots + m.invalid_ballots
    if m.ballots_collected != counted:
        reasons.append(
            _problem(
                "collected_differs_from_valid_plus_invalid",
                "Art. 76(1)(d)(đ)(e)",
                f"Số phiếu thu vào ({m.ballots_collected}) khác số phiếu hợp lệ + không hợp lệ ({counted}).",
                f"Ballots collected ({m.ballots_collected}) differ from valid + invalid ({counted}).",
            )
        )
    return reasons


def _votes(m: CountingMinutes) -> list[Reason]:
    """(vi) 0 ≤ votes ≤ valid for each candidate and (vii) the bounds and breakdown of the total."""
    reasons = []
    for candidate, votes in sorted(m.votes.items()):
        if votes > m.valid_ballots:
            reasons.append(
                _problem(
                    "votes_exceed_valid",
                    "Art. 76(1)(g)",
                    f"Số phiếu bầu cho {candidate} ({votes}) lớn hơn số phiếu hợp lệ ({m.valid_ballots}).",
                    f"Votes for {candidate} ({votes}) exceed the valid ballots ({m.valid_ballots}).",
                )
            )
    total = sum(m.votes.values())
    cap = m.seats * m.valid_ballots
    if not m.valid_ballots <= total <= cap:  # every valid ballot leaves 1..seats names, Art. 74(1)(c)(d)
        reasons.append(
            _problem(
                "total_votes_out_of_bounds",
                "Art. 74(1)(c)(d)",
                f"Tổng số phiếu bầu ({total}) phải từ số phiếu hợp lệ ({m.valid_ballots}) đến số ghế × số "
                "phiếu "
                f"hợp lệ ({cap}).",
                f"Total votes ({total}) must lie between the valid ballots ({m.valid_ballots}) and seats × "
                "valid "
                f"ballots ({cap}).",
            )
        )
    if m.valid_by_names_kept is not None:
        reasons.extend(_breakdown(m, m.valid_by_names_kept, total))
    return reasons


def _breakdown(m: CountingMinutes, by_kept: Mapping[int, int], total: int) -> list[Reason]:
    """(vii) exactly: Σ_k k·n_k = Σ votes, the n_k add up to the valid ballots, and 1 ≤ k ≤ seats."""
    reasons = []
    outside = sorted(k for k, n in by_kept.items() if n and not 1 <= k <= m.seats)
    if outside:
        reasons.append(
            _problem(
                "names_kept_out_of_range",
                "Art. 74(1)(c)(d)",
                f"Phiếu hợp lệ chỉ để lại từ 1 đến {m.seats} tên; có phiếu để lại {outside}.",
                f"A valid ballot leaves 1 to {m.seats} names; the breakdown has {outside}.",
            )
        )
    weighted = sum(k * n for k, n in by_kept.items())
    if weighted != total:
        reasons.append(
            _problem(
                "votes_differ_from_ballot_types",
                "Art. 76(1)(g)",
                f"Tổng số phiếu bầu ({total}) khác tổng theo loại phiếu Σ k·n_k ({weighted}).",
                f"Total votes ({total}) differ from the ballot-type total Σ k·n_k ({weighted}).",
            )
        )
    ballots = sum(by_kept.values())
    if ballots != m.valid_ballots:
        reasons.append(
            _problem(
                "ballot_types_differ_from_valid",
                "Art. 76(1)(đ)",
                f"Tổng số phiếu theo loại ({ballots}) khác số phiếu hợp lệ ({m.valid_ballots}).",
                f"The ballot types add up to {ballots}, not to the valid ballots ({m.valid_ballots}).",
            )
        )
    return reasons


def check_list_totals(na: int, provincial: int, commune: int) -> Outcome[bool]:
    """(ix) Voters per ballot type: NA ≥ provincial council ≥ commune council (Art. 29(3), Form 31).

    The commune list leaves out short-term temporary residents, soldiers at their units, voters with a
    voting-elsewhere certificate and detainees, so it can only be smaller.
    """
    if na >= provincial >= commune:
        return Outcome(True)
    reason = _problem(
        "list_totals_out_of_order",
        "Art. 29(3); Form 31",
        f"Số cử tri phải theo thứ tự Quốc hội ≥ HĐND tỉnh ≥ HĐND xã; đang là {na}, {provincial}, {commune}.",
        f"Voters must be NA ≥ provincial council ≥ commune council; they are {na}, {provincial}, {commune}.",
    )
    return Outcome(False, (reason,))


_TOTALLED = (
    "voters_on_list",
    "voters_voted",
    "ballots_issued",
    "ballots_collected",
    "valid_ballots",
    "invalid_ballots",
)


def sum_areas(areas: Sequence[CountingMinutes]) -> dict[str, Any]:
    """The constituency totals the voting areas' minutes add up to (Form 19 / 24)."""
    totals: dict[str, Any] = {name: sum(getattr(a, name) for a in areas) for name in _TOTALLED}
    votes: dict[str, int] = {}
    for area in areas:
        for candidate, n in area.votes.items():
            votes[candidate] = votes.get(candidate, 0) + n
    totals["votes"] = votes
    return totals


def check_constituency_totals(
    constituency: CountingMinutes, areas: Sequence[CountingMinutes]
) -> Outcome[bool]:
    """(x) A constituency's totals are the sums over its voting areas (Art. 77(1), Form 19 / 24)."""
    expected = sum_areas(areas)
    reasons = []
    for name in _TOTALLED:
        found = getattr(constituency, name)
        if found != expected[name]:
            reasons.append(_total_mismatch(name, found, expected[name]))
    for candidate in sorted(set(expected["votes"]) | set(constituency.votes)):
        found = constituency.votes.get(candidate, 0)
        if found != expected["votes"].get(candidate, 0):
            reasons.append(_total_mismatch(f"votes[{candidate}]", found, expected["votes"].get(candidate, 0)))
    return Outcome(not reasons, tuple(reasons))


def _total_mismatch(name: str, found: int, expected: int) -> Reason:
    return _problem(
        "constituency_total_mismatch",
        "Art. 77(1)",
        f"{name} của đơn vị bầu cử là {found}, nhưng tổng các khu vực bỏ phiếu là {expected}.",
        f"The constituency's {name} is {found}, but its voting areas add up to {expected}.",
    )


def minutes_from_dict(data: object, language: str = "vi") -> CountingMinutes:
    """Read counting minutes in the shape of spec/formats.md §7; raises InvalidInput listing every problem.

    Only shapes and types are checked here; the arithmetic is :func:`reconcile_minutes`'s job.
    """
    fields = Fields(language)
    obj = fields.obj(data, "")
    if obj is None:
        raise InvalidInput(fields.problems)
    numbers = {name: fields.integer(obj, name, name) for name in ("seats", *_TOTALLED)}
    received = fields.integer(obj, "ballots_received", "ballots_received", required=False)
    spoiled = fields.integer(obj, "spoiled_exchanged", "spoiled_exchanged", required=False)
    unused = fields.integer(obj, "unused_ballots", "unused_ballots", required=False)
    votes = _counts(fields, obj, "votes", required=True)
    by_kept_raw = _counts(fields, obj, "valid_by_names_kept", required=False)
    by_kept: dict[int, int] = {}
    for key, n in by_kept_raw.items():
        if key.isdigit():
            by_kept[int(key)] = n
        else:
            fields.add(
                f"valid_by_names_kept.{key}",
                "spec/formats.md §7",
                "not_an_integer",
                "số tên phải là số nguyên" if language != "en" else "the number of names must be an integer",
            )
    fields.raise_if_any()
    return CountingMinutes(
        **{name: value or 0 for name, value in numbers.items()},
        votes=votes,
        valid_by_names_kept=by_kept if "valid_by_names_kept" in obj else None,
        ballots_received=received,
        spoiled_exchanged=spoiled,
        unused_ballots=unused,
    )


def _counts(fields: Fields, obj: dict[str, Any], key: str, *, required: bool) -> dict[str, int]:
    """A JSON object of non-negative counts."""
    if key not in obj:
        if required:
            fields.add(key, FORMAT_RULE, "missing_field", f"{key}: {text('missing_field', fields.language)}")
        return {}
    raw = fields.obj(obj[key], key)
    if raw is None:
        return {}
    counts: dict[str, int] = {}
    for name in raw:
        n = fields.integer(raw, name, f"{key}.{name}")
        if n is not None:
            counts[name] = n
    return counts
