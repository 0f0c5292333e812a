"""Downloads of Forms 31 and 10 and the commune zip: scoped (another commune's area is a 404), only for
the commune People's Committee (it compiles and prints the lists, Art. 31–32), each export logged."""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from pathlib import Path

import pdf_tools
import pytest
from django.test import Client
from openpyxl import load_workbook

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_commune, make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.elections.models import Election, VotingArea
from baucu.jobs.models import Job
from baucu.jobs.worker import run_queued_jobs
from baucu.units.models import Commune
from baucu.voters.models import VoteElsewhereCertificate, Voter

pytestmark = pytest.mark.django_db

NAMES = ["Nguyễn Thị Ánh", "Hoàng Văn Đức", "Lường Thị Thuỷ"]


@pytest.fixture
def commune_a() -> Commune:
    return ensure_commune("06187", "20", name="Phường Kỳ Lừa")


@pytest.fixture
def commune_b() -> Commune:
    return ensure_commune("00004", "01", name="Phường Ba Đình")


@pytest.fixture
def election() -> Election:
    return Election.objects.create(name="Bầu cử thử nghiệm 2026", day=dt.date(2026, 3, 15))


def _area(election: Election, commune: Commune, number: int) -> VotingArea:
    area = VotingArea(election=election, province_id=commune.province_id, commune=commune, number=number)
    area.save()
    return area


def _voters(area: VotingArea, names: list[str]) -> None:
    rows = [
        Voter(
            election=area.election,
            province_id=area.province_id,
            commune=area.commune,
            voting_area=area,
            seq=i,
            personal_id=f"{area.province_id:0>3}{area.number:03d}{i:06d}",
            full_name=name,
            birth_date=dt.date(1980, 1, i),
            birth_year=1980,
            gender=Voter.Gender.FEMALE if "Thị" in name else Voter.Gender.MALE,
            ethnicity="Tày",
            residence_group="Khối 5",
            basis=Voter.Basis.PERMANENT,
            votes_na=True,
            votes_provincial=True,
            votes_commune=True,
        )
        for i, name in enumerate(names, start=1)
    ]
    with unscoped("test set-up"):
        Voter.objects.bulk_create(rows)


@pytest.fixture
def areas(election: Election, commune_a: Commune, commune_b: Commune) -> dict[str, VotingArea]:
    made = {"a1": _area(election, commune_a, 1), "a2": _area(election, commune_a, 2)}
    made["b1"] = _area(election, commune_b, 1)
    _voters(made["a1"], NAMES)
    _voters(made["a2"], ["Vi Văn Thử"])
    _voters(made["b1"], ["Phạm Thị Bê"])
    return made


@pytest.fixture
def peoples_committee_a(commune_a: Commune) -> Actor:
    return make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, Jurisdiction.commune("20", commune_a.code), "ubnd-a")


def _tmp() -> Path:
    return Path(tempfile.mkdtemp(prefix="baucu-printouts-"))


def _client(actor: Actor) -> Client:
    client = Client()
    assert actor.user is not None
    client.force_login(actor.user)
    return client


def _exports() -> list[AuditEvent]:
    with unscoped("test"):
        return list(AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_EXPORTED).order_by("sequence"))


def test_form_31_pdf_download_is_logged_with_the_count(
    peoples_committee_a: Actor, areas: dict[str, VotingArea], commune_a: Commune
) -> None:
    response = _client(peoples_committee_a).get(f"/bo/xa/{commune_a.code}/cu-tri/{areas['a1'].pk}/mau-31.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "no-store"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    (event,) = _exports()
    assert event.actor_username == "ubnd-a"
    assert event.commune_code == commune_a.code
    assert event.object_type == "voting_area"
    assert event.object_id == str(areas["a1"].pk)
    assert event.new_value["count"] == 3


def test_form_31_xlsx_and_form_10_cards_download(
    peoples_committee_a: Actor, areas: dict[str, VotingArea], commune_a: Commune
) -> None:
    client = _client(peoples_committee_a)
    base = f"/bo/xa/{commune_a.code}/cu-tri/{areas['a1'].pk}"
    book = load_workbook(io.BytesIO(client.get(f"{base}/mau-31.xlsx").content))
    assert [row[1] for row in book["KVBP 1"].iter_rows(min_row=7, max_row=9, values_only=True)] == NAMES
    cards = client.get(f"{base}/the-cu-tri.pdf")
    assert cards.status_code == 200
    assert cards.content.startswith(b"%PDF-")
    assert len(_exports()) == 2


def test_commune_zip_holds_every_area_of_the_commune_only(
    peoples_committee_a: Actor,
    areas: dict[str, VotingArea],
    commune_a: Commune,
    tmp_path: Path,
    settings: object,
) -> None:
    settings.FILE_STORE_DIR = tmp_path  # type: ignore[attr-defined]
    client = _client(peoples_committee_a)
    page = f"/bo/xa/{commune_a.code}/cu-tri/tai-ve/"
    started = client.post(page)
    assert started.status_code == 302
    job, _ = client.get(started["Location"]).context["jobs"][0]
    assert job.status == Job.Status.QUEUED
    assert run_queued_jobs() == 1
    done = client.get(started["Location"])
    assert done.context["jobs"][0][0].status == Job.Status.SUCCEEDED
    download = f"/bo/cong-viec/{job.pk}/tai-ve/"
    assert download in done.content.decode()
    assert _exports() == []  # built, not yet downloaded
    response = client.get(download)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert f"danh-sach-cu-tri-{commune_a.code}-bau-cu-" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {name.split("/")[0] for name in archive.namelist()} == {
        "khu-vuc-bo-phieu-01",
        "khu-vuc-bo-phieu-02",
        "mau-31-danh-sach-cu-tri.xlsx",
    }
    book = load_workbook(io.BytesIO(archive.read("mau-31-danh-sach-cu-tri.xlsx")))
    assert book.sheetnames == ["KVBP 1", "KVBP 2"]
    (event,) = _exports()
    assert event.new_value["count"] == 4  # commune B's voter is not in it


def test_a_second_zip_of_the_same_commune_is_refused_while_one_is_queued_and_readers_cannot_download(
    peoples_committee_a: Actor,
    areas: dict[str, VotingArea],
    commune_a: Commune,
    tmp_path: Path,
    settings: object,
) -> None:
    settings.FILE_STORE_DIR = tmp_path  # type: ignore[attr-defined]
    client = _client(peoples_committee_a)
    page = f"/bo/xa/{commune_a.code}/cu-tri/tai-ve/"
    client.post(page)
    again = client.post(page, follow=True)
    first, _ = again.context["jobs"][0]
    assert f"Công việc giống hệt (#{first.pk}) đang chờ hoặc đang chạy" in again.content.decode()
    assert len(again.context["jobs"]) == 1  # refused: still one job
    assert b"disabled" in again.content  # the button waits for the running job
    run_queued_jobs()
    job, _ = client.get(page).context["jobs"][0]
    observer = make_actor(Role.OBSERVER, Jurisdiction.commune("20", commune_a.code), "observer-a")
    reader = _client(observer)
    assert reader.get(f"/bo/cong-viec/{job.pk}/").status_code == 200  # may see that it ran
    assert f"/bo/cong-viec/{job.pk}/tai-ve/" not in reader.get(f"/bo/cong-viec/{job.pk}/").content.decode()
    assert reader.get(f"/bo/cong-viec/{job.pk}/tai-ve/").status_code == 403  # but not the personal data
    assert _exports() == []


def test_another_communes_area_is_a_404_and_nothing_is_logged(
    peoples_committee_a: Actor, areas: dict[str, VotingArea], commune_a: Commune, commune_b: Commune
) -> None:
    client = _client(peoples_committee_a)
    b1 = areas["b1"].pk
    for url in (
        f"/bo/xa/{commune_b.code}/cu-tri/{b1}/mau-31.pdf",  # commune B itself
        f"/bo/xa/{commune_a.code}/cu-tri/{b1}/mau-31.pdf",  # B's area under A's code
        f"/bo/xa/{commune_a.code}/cu-tri/{b1}/mau-31.xlsx",
        f"/bo/xa/{commune_a.code}/cu-tri/{b1}/the-cu-tri.pdf",
        f"/bo/xa/{commune_b.code}/cu-tri/tai-ve/",
    ):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert _exports() == []


def test_a_role_without_export_permission_is_refused_in_its_own_commune(
    areas: dict[str, VotingArea], commune_a: Commune
) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", commune_a.code), "ubbc-a")
    url = f"/bo/xa/{commune_a.code}/cu-tri/{areas['a1'].pk}/mau-31.pdf"
    assert _client(committee).get(url).status_code == 403
    assert _exports() == []


def test_downloads_are_get_only(
    peoples_committee_a: Actor, areas: dict[str, VotingArea], commune_a: Commune
) -> None:
    url = f"/bo/xa/{commune_a.code}/cu-tri/{areas['a1'].pk}/mau-31.pdf"
    assert _client(peoples_committee_a).post(url).status_code == 405


def _certificate(area: VotingArea, destination: Commune) -> VoteElsewhereCertificate:
    with unscoped("test set-up"):
        voter = Voter.objects.get(voting_area=area, seq=3)
        voter.status = Voter.Status.VOTING_ELSEWHERE
        voter.save()
        return VoteElsewhereCertificate.objects.create(
            election=area.election,
            province_id=area.province_id,
            commune=area.commune,
            number="7/GCN",
            origin_voter=voter,
            destination_province_id=destination.province_id,
            destination_commune=destination,
            issued_at=dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC),
            issued_by="ubnd-a",
        )


def test_form_11_certificate_download_only_by_the_issuing_commune(
    peoples_committee_a: Actor, areas: dict[str, VotingArea], commune_a: Commune, commune_b: Commune
) -> None:
    pdf_tools.require_poppler()
    certificate = _certificate(areas["a1"], commune_b)
    client = _client(peoples_committee_a)
    response = client.get(f"/bo/xa/{commune_a.code}/cu-tri/giay-chung-nhan/{certificate.pk}/mau-11.pdf")
    assert response.status_code == 200
    text = " ".join(pdf_tools.text(pdf_tools.write(response.content, _tmp() / "mau-11.pdf")).split())
    assert "Ông/bà: Lường Thị Thuỷ" in text
    assert "Được đi bỏ phiếu tại: Phường Ba Đình" in text
    assert "Số: 7/GCN" in text
    (event,) = _exports()
    assert event.object_type == "certificate"
    # The destination commune sees the certificate (to accept the voter) but does not print Form 11.
    b_committee = make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, Jurisdiction.commune("01", commune_b.code), "b")
    url = f"/bo/xa/{commune_b.code}/cu-tri/giay-chung-nhan/{certificate.pk}/mau-11.pdf"
    assert _client(b_committee).get(url).status_code == 404
