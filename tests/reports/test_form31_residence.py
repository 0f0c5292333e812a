"""Form 31 column 7 from imported data ([2.21]): 7a permanent and 7b temporary residence from the extract,
7c the current abode where the voter is listed; household and head carried into the lists."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pdf_tools
import pytest
from openpyxl import load_workbook

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_commune
from baucu.elections.models import Election, VotingArea
from baucu.reports.voter_list import voter_list_pdf, voter_list_xlsx
from baucu.units.models import Commune, Province
from baucu.voters.imports import do_import_voter_extract
from baucu.voters.models import Voter
from baucu.voters.pipeline.read import COLUMNS
from baucu.voters.printout_data import voter_list_of

pytestmark = pytest.mark.django_db
HERE, ELSEWHERE = "06187", "06001"  # communes of province 20
FIRST_ROW = 7  # first voter row of the XLSX sheet


def _person(personal_id: str, name: str, gender: str, **fields: str) -> dict[str, str]:
    row = dict.fromkeys(COLUMNS, "")
    row.update(
        personal_id=personal_id,
        full_name=name,
        birth_date="1980-05-01",
        gender=gender,
        ethnicity="Tày",
        permanent_commune_code=HERE,
        permanent_residence_group="Khối 5",
    )
    row.update(fields)
    return row


@pytest.fixture
def listed(tmp_path: Path) -> tuple[VotingArea, list[Voter]]:
    ensure_commune(HERE, "20", name="Phường Kỳ Lừa")
    ensure_commune(ELSEWHERE, "20")
    election = Election.objects.create(name="Bầu cử thử", day=dt.date(2026, 3, 15))
    area = VotingArea(
        election=election, province_id="20", commune_id=HERE, number=1, residence_groups="Khối 5\nKhối 6"
    )
    area.save()
    rows = [
        _person("020080000001", "Hoàng Văn Đức", "M", household_id="HK-1", household_head="true"),
        _person(
            "020180000002",
            "Lường Thị Thuỷ",
            "F",
            permanent_commune_code=ELSEWHERE,
            permanent_residence_group="Thôn Nà",
            temporary_commune_code=HERE,
            temporary_residence_group="Khối 6",
            temporary_since="2025-12-01",
            vote_at_temporary="true",
        ),
    ]
    path = tmp_path / "extract.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(COLUMNS))
        writer.writeheader()
        writer.writerows(rows)
    do_import_voter_extract(election, Province.objects.get(code="20"), path, actor=Actor.system("tests"))
    with unscoped("tests"):
        voters = list(Voter.objects.filter(voting_area=area).order_by("seq"))
    return area, voters


def _names() -> dict[str, str]:
    return dict(Commune.objects.filter(code__in=[HERE, ELSEWHERE]).values_list("code", "name"))


def test_form31_lines_take_column_7_from_the_imported_residences(
    listed: tuple[VotingArea, list[Voter]],
) -> None:
    area, voters = listed
    names = _names()
    by_name = {line.full_name: line for line in voter_list_of(area, voters).lines}
    head = by_name["Hoàng Văn Đức"]
    assert (head.permanent_residence, head.temporary_residence) == (f"Khối 5, {names[HERE]}", "")
    assert head.current_abode == f"Khối 5, {names[HERE]}"
    temporary = by_name["Lường Thị Thuỷ"]
    assert temporary.permanent_residence == f"Thôn Nà, {names[ELSEWHERE]}"
    assert temporary.temporary_residence == f"Khối 6, {names[HERE]}"
    assert temporary.current_abode == f"Khối 6, {names[HERE]}"
    assert temporary.note == "Tạm trú từ 01/12/2025"


def test_form31_xlsx_shows_permanent_temporary_and_current_residence(
    listed: tuple[VotingArea, list[Voter]],
) -> None:
    area, voters = listed
    names = _names()
    sheet = load_workbook(io.BytesIO(voter_list_xlsx([voter_list_of(area, voters)])))["KVBP 1"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=FIRST_ROW, max_row=FIRST_ROW + 1, values_only=True)}
    assert rows["Hoàng Văn Đức"][7:10] == (f"Khối 5, {names[HERE]}", None, f"Khối 5, {names[HERE]}")
    assert tuple(rows["Lường Thị Thuỷ"][7:10]) == (
        f"Thôn Nà, {names[ELSEWHERE]}",
        f"Khối 6, {names[HERE]}",
        f"Khối 6, {names[HERE]}",
    )


def test_form31_pdf_shows_the_residences(listed: tuple[VotingArea, list[Voter]], tmp_path: Path) -> None:
    pdf_tools.require_poppler()
    area, voters = listed
    text = pdf_tools.text(
        pdf_tools.write(voter_list_pdf(voter_list_of(area, voters), use_cache=False), tmp_path / "f.pdf")
    )
    assert "Thôn Nà," in text
    assert "Khối 6," in text
    assert "Khối 5," in text


def test_voters_read_without_the_residence_texts_get_them_in_one_query(
    listed: tuple[VotingArea, list[Voter]], django_assert_max_num_queries: object
) -> None:
    """The download views read the voters with ``.only(...)``: the texts come in one query, not one each."""
    from baucu.voters.printout_data import PRINTED_FIELDS

    area, _ = listed
    with unscoped("tests"):
        area = VotingArea.objects.select_related("election", "commune__province").get(pk=area.pk)
        voters = list(Voter.objects.filter(voting_area=area).only(*PRINTED_FIELDS))
    with django_assert_max_num_queries(1):  # type: ignore[operator]
        lines = voter_list_of(area, voters).lines
    assert [line.permanent_residence.split(",")[0] for line in lines] == ["Khối 5", "Thôn Nà"]
