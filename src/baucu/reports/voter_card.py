"""Form 10/HĐBC, the voter card (thẻ cử tri): A6, one per voter, a PDF per voting area.

Fields per [2.18]: name, date of birth, sex, residence, identity number, card number (= the row on
the Form 31 list), voting-area number, commune, province; signed by the chair of the commune People's
Committee. A voter who took a certificate to vote elsewhere gets no card here (Art. 34).
"""

from __future__ import annotations

from baucu.reports.documents import VoterList
from baucu.reports.pdf import render_pdf
from baucu.reports.vietnamese import vi_date
from baucu.reports.voter_list import authority

FORM_CODE = "Mẫu số 10/HĐBC"


def voter_cards_pdf(voter_list: VoterList) -> bytes:
    place = voter_list.place
    cards = [
        {
            "seq": str(line.seq),
            "full_name": line.full_name,
            "birth": vi_date(line.birth_date, year=line.birth_year),
            "sex": "Nam" if line.is_male else "Nữ",
            "residence": line.residence,
            "personal_id": line.personal_id,
        }
        for line in voter_list.lines
        if line.votes_here
    ]
    context = {
        "place": place,
        **authority(place),
        "cards": cards,
        "commune_label": "Xã/phường/đặc khu",
        "form_code": FORM_CODE,
    }
    return render_pdf("reports/form10_voter_cards.html", context)
