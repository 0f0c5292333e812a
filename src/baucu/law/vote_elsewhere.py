"""Certificates to vote elsewhere (giấy chứng nhận đi bầu cử ở nơi khác, Form 11/HĐBC; Art. 34, [2.17]).

The commune where the voter is listed issues the certificate from the posting of the list
(:func:`baucu.law.list_changes.certificate_issue_allowed`) and marks the name "Bỏ phiếu ở nơi khác"; the
commune named on it adds the voter to one of its voting areas, once. Which contests the voter then votes
in is :func:`baucu.law.voters.vote_elsewhere_contests`.
"""

from __future__ import annotations

from baucu.law.outcome import Outcome, Reason, Severity


def _refused(code: str, vi: str, en: str) -> Outcome[bool]:
    return Outcome(False, (Reason(code, "Art. 34", "2.17", vi, en, Severity.ERROR),))


def check_destination_commune(origin_commune: str, destination_commune: str) -> Outcome[bool]:
    """The voter goes to vote in another commune: the certificate names one other than the issuer's."""
    if destination_commune != origin_commune:
        return Outcome(True)
    return _refused(
        "certificate_same_commune",
        "Nơi bỏ phiếu mới phải ở xã, phường khác.",
        "The destination must be another commune.",
    )


def check_holder(*, listed: bool, holds_certificate: bool) -> Outcome[bool]:
    """Only a voter on the list who holds no certificate yet is issued one."""
    if listed and not holds_certificate:
        return Outcome(True)
    return _refused(
        "certificate_already_issued",
        "Cử tri không còn trong danh sách hoặc đã được cấp giấy chứng nhận đi bầu cử ở nơi khác.",
        "The voter is not on the list or already holds a certificate to vote elsewhere.",
    )


def check_destination_area(
    area_commune: str, destination_commune: str, *, same_election: bool = True
) -> Outcome[bool]:
    """The holder is added to a voting area of the commune named on the certificate, in its election."""
    if same_election and area_commune == destination_commune:
        return Outcome(True)
    return _refused(
        "area_outside_destination",
        "Khu vực bỏ phiếu không thuộc xã, phường ghi trên giấy chứng nhận.",
        "The voting area is not in the commune named on the certificate.",
    )


def check_certificate_unused(*, used: bool) -> Outcome[bool]:
    """A certificate lists its holder once."""
    if not used:
        return Outcome(True)
    return _refused(
        "certificate_already_used",
        "Giấy chứng nhận này đã được dùng để ghi tên cử tri.",
        "This certificate has already been used to list the voter.",
    )
