"""Complaints about a voter list (Art. 33, law.md [2.16], [11.1]): who may decide what, and when.

A complaint is received within 30 days of posting (:func:`baucu.law.list_changes.complaint_allowed`) by the
body that made the list, recorded in its register, and decided within 5 days of receipt
(:func:`baucu.law.list_changes.complaint_decision_due`); undecided past that day, the complainant may go
to a People's Court. Upholding a complaint about a listed voter's details corrects them; the corrected
person must still be 18 on election day (Art. 2), else they are removed instead.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from baucu.law import voters as law_voters
from baucu.law.outcome import Outcome, Reason, Severity


class ComplaintOutcome(StrEnum):
    UPHELD = "upheld"  # chấp nhận
    REJECTED = "rejected"  # không chấp nhận


def _refused(code: str, vi: str, en: str, article: str = "Art. 33", rule_id: str = "11.1") -> Outcome[bool]:
    return Outcome(False, (Reason(code, article, rule_id, vi, en, Severity.ERROR),))


def check_complaint_subject(
    commune: str, *, area_commune: str | None = None, voter_commune: str | None = None
) -> Outcome[bool]:
    """A complaint goes to the body that made the list: the area or voter it names is of that commune."""
    if area_commune in (None, commune) and voter_commune in (None, commune):
        return Outcome(True)
    return _refused(
        "complaint_outside_commune",
        "Khu vực bỏ phiếu hoặc cử tri không thuộc danh sách do xã, phường này lập.",
        "The voting area or voter is not on a list this commune made.",
    )


def check_decision(outcome: str, decision: str, *, already_decided: bool = False) -> Outcome[bool]:
    """A decision says whether the complaint is upheld and what is decided; a complaint is decided once."""
    if already_decided:
        return _refused(
            "complaint_already_decided",
            "Khiếu nại này đã được giải quyết.",
            "This complaint has already been decided.",
        )
    if outcome in set(ComplaintOutcome) and decision.strip():
        return Outcome(True)
    return _refused(
        "decision_incomplete",
        "Ghi rõ kết quả giải quyết (chấp nhận hoặc không chấp nhận) và nội dung quyết định.",
        "Give the outcome (upheld or rejected) and the decision.",
    )


def decided_late(decided_on: dt.date, due: dt.date) -> bool:
    """Decided (or still undecided) after the 5 days of Art. 33: the complainant may go to court."""
    return decided_on > due


def check_correction(
    outcome: str,
    *,
    names_voter: bool,
    voter_listed: bool,
    sex: str | None = None,
    birth_date: dt.date | None = None,
    election_day: dt.date,
) -> Outcome[bool]:
    """Correcting a voter's details on an upheld complaint (Art. 33).

    Only an upheld complaint about a particular voter still on the list corrects a row; a corrected sex is
    one of Form 31's two columns; a corrected date of birth keeps the voter 18 on election day (Art. 2),
    or the person is removed from the list instead (also when the age needs a person's decision).
    """
    if outcome != ComplaintOutcome.UPHELD or not names_voter:
        return _refused(
            "correction_needs_upheld_complaint",
            "Chỉ sửa thông tin cử tri khi chấp nhận khiếu nại về một cử tri cụ thể trong danh sách.",
            "Details are corrected only when a complaint about a particular voter on the list is upheld.",
        )
    if not voter_listed:
        return _refused(
            "correction_of_row_not_listed",
            "Cử tri này không còn trong danh sách (đã xóa tên hoặc đi bầu ở nơi khác).",
            "This voter is no longer on the list (removed, or voting elsewhere).",
        )
    if sex is not None and sex not in set(law_voters.Sex):
        return _refused("bad_gender", "Giới tính là Nam hoặc Nữ.", "Sex is M or F.")
    if birth_date is not None and law_voters.voting_age(birth_date, election_day).value is not True:
        return _refused(
            "corrected_birth_date_under_age",
            "Với ngày sinh đã sửa, người này chưa đủ 18 tuổi vào ngày bầu cử (hoặc cần người quyết định):"
            " xóa tên khỏi danh sách thay vì sửa.",
            "With the corrected date of birth this person is not 18 on election day (or it needs a"
            " person's decision): remove them from the list instead.",
            "Art. 2",
            "2.1",
        )
    return Outcome(True)
