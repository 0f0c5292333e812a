"""Back-office pages of the voter lists: scoped (404 elsewhere), masked personal data, access logged."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client
from test_import_db import SYSTEM, A, extract
from test_import_db import election as election

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
from baucu.units.models import Province
from baucu.voters.imports import do_import_voter_extract
from baucu.voters.models import Voter, VoterImport

pytestmark = pytest.mark.django_db


def _client(actor: Actor) -> Client:
    web = Client()
    assert actor.user is not None
    web.force_login(actor.user)
    return web


@pytest.fixture
def loaded(election: Election, tmp_path: Path) -> Election:
    do_import_voter_extract(election, Province.objects.get(code="20"), extract(tmp_path), actor=SYSTEM)
    return election


def _area(election: Election) -> VotingArea:
    with unscoped("tests"):
        return VotingArea.objects.get(election=election, commune_id=A, number=1)


def _viewed() -> int:
    with unscoped("tests"):
        return AuditEvent.objects.filter(action=AuditAction.PERSONAL_DATA_VIEWED).count()


def test_commune_page_counts_by_contest_and_sex(loaded: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", A))
    page = _client(committee).get(f"/bo/xa/{A}/cu-tri/")
    assert page.status_code == 200
    rows = page.context["lists"][0].areas
    first = next(r for r in rows if r.area.number == 1)
    assert (first.voters, first.male, first.female, first.na, first.commune) == (2, 1, 1, 2, 2)


def test_area_list_unmasked_for_committee_and_access_logged(loaded: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", A))
    before = _viewed()
    page = _client(committee).get(f"/bo/xa/{A}/cu-tri/{_area(loaded).pk}/")
    assert page.status_code == 200
    with unscoped("tests"):
        voter = Voter.objects.get(election=loaded, full_name="Nông Văn Bình")
    assert voter.personal_id in page.content.decode()
    assert "01/05/1980" in page.content.decode()
    assert _viewed() == before + 1


def test_area_list_masked_for_observer_and_nothing_logged(loaded: Election) -> None:
    observer = make_actor(Role.OBSERVER, Jurisdiction.commune("20", A))
    before = _viewed()
    page = _client(observer).get(f"/bo/xa/{A}/cu-tri/{_area(loaded).pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    with unscoped("tests"):
        voter = Voter.objects.get(election=loaded, full_name="Nông Văn Bình")
    assert voter.personal_id not in html
    assert "•" * 9 + voter.personal_id[-3:] in html
    assert "01/05/1980" not in html
    assert _viewed() == before


def test_another_communes_lists_are_404(loaded: Election) -> None:
    other = ensure_commune("06043", "20")
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", other.code))
    web = _client(committee)
    assert web.get(f"/bo/xa/{A}/cu-tri/").status_code == 404
    assert web.get(f"/bo/xa/{A}/cu-tri/{_area(loaded).pk}/").status_code == 404
    # An area of commune A under commune B's own URL is a 404 too.
    assert web.get(f"/bo/xa/{other.code}/cu-tri/{_area(loaded).pk}/").status_code == 404


def test_import_page_uploads_and_shows_progress(election: Election, tmp_path: Path, settings: object) -> None:
    settings.FILE_STORE_DIR = tmp_path / "files"  # type: ignore[attr-defined]
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    web = _client(committee)
    assert web.get("/bo/tinh/20/cu-tri/nhap/").status_code == 200
    with extract(tmp_path).open("rb") as f:
        response = web.post("/bo/tinh/20/cu-tri/nhap/", {"election": election.pk, "file": f})
    assert response.status_code == 302
    # Queued: the page shows the job waiting, and refreshes itself.
    queued = web.get(response["Location"])
    job: Job = queued.context["job"]
    assert job.status == Job.Status.QUEUED
    assert b'http-equiv="refresh"' in queued.content
    assert b"<progress" in queued.content
    # A second import of the same election and province is refused while the first is queued.
    with extract(tmp_path).open("rb") as f:
        again = web.post("/bo/tinh/20/cu-tri/nhap/", {"election": election.pk, "file": f})
    assert again.status_code == 200
    assert f"#{job.pk}" in again.content.decode()
    with unscoped("test"):
        assert VoterImport.objects.count() == 1
    assert run_queued_jobs() == 1
    progress = web.get(response["Location"])
    assert progress.context["job"].status == Job.Status.SUCCEEDED
    record: VoterImport = progress.context["record"]
    assert record.status == VoterImport.Status.SUCCEEDED
    assert record.voters_listed == 5
    assert [r.code for r in progress.context["rejected"]] == ["unmapped_residence_group"]
    assert b'http-equiv="refresh"' not in progress.content
    assert not list((tmp_path / "files" / "voter-imports").iterdir())  # the upload is not kept


def test_commune_committee_cannot_open_the_province_import(election: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", A))
    assert _client(committee).get("/bo/tinh/20/cu-tri/nhap/").status_code == 404


# Links between the pages: printouts only for roles that may export personal data (the download views
# require EXPORT_PERSONAL_DATA), the list-change pages for roles that may open them (READ_PERSONAL_DATA).
PRINTOUTS = ("mau-31.pdf", "mau-31.xlsx", "the-cu-tri.pdf", "cu-tri/tai-ve/")
CHANGES = ("cu-tri/thay-doi/", "cu-tri/giay-chung-nhan/", "cu-tri/khieu-nai/")


def _html(actor: Actor, url: str) -> str:
    page = _client(actor).get(url)
    assert page.status_code == 200
    return page.content.decode()


def test_commune_back_office_page_links_to_the_voter_lists(loaded: Election) -> None:
    for role in (Role.COMMUNE_PEOPLES_COMMITTEE, Role.OBSERVER):
        html = _html(make_actor(role, Jurisdiction.commune("20", A)), f"/bo/xa/{A}/")
        assert f'href="/bo/xa/{A}/cu-tri/"' in html


def test_list_pages_link_printouts_and_list_changes_for_the_peoples_committee(loaded: Election) -> None:
    committee = make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, Jurisdiction.commune("20", A))
    area = _area(loaded)
    commune_html = _html(committee, f"/bo/xa/{A}/cu-tri/")
    for target in (*PRINTOUTS, *CHANGES):
        assert target in commune_html, target
    assert f"/bo/xa/{A}/cu-tri/{area.pk}/mau-31.pdf" in commune_html
    assert f"cu-tri/tai-ve/?bau-cu={loaded.pk}" in commune_html
    area_html = _html(committee, f"/bo/xa/{A}/cu-tri/{area.pk}/")
    for target in (*PRINTOUTS[:3], *CHANGES):
        assert target in area_html, target
    # The links lead somewhere this role may go.
    web = _client(committee)
    assert web.get(f"/bo/xa/{A}/cu-tri/{area.pk}/mau-31.xlsx").status_code == 200
    assert web.get(f"/bo/xa/{A}/cu-tri/khieu-nai/?election={loaded.pk}").status_code == 200


def test_list_pages_show_no_printout_links_to_roles_that_may_not_export(loaded: Election) -> None:
    area = _area(loaded)
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", A))  # reads, may not export
    observer = make_actor(Role.OBSERVER, Jurisdiction.commune("20", A))
    for actor, sees_changes in ((committee, True), (observer, False)):
        for url in (f"/bo/xa/{A}/cu-tri/", f"/bo/xa/{A}/cu-tri/{area.pk}/"):
            html = _html(actor, url)
            assert not any(target in html for target in PRINTOUTS), (actor.username, url)
            assert all((target in html) == sees_changes for target in CHANGES), (actor.username, url)
    assert _client(committee).get(f"/bo/xa/{A}/cu-tri/{area.pk}/mau-31.pdf").status_code == 403


def test_certificate_pdf_is_linked_only_for_roles_that_may_export(loaded: Election) -> None:
    import datetime as dt

    from baucu.units.models import Commune
    from baucu.voters.services.certificates import do_issue_vote_elsewhere_certificate

    with unscoped("tests"):
        voter = Voter.objects.get(election=loaded, full_name="Nông Văn Bình")
    certificate = do_issue_vote_elsewhere_certificate(
        voter, Commune.objects.get(code="06001"), actor=SYSTEM, at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    )
    pdf = f"/bo/xa/{A}/cu-tri/giay-chung-nhan/{certificate.pk}/mau-11.pdf"
    url = f"/bo/xa/{A}/cu-tri/giay-chung-nhan/?election={loaded.pk}"
    peoples = make_actor(Role.COMMUNE_PEOPLES_COMMITTEE, Jurisdiction.commune("20", A))
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", A))
    assert pdf in _html(peoples, url)
    html = _html(committee, url)
    assert pdf not in html
    assert certificate.number in html
    assert f'href="/bo/xa/{A}/cu-tri/"' in html  # back to the lists
