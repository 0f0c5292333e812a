"""Upload pages, the NEC's calendar page, justifications, member removal, dashboard progress, citations."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.elections import progress, services
from baucu.elections.models import (
    BodyMember,
    CalendarOverride,
    Constituency,
    Election,
    ElectionBody,
    VotingArea,
)
from baucu.elections.templatetags.law_articles import article, cite
from baucu.units.models import Commune

pytestmark = pytest.mark.django_db
LATE = "Nhập bổ sung sau thời hạn để kiểm thử."
KY_LUA = "06187"


@pytest.fixture
def election(units: None, system: Actor) -> Election:
    return services.do_create_election(name="Trang thử", day=dt.date(2026, 3, 15), actor=system)


def _client(actor: Actor) -> Client:
    web = Client()
    assert actor.user is not None
    web.force_login(actor.user)
    return web


def _province_file(seats: str = "3") -> bytes:
    codes = sorted(Commune.objects.filter(province_id="20").values_list("code", flat=True))
    lines = ["contest,number,seats,commune_codes,name"]
    lines += [f"na,{i + 1},{seats if i == 0 else 2},{'; '.join(codes[i::3])}," for i in range(3)]
    return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------- citations


@pytest.mark.parametrize(
    ("law", "vi"),
    [
        ("Art. 10(4)", "Điều 10 khoản 4"),
        ("Art. 24(3)(d)", "Điều 24 khoản 3 điểm d"),
        ("Art. 10(2), 10(3)", "Điều 10 khoản 2, Điều 10 khoản 3"),
        ("Art. 12–13", "Điều 12–13"),
        ("at most 5 (Art. 10(4))", "at most 5 (Điều 10 khoản 4)"),
        ("Res. 199/2025/QH15", "Res. 199/2025/QH15"),
    ],
)
def test_articles_read_as_dieu_khoan_diem_in_vietnamese_and_stay_in_english(law: str, vi: str) -> None:
    assert cite(law, "vi") == vi
    assert cite(law, "en") == law
    with translation.override("vi"):
        assert article(law) == vi
    with translation.override("en"):
        assert article(law) == law


# ---------------------------------------------------------------- upload pages


def test_the_province_committee_uploads_its_na_constituencies_or_gets_the_report(election: Election) -> None:
    committee = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"), "ubbc-lang-son")
    web = _client(committee)
    url = f"/bo/bau-cu/{election.pk}/tinh/20/don-vi-bau-cu/nhap/"
    page = web.get(url).content.decode()
    assert "/bo/bau-cu/mau/constituencies/?dinh-dang=xlsx" in page
    upload = SimpleUploadedFile("dvbc.csv", _province_file(seats="4"))
    page = web.post(url, {"file": upload, "justification": LATE}).content.decode()
    assert "Điều 10 khoản 4" in page
    report = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", page).group(1)).decode()  # type: ignore[union-attr]
    assert report.lstrip("\ufeff").startswith(
        "row,contest,number,seats,commune_codes,name,field,rule,problem"
    )
    assert "Art. 10(4)" in report  # the downloadable report keeps the law core's citation
    with unscoped("test"):
        assert not Constituency.objects.filter(contest__election=election).exists()
    upload = SimpleUploadedFile("dvbc.csv", _province_file())
    response = web.post(url, {"file": upload, "justification": LATE})
    assert response.status_code == 302
    with unscoped("test"):
        assert Constituency.objects.filter(contest__election=election).count() == 3


def test_a_commune_committee_cannot_open_the_province_upload_pages(election: Election) -> None:
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-ky-lua-p")
    web = _client(committee)
    for tail in ("don-vi-bau-cu/nhap/", "to-chuc/nhap/"):
        assert web.get(f"/bo/bau-cu/{election.pk}/tinh/20/{tail}").status_code == 404


def test_the_commune_committee_imports_its_committee_from_xlsx(election: Election) -> None:
    from openpyxl import Workbook

    from baucu.elections.body_import import COLUMNS

    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-ky-lua-x")
    book = Workbook()
    sheet = book.active
    sheet.append(list(COLUMNS))
    for i, role in enumerate(["Chủ tịch", "Phó Chủ tịch", "Thư ký"] + ["Ủy viên"] * 6):
        sheet.append(
            [
                "committee",
                "commune",
                6187,
                None,
                None,
                dt.datetime(2025, 11, 20),
                f"Nông Văn {i}",
                role,
                "",
                0,
            ]
        )
    data = io.BytesIO()
    book.save(data)
    web = _client(committee)
    upload = SimpleUploadedFile("ubbc.xlsx", data.getvalue())
    response = web.post(f"/bo/bau-cu/{election.pk}/xa/{KY_LUA}/to-chuc/nhap/", {"file": upload})
    assert response.status_code == 302  # 20/11/2025 is before the deadline: no justification needed
    with unscoped("test"):
        body = ElectionBody.objects.get(election=election)
    assert (body.kind, body.commune_id, body.established_on) == ("committee", KY_LUA, dt.date(2025, 11, 20))


def test_templates_download_as_csv_and_xlsx(election: Election) -> None:
    web = _client(make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-mau"))
    csv_response = web.get("/bo/bau-cu/mau/bodies/")
    assert csv_response.content.decode("utf-8-sig").startswith("body_kind,level")
    xlsx = web.get("/bo/bau-cu/mau/commune-constituencies/?dinh-dang=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert web.get("/bo/bau-cu/mau/khong-co/").status_code == 404


# ---------------------------------------------------------------- NEC calendar, justifications


def test_only_the_nec_moves_a_step_with_its_reason__art_98_3(election: Election) -> None:
    nec = make_actor(Role.NATIONAL_ELECTION_COUNCIL, Jurisdiction.nation(), "hdbcqg")
    web = _client(nec)
    url = f"/bo/bau-cu/{election.pk}/lich/"
    assert "Điều 98 khoản 3" in web.get(url).content.decode()
    page = web.post(url, {"step_id": "voting_areas_decided", "new_date": "2026-02-05", "reason": " "})
    assert CalendarOverride.objects.count() == 0
    assert page.status_code == 200
    response = web.post(
        url,
        {"step_id": "voting_areas_decided", "new_date": "2026-02-05", "reason": "Nghị quyết số 1/NQ-HĐBCQG"},
    )
    assert response.status_code == 302
    override = CalendarOverride.objects.get(election=election)
    assert (override.step_id, override.new_date, override.reason) == (
        "voting_areas_decided",
        dt.date(2026, 2, 5),
        "Nghị quyết số 1/NQ-HĐBCQG",
    )
    assert "Nghị quyết số 1/NQ-HĐBCQG" in web.get(url).content.decode()
    province = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"), "ubbc-ls-lich")
    assert _client(province).get(url).status_code == 404
    assert _client(province).post(url, {"step_id": "voting_areas_decided"}).status_code == 404


def test_late_actions_are_listed_with_their_justification(election: Election, system: Actor) -> None:
    commune = Commune.objects.get(code=KY_LUA)
    services.do_create_voting_area(
        election, commune=commune, number=1, residence_groups=["Tổ 1"], justification=LATE, actor=system
    )
    province = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"), "ubbc-ls-gt")
    page = _client(province).get(f"/bo/bau-cu/{election.pk}/tinh/20/giai-trinh/").content.decode()
    assert LATE in page
    nec = make_actor(Role.NATIONAL_ELECTION_COUNCIL, Jurisdiction.nation(), "hdbcqg-gt")
    assert LATE in _client(nec).get(f"/bo/bau-cu/{election.pk}/lich/").content.decode()


# ---------------------------------------------------------------- removing a member


def test_the_commune_committee_removes_a_member_with_a_reason__art_27(
    election: Election, system: Actor
) -> None:
    commune = Commune.objects.get(code=KY_LUA)
    members = [
        services.MemberInput("Hoàng Văn An", "chair"),
        services.MemberInput("Nông Thị Bình", "secretary"),
    ]
    members += [services.MemberInput(f"Ủy viên {i}") for i in range(7)]
    body = services.do_create_body(
        election,
        kind="committee",
        level="commune",
        province=commune.province,
        commune=commune,
        members=members,
        justification=LATE,
        actor=system,
    )
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-xoa")
    web = _client(committee)
    with unscoped("test"):
        member = BodyMember.objects.filter(body=body).last()
    assert member is not None
    assert (
        f"/to-chuc/thanh-vien/{member.pk}/xoa/" in web.get(f"/bo/bau-cu/to-chuc/{body.pk}/").content.decode()
    )
    reason = "Là người ứng cử tại đơn vị bầu cử này (Điều 27)."
    response = web.post(f"/bo/bau-cu/to-chuc/thanh-vien/{member.pk}/xoa/", {"reason": reason}, follow=True)
    assert "Điều 22" in response.content.decode()  # 8 members, below the minimum of 9: replace one
    with unscoped("test"):
        assert BodyMember.objects.filter(body=body).count() == 8
        event = AuditEvent.objects.filter(action=AuditAction.BODY_MEMBER_REMOVED).get()
    assert reason in str(event.new_value)
    other = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", "05983"), "ubbc-khac")
    with unscoped("test"):
        first = BodyMember.objects.filter(body=body).first()
    assert first is not None
    assert (
        _client(other).post(f"/bo/bau-cu/to-chuc/thanh-vien/{first.pk}/xoa/", {"reason": "x"}).status_code
        == 404
    )


# ---------------------------------------------------------------- dashboard progress


def test_the_dashboard_marks_steps_done_where_the_data_shows_them(election: Election, system: Actor) -> None:
    from baucu.voters.models import Voter

    commune = Commune.objects.get(code=KY_LUA)
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-tien-do")
    assert progress.commune_done(committee, election, commune) == {"election_day_announced"}
    area = services.do_create_voting_area(
        election, commune=commune, number=1, residence_groups=["Tổ 1"], justification=LATE, actor=system
    )
    done = progress.commune_done(committee, election, commune)
    assert "voting_areas_decided" in done
    assert "voter_lists_posted" not in done
    with unscoped("test"):
        Voter.objects.create(
            election=election,
            province_id="20",
            commune=commune,
            voting_area=VotingArea.objects.get(pk=area.pk),
            seq=1,
            personal_id="020000000001",
            full_name="Hoàng Văn An",
            birth_year=1980,
            gender="M",
            basis="permanent",
            votes_na=True,
            votes_provincial=True,
            votes_commune=True,
        )
    assert "voter_lists_posted" in progress.commune_done(committee, election, commune)
    province = make_actor(Role.PROVINCIAL_COMMITTEE, Jurisdiction.province("20"), "ubbc-ls-td")
    # one commune of 65 has voting areas: the province's step is not done yet
    assert "voting_areas_decided" not in progress.province_done(province, election, commune.province)
    page = _client(committee).get(f"/bo/bau-cu/{election.pk}/xa/{KY_LUA}/?as_of=2026-01-15").content.decode()
    assert page.count("status-done") >= 3


def test_the_team_start_hour_is_set_on_the_area_page_without_a_late_justification__art_71_1(
    election: Election, system: Actor
) -> None:
    commune = Commune.objects.get(code=KY_LUA)
    area = services.do_create_voting_area(
        election, commune=commune, number=1, residence_groups=["Tổ 1"], justification=LATE, actor=system
    )
    committee = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", KY_LUA), "ubbc-gio")
    web = _client(committee)
    page = web.get(f"/bo/bau-cu/khu-vuc-bo-phieu/{area.pk}/").content.decode()
    assert 'name="voting_start"' in page
    assert 'value="07:00"' in page
    fields = {"number": "1", "kind": "residential", "residence_groups": "Tổ 1", "voting_start": "06:00"}
    web.post(f"/bo/bau-cu/khu-vuc-bo-phieu/{area.pk}/", fields, follow=True)
    area.refresh_from_db()
    assert area.voting_start == dt.time(6, 0)
    fields["voting_start"] = "04:45"
    refused = web.post(f"/bo/bau-cu/khu-vuc-bo-phieu/{area.pk}/", fields).content.decode()
    assert "Điều 71 khoản 1" in refused
    area.refresh_from_db()
    assert area.voting_start == dt.time(6, 0)
