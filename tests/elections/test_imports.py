"""Voting areas from the CSV / XLSX template: all or nothing, a row-by-row report with the rule."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections import services
from baucu.elections.imports import ImportRejected, do_import_voting_areas, read_rows, template_csv
from baucu.elections.models import Election, VotingArea

pytestmark = pytest.mark.django_db
LATE = "Nhập bổ sung sau thời hạn để kiểm thử."
HEADER = "commune_code,number,kind,residence_groups,facility,polling_place,voter_count,is_mountainous\n"


@pytest.fixture
def election(units: None, system: Actor) -> Election:
    import datetime as dt

    return services.do_create_election(name="Nhập thử", day=dt.date(2026, 3, 15), actor=system)


def test_the_template_round_trips(tmp_path: Path, election: Election, system: Actor) -> None:
    path = tmp_path / "areas.csv"
    path.write_text(template_csv(), encoding="utf-8")
    assert (
        do_import_voting_areas(election, read_rows(path), file=path.name, justification=LATE, actor=system)
        == 1
    )
    with unscoped("test"):
        area = VotingArea.objects.get(election=election)
    assert area.residence_group_list == ["Tổ dân phố 1", "Tổ dân phố 2"]


def test_one_bad_row_imports_nothing_and_names_file_row_field_rule(
    tmp_path: Path, election: Election, system: Actor
) -> None:
    path = tmp_path / "areas.csv"
    path.write_text(
        HEADER
        + "06187,1,residential,Tổ 1,,Nhà văn hóa,850,0\n"
        + "06187,2,residential,Tổ 2,,Nhà văn hóa,4500,0\n"  # above 4,000 (Art. 11(2))
        + "06187,1,residential,Tổ 3,,Nhà văn hóa,700,0\n"  # duplicate number
        + "99999,1,residential,Tổ 1,,,500,0\n",  # unknown commune
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as caught:
        do_import_voting_areas(election, read_rows(path), file=path.name, justification=LATE, actor=system)
    found = {(p.row, p.field, p.rule) for p in caught.value.problems}
    assert (3, "voter_count", "Art. 11(2)") in found
    assert (4, "number", "Art. 11(4)") in found
    assert (5, "commune_code", "Art. 11(4)") in found
    assert str(caught.value.problems[0]).startswith("areas.csv, row ")
    with unscoped("test"):
        assert not VotingArea.objects.filter(election=election).exists()


def test_the_command_imports_xlsx_and_reports_a_late_import_without_justification(
    tmp_path: Path, election: Election
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.strip().split(","))
    sheet.append(["06187", 1, "armed_forces", "", "Đơn vị quân đội A", "Doanh trại", 120, 0])
    path = tmp_path / "areas.xlsx"
    book.save(path)
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("election", "import-voting-areas", str(path), "--election", str(election.pk), stderr=err)
    assert "Art. 11(4)" in err.getvalue()  # deadline of the voting-area decision passed (Art. 11(4))
    out = io.StringIO()
    call_command(
        "election",
        "import-voting-areas",
        str(path),
        "--election",
        str(election.pk),
        "--justification",
        LATE,
        stdout=out,
    )
    assert "imported 1 voting areas" in out.getvalue()


def test_the_commune_upload_page_refuses_other_communes_rows(
    units: None, system: Actor, client: object
) -> None:
    import datetime as dt

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from baucu.accounts.jurisdiction import Jurisdiction
    from baucu.accounts.roles import Role
    from baucu.accounts.testing import make_actor

    election = services.do_create_election(name="Nhập qua trang", day=dt.date(2026, 3, 15), actor=system)
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", "06187"), "ubbc-nhap")
    web = Client()
    web.force_login(committee.user)
    base = f"/bo/bau-cu/{election.pk}/xa/06187/khu-vuc-bo-phieu/"
    assert "06187" in web.get(base + "mau.csv").content.decode()
    rows = HEADER + "06187,1,residential,Tổ 1,,,850,0\n05983,1,residential,Tổ 1,,,850,0\n"
    upload = SimpleUploadedFile("kvbp.csv", rows.encode(), content_type="text/csv")
    page = web.post(base + "nhap/", {"file": upload, "justification": LATE}).content.decode()
    assert "kvbp.csv" in page
    assert "Điều 11 khoản 4" in page  # the Vietnamese page cites as a Vietnamese reader does
    with unscoped("test"):
        assert not VotingArea.objects.filter(election=election).exists()
    upload = SimpleUploadedFile("kvbp.csv", (HEADER + "06187,1,residential,Tổ 1,,,850,0\n").encode())
    response = web.post(base + "nhap/", {"file": upload, "justification": LATE})
    assert response.status_code == 302
    with unscoped("test"):
        assert VotingArea.objects.filter(election=election).count() == 1


def test_the_optional_voting_start_column_is_read_and_checked__art_71_1(
    tmp_path: Path, election: Election, system: Actor
) -> None:
    import datetime as dt

    path = tmp_path / "areas.csv"
    rows = [
        "06187,1,residential,Tổ 1,,Nhà văn hóa,850,0,6:30\n",
        "06187,2,residential,Tổ 2,,Nhà văn hóa,850,0,\n",
    ]
    path.write_text(HEADER.replace("\n", ",voting_start\n") + "".join(rows), encoding="utf-8")
    assert (
        do_import_voting_areas(election, read_rows(path), file=path.name, justification=LATE, actor=system)
        == 2
    )
    with unscoped("test"):
        starts = dict(VotingArea.objects.filter(election=election).values_list("number", "voting_start"))
    assert starts == {1: dt.time(6, 30), 2: dt.time(7, 0)}
    bad = tmp_path / "bad.csv"
    bad.write_text(
        HEADER.replace("\n", ",voting_start\n")
        + "06187,3,residential,Tổ 3,,,850,0,4:30\n"  # before 05:00
        + "06187,4,residential,Tổ 4,,,850,0,sáng\n",  # not a time
        encoding="utf-8",
    )
    with pytest.raises(ImportRejected) as caught:
        do_import_voting_areas(election, read_rows(bad), file=bad.name, justification=LATE, actor=system)
    assert {(p.row, p.field, p.rule) for p in caught.value.problems} == {
        (2, "voting_start", "Art. 71(1)"),
        (3, "voting_start", "Art. 71(1)"),
    }
