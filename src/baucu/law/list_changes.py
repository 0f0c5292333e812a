"""Changes to a posted voter list, and complaints about it (spec/law.md [2.8]–[2.17], [2.20], [11.1]).

Each reason for adding or removing a name carries its article; which contests an added voter votes in
follows the residence the article names (:data:`baucu.law.voters.CONTESTS_BY_BASIS`). The 24-hour
cut-off is :func:`baucu.law.voters.list_change_allowed`; certificates to vote elsewhere are issued from
posting (Art. 34); complaints are received within 30 days of posting and decided within 5 (Art. 33).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from baucu.law.outcome import Outcome, Reason, Severity
from baucu.law.voters import Basis, Birth, voting_age

COMPLAINT_WINDOW = dt.timedelta(days=30)  # Art. 33: within 30 days of posting
COMPLAINT_DECISION_WITHIN = dt.timedelta(days=5)  # Art. 33: decided within 5 days of receipt


class ChangeKind(StrEnum):
    ADDITION = "addition"
    REMOVAL = "removal"


class ChangeReason(StrEnum):
    RETURNING_FROM_ABROAD = "returning_from_abroad"  # Art. 29(4)
    RIGHTS_RESTORED = "rights_restored"  # Art. 30(2)
    MOVED_IN = "moved_in"  # Art. 30(3)
    MOVED_OUT = "moved_out"  # Art. 30(3)
    RELEASED = "released"  # Art. 30(4): added at residence
    RELEASED_FROM_FACILITY = "released_from_facility"  # Art. 30(4): removed from the facility list
    DISQUALIFIED = "disqualified"  # Art. 30(5): removed, the voter card withdrawn
    DEATH = "death"  # Art. 29(1): only the living are listed


# Where the article names the residence: permanent → three contests, temporary → NA + provincial.
_AT_RESIDENCE = frozenset({Basis.PERMANENT, Basis.TEMPORARY})


@dataclass(frozen=True)
class ChangeRule:
    reason: ChangeReason
    kind: ChangeKind
    article: str
    rule_id: str
    vi: str
    en: str
    bases: frozenset[Basis] = frozenset()  # allowed listing bases of an addition
    withdraws_card: bool = False


CHANGE_RULES: dict[ChangeReason, ChangeRule] = {
    rule.reason: rule
    for rule in (
        ChangeRule(
            ChangeReason.RETURNING_FROM_ABROAD,
            ChangeKind.ADDITION,
            "Art. 29(4)",
            "2.8",
            "Công dân ở nước ngoài trở về, xuất trình hộ chiếu có quốc tịch Việt Nam.",
            "Citizen returning from abroad with a Vietnamese passport.",
            _AT_RESIDENCE,
        ),
        ChangeRule(
            ChangeReason.RIGHTS_RESTORED,
            ChangeKind.ADDITION,
            "Art. 30(2)",
            "2.9",
            "Được khôi phục quyền bầu cử, được trả lại tự do hoặc không còn mất năng lực hành vi dân sự.",
            "Voting rights restored, freed, or no longer lacking civil act capacity.",
            frozenset(Basis) - {Basis.VOTE_ELSEWHERE},
        ),
        ChangeRule(
            ChangeReason.MOVED_IN,
            ChangeKind.ADDITION,
            "Art. 30(3)",
            "2.10",
            "Chuyển đến nơi cư trú mới sau khi danh sách cử tri đã được niêm yết.",
            "Moved here after the list was posted.",
            _AT_RESIDENCE,
        ),
        ChangeRule(
            ChangeReason.MOVED_OUT,
            ChangeKind.REMOVAL,
            "Art. 30(3)",
            "2.10",
            "Chuyển đi nơi khác sau khi danh sách cử tri đã được niêm yết.",
            "Moved away after the list was posted.",
        ),
        ChangeRule(
            ChangeReason.RELEASED,
            ChangeKind.ADDITION,
            "Art. 30(4)",
            "2.11",
            "Được trả tự do hoặc hết thời hạn tạm giam, chấp hành quyết định xử lý hành chính.",
            "Released from detention or a compulsory facility.",
            _AT_RESIDENCE,
        ),
        ChangeRule(
            ChangeReason.RELEASED_FROM_FACILITY,
            ChangeKind.REMOVAL,
            "Art. 30(4)",
            "2.11",
            "Được trả tự do: xóa tên khỏi danh sách cử tri tại cơ sở giam giữ.",
            "Released: removed from the facility's list.",
        ),
        ChangeRule(
            ChangeReason.DISQUALIFIED,
            ChangeKind.REMOVAL,
            "Art. 30(5)",
            "2.12",
            "Bị tước quyền bầu cử, phải chấp hành hình phạt tù hoặc bị mất năng lực hành vi dân sự: "
            "xóa tên và thu hồi thẻ cử tri.",
            "Deprived of voting rights, imprisoned or lost civil act capacity: removed, card withdrawn.",
            withdraws_card=True,
        ),
        ChangeRule(
            ChangeReason.DEATH,
            ChangeKind.REMOVAL,
            "Art. 29(1)",
            "2.3",
            "Cử tri đã chết.",
            "The voter has died.",
        ),
    )
}


def _error(code: str, article: str, rule_id: str, vi: str, en: str) -> Reason:
    return Reason(code, article, rule_id, vi, en, Severity.ERROR)


def change_rule(reason: str, kind: ChangeKind, basis: str | None = None) -> Outcome[ChangeRule | None]:
    """The rule of a list change for ``reason``; ``None`` with an error if it does not fit ``kind``/basis."""
    try:
        rule = CHANGE_RULES[ChangeReason(reason)]
    except ValueError:
        return Outcome(
            None,
            (
                _error(
                    "unknown_change_reason", "Art. 29, 30", "2.20", "Lý do không hợp lệ.", "Unknown reason."
                ),
            ),
        )
    if rule.kind is not kind:
        return Outcome(
            None,
            (
                _error(
                    "reason_does_not_fit_change",
                    rule.article,
                    rule.rule_id,
                    "Lý do này không dùng cho loại thay đổi đã chọn.",
                    f"This reason is for a list {rule.kind.value}, not a {kind.value}.",
                ),
            ),
        )
    if kind is ChangeKind.ADDITION and (basis is None or Basis(basis) not in rule.bases):
        return Outcome(
            None,
            (
                _error(
                    "basis_does_not_fit_reason",
                    rule.article,
                    rule.rule_id,
                    "Nơi ghi tên không phù hợp với lý do bổ sung (thường trú hoặc tạm trú theo điều luật).",
                    "The place of listing does not fit the reason (the article names the residence).",
                ),
            ),
        )
    return Outcome(
        rule, (Reason(f"change_{rule.reason.value}", rule.article, rule.rule_id, rule.vi, rule.en),)
    )


def certificate_issue_allowed(at: dt.datetime, posted_on: dt.date) -> Outcome[bool]:
    """A certificate to vote elsewhere is issued from the posting of the list (Art. 34)."""
    if at.date() >= posted_on:
        return Outcome(True)
    when = posted_on.strftime("%d/%m/%Y")
    return Outcome(
        False,
        (
            _error(
                "certificate_before_posting",
                "Art. 34",
                "2.17",
                f"Chỉ cấp giấy chứng nhận đi bầu cử ở nơi khác từ khi niêm yết danh sách cử tri ({when}).",
                f"Certificates to vote elsewhere are issued from the posting of the list ({when}).",
            ),
        ),
    )


def complaint_window_end(posted_on: dt.date) -> dt.date:
    """The last day a complaint about the list is received: 30 days after posting (Art. 33)."""
    return posted_on + COMPLAINT_WINDOW


def complaint_decision_due(received_on: dt.date) -> dt.date:
    """The list-maker decides within 5 days of receiving the complaint (Art. 33)."""
    return received_on + COMPLAINT_DECISION_WITHIN


def complaint_allowed(received_on: dt.date, posted_on: dt.date) -> Outcome[bool]:
    """Whether a complaint received that day is within the 30 days from posting (Art. 33)."""
    if posted_on <= received_on <= complaint_window_end(posted_on):
        return Outcome(True)
    if received_on < posted_on:
        vi = f"Danh sách cử tri chưa được niêm yết (ngày niêm yết {posted_on:%d/%m/%Y})."
        en = f"The voter list is not posted yet (posting on {posted_on:%d/%m/%Y})."
        code = "complaint_before_posting"
    else:
        end = complaint_window_end(posted_on)
        vi = f"Đã quá 30 ngày kể từ ngày niêm yết danh sách cử tri (hạn cuối {end:%d/%m/%Y})."
        en = f"More than 30 days since the list was posted (last day {end:%d/%m/%Y})."
        code = "complaint_window_closed"
    return Outcome(False, (_error(code, "Art. 33", "11.1", vi, en),))


def check_single_listing(*, listed_elsewhere: bool) -> Outcome[bool]:
    """A citizen is on one voter list of an election only (Art. 29(1))."""
    if not listed_elsewhere:
        return Outcome(True)
    return Outcome(
        False,
        (
            _error(
                "already_listed",
                "Art. 29(1)",
                "2.3",
                "Công dân đã có tên trong một danh sách cử tri của cuộc bầu cử này.",
                "This citizen is already on a voter list of this election.",
            ),
        ),
    )


def check_added_voter_age(birth: Birth, election_day: dt.date) -> Outcome[bool]:
    """A person added to the list is 18 on election day (Art. 2); where a person must decide (a year-only
    or 29 February birth), the addition waits for that decision."""
    age = voting_age(birth, election_day)
    if age.value is True:
        return Outcome(True, age.reasons)
    reasons = tuple(
        Reason(r.code, r.article, r.rule_id, r.vi, r.en, Severity.ERROR) if r.severity is Severity.INFO else r
        for r in age.reasons
    )
    return Outcome(False, reasons)


def check_still_listed(rule: ChangeRule, *, listed: bool) -> Outcome[bool]:
    """Only a name on the list is removed from it (Art. 29(1), 30(3)–(5))."""
    if listed:
        return Outcome(True)
    return Outcome(
        False,
        (
            _error(
                "not_listed",
                rule.article,
                rule.rule_id,
                "Cử tri này không còn trong danh sách.",
                "This voter is no longer on the list.",
            ),
        ),
    )
