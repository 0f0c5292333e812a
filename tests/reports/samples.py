"""Plain printout data for the renderer tests: no database needed."""

from __future__ import annotations

import datetime as dt
import unicodedata

from baucu.reports.documents import Place, VoteElsewhereCertificate, VoterLine, VoterList

ELECTION = "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031"
NAMES = ["Nguyễn Thị Ánh", "Hoàng Văn Đức", "Lường Thị Thuỷ"]


def place(area_number: int = 3) -> Place:
    return Place(
        election_name=ELECTION,
        area_number=area_number,
        commune_name="Phường Kỳ Lừa",
        province_name="Tỉnh Lạng Sơn",
        commune_short_name="Kỳ Lừa",
        polling_place="Nhà văn hóa khối 5",
        election_year=2026,
    )


def voter_list(area_number: int = 3, extra: int = 0) -> VoterList:
    """Three named voters (one given in decomposed NFD, as some sources send), then ``extra`` more.

    Hoàng Văn Đức is a temporary resident under 12 months (no commune council vote, Art. 29(3));
    voter 4 took a certificate to vote elsewhere (Art. 34).
    """
    lines = [
        VoterLine(
            seq=1,
            full_name=unicodedata.normalize("NFD", NAMES[0]),
            birth_date=dt.date(1990, 4, 7),
            birth_year=1990,
            is_male=False,
            personal_id="020190001234",
            ethnicity="Kinh",
            permanent_residence="Khối 5, phường Kỳ Lừa",
        ),
        VoterLine(
            seq=2,
            full_name=NAMES[1],
            birth_date=None,
            birth_year=1961,
            is_male=True,
            personal_id="020061005678",
            ethnicity="Tày",
            temporary_residence="Khối 6, phường Kỳ Lừa",
            votes_commune=False,
            note="Tạm trú từ 01/12/2025",
        ),
        VoterLine(
            seq=3,
            full_name=NAMES[2],
            birth_date=dt.date(2008, 3, 15),
            birth_year=2008,
            is_male=False,
            personal_id="020308009999",
            ethnicity="Thái",
            permanent_residence="Khối 5, phường Kỳ Lừa",
        ),
        VoterLine(
            seq=4,
            full_name="Trần Quốc Tuấn",
            birth_date=dt.date(1975, 12, 1),
            birth_year=1975,
            is_male=True,
            personal_id="020075004321",
            ethnicity="Kinh",
            permanent_residence="Khối 5, phường Kỳ Lừa",
            note="Bỏ phiếu ở nơi khác",
            votes_here=False,
        ),
    ]
    lines += [
        VoterLine(
            seq=5 + i,
            full_name=f"Vi Văn Thử {i}",
            birth_date=dt.date(1980, 1, 1 + i % 28),
            birth_year=1980,
            is_male=i % 2 == 0,
            personal_id=f"0200800{i:05d}",
            ethnicity="Nùng",
            permanent_residence="Khối 7, phường Kỳ Lừa",
        )
        for i in range(extra)
    ]
    return VoterList(place=place(area_number), lines=lines)


def certificate() -> VoteElsewhereCertificate:
    return VoteElsewhereCertificate(
        number="12/GCN",
        election_name=ELECTION,
        full_name="Lường Thị Thuỷ",
        birth_date=dt.date(2008, 3, 15),
        birth_year=2008,
        personal_id="020308009999",
        residence="Khối 5, phường Kỳ Lừa",
        current_abode="Ký túc xá Đại học Bách khoa, phường Bạch Mai",
        card_number=3,
        area_number=3,
        commune_name="Phường Kỳ Lừa",
        province_name="Tỉnh Lạng Sơn",
        destination_commune_name="Phường Bạch Mai",
        destination_province_name="Thành phố Hà Nội",
        issued_on=dt.date(2026, 3, 2),
        commune_short_name="Kỳ Lừa",
    )
