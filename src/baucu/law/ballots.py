"""Ballot validity (Art. 74(1)) and the votes a valid ballot gives.

A voter rejects a candidate by striking the whole name ([9.2], [9.3]); the names left on a valid ballot
each get one vote. A valid ballot leaves between 1 and ``seats`` names ([9.5]).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from baucu.law.fields import Fields
from baucu.law.outcome import InvalidInput, Outcome, Reason, Severity

MAX_SEATS = 5  # Art. 10(4): at most 3 (NA) or 5 (councils) seats per constituency


def _invalid(code: str, letter: str, vi: str, en: str) -> Reason:
    return Reason(code, f"Art. 74(1)({letter})", "9.5", vi, en, Severity.ERROR)


# Art. 74(1), in the order spec/formats.md §2 reports them when several apply.
NOT_OFFICIAL_FORM = _invalid(
    "not_official_form",
    "a",
    "Phiếu không theo mẫu quy định do Tổ bầu cử phát ra.",
    "The ballot is not the prescribed form issued by the election team.",
)
NO_STAMP = _invalid(
    "no_stamp",
    "b",
    "Phiếu không có dấu của Tổ bầu cử.",
    "The ballot does not carry the election team's stamp.",
)
TOO_MANY_KEPT = _invalid(
    "too_many_kept",
    "c",
    "Phiếu để số người nhiều hơn số lượng đại biểu được bầu.",
    "The ballot leaves more names than the seats to fill.",
)
ALL_STRUCK = _invalid(
    "all_struck",
    "d",
    "Phiếu gạch xóa hết tên những người ứng cử.",
    "Every candidate's name is struck out.",
)
EXTRA_NAME_OR_CONTENT = _invalid(
    "extra_name_or_content",
    "đ",
    "Phiếu ghi thêm tên người ngoài danh sách hoặc ghi thêm nội dung khác.",
    "The ballot adds a name outside the list or other content.",
)
VALID_BALLOT = Reason(
    "valid_ballot",
    "Art. 74(1)",
    "9.5",
    "Phiếu hợp lệ: mỗi người còn lại trên phiếu được một phiếu bầu.",
    "Valid ballot: each name left on it gets one vote.",
)


@dataclass(frozen=True)
class Ballot:
    """One marked ballot as the team reads it (``struck``: names struck through in full)."""

    seats: int
    candidates: tuple[str, ...]
    struck: frozenset[str] = frozenset()
    stamped: bool = True
    official_form: bool = True
    extra_names: int = 0
    other_content: bool = False

    @property
    def kept(self) -> tuple[str, ...]:
        """The names not struck, in ballot order."""
        return tuple(c for c in self.candidates if c not in self.struck)


@dataclass(frozen=True)
class BallotVerdict:
    valid: bool
    kept: tuple[str, ...]
    reason_code: str | None
    rule: str | None

    @property
    def votes(self) -> tuple[str, ...]:
        """The candidates this ballot gives a vote to: the kept names of a valid ballot, else none."""
        return self.kept if self.valid else ()

    def as_dict(self) -> dict[str, Any]:
        """The output object of spec/formats.md §2."""
        return {
            "valid": self.valid,
            "kept": list(self.kept),
            "reason_code": self.reason_code,
            "rule": self.rule,
        }


def judge_ballot(ballot: Ballot) -> Outcome[BallotVerdict]:
    """Decide whether a ballot is valid; every ground of Art. 74(1) that applies is a reason, first first."""
    kept = ballot.kept
    grounds = [
        reason
        for reason, applies in (
            (NOT_OFFICIAL_FORM, not ballot.official_form),
            (NO_STAMP, not ballot.stamped),
            (TOO_MANY_KEPT, len(kept) > ballot.seats),
            (ALL_STRUCK, not kept),
            (EXTRA_NAME_OR_CONTENT, ballot.extra_names > 0 or ballot.other_content),
        )
        if applies
    ]
    if grounds:
        first = grounds[0]
        return Outcome(BallotVerdict(False, kept, first.code, first.article), tuple(grounds))
    return Outcome(BallotVerdict(True, kept, None, None), (VALID_BALLOT,))


def ballot_from_dict(data: object, language: str = "vi") -> Ballot:
    """Read the input object of spec/formats.md §2; raises InvalidInput listing every problem.

    ``seats``, ``candidates``, ``stamped`` and ``official_form`` are required: validity turns on them and
    a missing value must not pass for a good one. ``struck`` defaults to none (an untouched ballot),
    ``extra_names`` to 0 and ``other_content`` to false.
    """
    fields = Fields(language)
    obj = fields.obj(data, "")
    if obj is None:
        raise InvalidInput(fields.problems)
    seats = fields.integer(obj, "seats", "seats")
    if seats is not None and not 1 <= seats <= MAX_SEATS:
        fields.add(
            "seats",
            "Art. 10(4)",
            "seats_out_of_range",
            _say(
                language, f"số đại biểu được bầu phải từ 1 đến {MAX_SEATS}", f"seats must be 1 to {MAX_SEATS}"
            ),
        )
    candidates = _names(fields, obj, "candidates", language)
    if obj.get("candidates") == []:
        fields.add("candidates", "Art. 74", "no_candidates", _say(language, "phiếu không có tên", "no names"))
    struck = _names(fields, obj, "struck", language, required=False)
    for i, name in enumerate(struck):
        if name not in candidates:
            fields.add(
                f"struck[{i}]",
                "Art. 74",
                "struck_name_not_on_ballot",
                _say(language, f"{name!r} không có trên phiếu", f"{name!r} is not on the ballot"),
            )
    stamped = fields.boolean(obj, "stamped", "stamped")
    official_form = fields.boolean(obj, "official_form", "official_form")
    extra_names = fields.integer(obj, "extra_names", "extra_names", required=False) or 0
    other_content = fields.boolean(obj, "other_content", "other_content", default=False)
    fields.raise_if_any()
    assert seats is not None
    return Ballot(
        seats=seats,
        candidates=tuple(candidates),
        struck=frozenset(struck),
        stamped=stamped,
        official_form=official_form,
        extra_names=extra_names,
        other_content=other_content,
    )


def _say(language: str, vi: str, en: str) -> str:
    return en if language == "en" else vi


def _names(
    fields: Fields, obj: dict[str, Any], key: str, language: str, *, required: bool = True
) -> list[str]:
    """A list of distinct non-empty names."""
    names: list[str] = []
    for i, value in enumerate(fields.array(obj, key, key, required=required)):
        if not isinstance(value, str) or not value.strip():
            fields.add(
                f"{key}[{i}]",
                "spec/formats.md §2",
                "not_a_name",
                _say(language, "phải là một tên (chuỗi không rỗng)", "must be a name (a non-empty string)"),
            )
        elif value in names:
            fields.add(
                f"{key}[{i}]",
                "spec/formats.md §2",
                "duplicate_name",
                _say(language, f"{value!r} xuất hiện hai lần", f"{value!r} appears twice"),
            )
        else:
            names.append(value)
    return names
