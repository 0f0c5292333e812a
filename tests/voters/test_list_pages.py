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
from baucu.units.models import Province
from baucu.voters.imports import do_import_voter_extract
from baucu.voters.models import Voter, VoterImport
from baucu.voters.views import lists as list_views

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


def test_import_page_uploads_and_shows_progress(
    election: Election, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings: object
) -> None:
    monkeypatch.setattr(list_views, "RUN_IN_THREAD", False)
    settings.FILE_STORE_DIR = tmp_path / "files"  # type: ignore[attr-defined]
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"))
    web = _client(committee)
    assert web.get("/bo/tinh/20/cu-tri/nhap/").status_code == 200
    with extract(tmp_path).open("rb") as f:
        response = web.post("/bo/tinh/20/cu-tri/nhap/", {"election": election.pk, "file": f})
    assert response.status_code == 302
    progress = web.get(response["Location"])
    record: VoterImport = progress.context["record"]
    assert record.status == VoterImport.Status.SUCCEEDED
    assert record.voters_listed == 5
    assert [r.code for r in progress.context["rejected"]] == ["unmapped_residence_group"]
    assert b'http-equiv="refresh"' not in progress.content
    assert not list((tmp_path / "files" / "voter-imports").iterdir())  # the upload is not kept


def test_commune_committee_cannot_open_the_province_import(election: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", A))
    assert _client(committee).get("/bo/tinh/20/cu-tri/nhap/").status_code == 404
