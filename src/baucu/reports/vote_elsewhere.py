"""Form 11/HĐBC, the certificate to vote elsewhere (giấy chứng nhận đi bỏ phiếu ở nơi khác), A5.

Issued by the People's Committee of the commune where the voter is listed (Art. 34); the fields are
those of [14.1]: name, date of birth, identity number, residence on the card, current abode, old card
number, voting area, commune and province, and the destination commune and province.
"""

from __future__ import annotations

from baucu.reports.documents import VoteElsewhereCertificate
from baucu.reports.pdf import render_pdf
from baucu.reports.vietnamese import vi_date

FORM_CODE = "Mẫu số 11/HĐBC"


def _issued_line(certificate: VoteElsewhereCertificate) -> str:
    day = certificate.issued_on
    if day is None:
        return "ngày ...... tháng ...... năm ......"
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def vote_elsewhere_pdf(certificate: VoteElsewhereCertificate) -> bytes:
    context = {
        "c": certificate,
        "authority_parent": certificate.province_name.upper(),
        "authority": f"ỦY BAN NHÂN DÂN {certificate.commune_name.upper()}",
        "authority_title": f"Ủy ban nhân dân {certificate.commune_name}",
        "birth": vi_date(certificate.birth_date, year=certificate.birth_year),
        "card_number": str(certificate.card_number),
        "issued_line": _issued_line(certificate),
    }
    return render_pdf("reports/form11_vote_elsewhere.html", context)
