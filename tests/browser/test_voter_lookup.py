"""A voter looks up where they vote, in Vietnamese, in Chromium: a wrong date first, then the right one."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from baucu.elections.models import Election, VotingArea
from baucu.units.models import Commune
from baucu.voters.models import Voter

LISTED_ID = "020190001234"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("units"),
]


@pytest.fixture
def listed_voter() -> None:
    election = Election(
        name="Bầu cử đại biểu Quốc hội và HĐND các cấp",
        day=timezone.localdate() + timedelta(days=30),
        mode=Election.Mode.OFFICIAL,
    )
    election.save()
    commune = Commune.objects.get(name="Phường Kỳ Lừa")
    area = VotingArea(election=election, province_id="20", commune=commune, number=7)
    area.polling_place = "Nhà văn hóa khối 3"
    area.save()
    Voter(
        election=election,
        province_id="20",
        commune=commune,
        voting_area=area,
        seq=4711,
        personal_id=LISTED_ID,
        full_name="Hoàng Thị Mai",
        birth_date=date(1990, 5, 17),
        birth_year=1990,
        gender=Voter.Gender.FEMALE,
        basis=Voter.Basis.PERMANENT,
        votes_na=True,
        votes_provincial=True,
        votes_commune=True,
    ).save()


def test_voter_finds_their_polling_place_in_vietnamese(page, listed_voter):
    page.goto("/")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Tra cứu cử tri").click()
    page.wait_for_url("**/tra-cuu-cu-tri/")
    assert page.get_by_role("heading", level=1).inner_text() == "Tra cứu cử tri"

    page.get_by_label("Số định danh cá nhân (12 chữ số)").fill(LISTED_ID)
    page.get_by_label("Ngày sinh").fill("18/05/1990")
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu", exact=True).click()
    result = page.locator("#lookup-result")
    assert "Không tìm thấy thông tin phù hợp" in result.inner_text()
    assert page.get_by_label("Số định danh cá nhân (12 chữ số)").input_value() == ""  # never echoed

    page.get_by_label("Số định danh cá nhân (12 chữ số)").fill(LISTED_ID)
    page.get_by_label("Ngày sinh").fill("17/05/1990")
    with page.expect_navigation():
        page.get_by_role("button", name="Tra cứu", exact=True).click()
    text = result.inner_text()
    assert "Số 7" in text
    assert "Nhà văn hóa khối 3" in text
    assert "Phường Kỳ Lừa" in text
    assert "Đại biểu Quốc hội" in text
    assert "Hoàng Thị Mai" not in page.content()
