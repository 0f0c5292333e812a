"""The public voter lookup (issue 6): answers its holder, and nobody learns whether a number is listed."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from lookup_lists import (
    CERTIFICATE_ID,
    LISTED_ID,
    PENDING_ID,
    UNLISTED_ID,
    YEAR_ONLY_ID,
    Lists,
    make_area,
    make_voter,
)

from baucu.elections.models import Election
from baucu.public.lookup import BirthInput, current_elections, find_listings
from baucu.public.models import LookupAttempt, LookupDailyCount
from baucu.public.views import LOOKUP_PAGE_QUANTUM
from baucu.units.models import Commune

pytestmark = pytest.mark.django_db

URL = "/tra-cuu-cu-tri/"
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def look_up(client: Client, personal_id: str, birth: str, *, ip: str = "203.0.113.7"):
    return client.post(URL, {"personal_id": personal_id, "birth": birth}, REMOTE_ADDR=ip)


def body(response) -> str:
    return response.content.decode()


def test_route_is_the_public_lookup():
    assert reverse("public:voter_lookup") == URL


def test_listed_voter_sees_area_polling_place_commune_province_and_contests(client, lists: Lists):
    response = look_up(client, LISTED_ID, "17/05/1990")
    assert response.status_code == 200
    page = body(response)
    assert lists.election.name in page
    assert "Số 7" in page
    assert "Nhà văn hóa khối 3" in page
    assert "Phường Kỳ Lừa" in page
    assert "Tỉnh Lạng Sơn" in page
    assert "Đại biểu Quốc hội" in page
    assert "Đại biểu Hội đồng nhân dân Tỉnh Lạng Sơn" in page
    assert "Đại biểu Hội đồng nhân dân Phường Kỳ Lừa" in page
    # Nothing else: no name, no list number, not even the number typed.
    assert "Hoàng Thị Mai" not in page
    assert "4711" not in page
    assert LISTED_ID not in page


def test_one_digit_day_and_month_and_spaces_in_the_number_are_accepted(client, lists: Lists):
    page = body(look_up(client, "0201 9000 1234", "17/5/1990"))
    assert "Nhà văn hóa khối 3" in page


def test_only_the_contests_the_voter_votes_in_are_listed(client, lists: Lists):
    commune_only = make_voter(lists.area, 9, "020190007777", votes_na=False, votes_provincial=False)
    page = body(look_up(client, commune_only.personal_id, "17/05/1990"))
    assert "Đại biểu Hội đồng nhân dân Phường Kỳ Lừa" in page
    assert "Đại biểu Quốc hội" not in page
    assert "Hội đồng nhân dân Tỉnh Lạng Sơn" not in page


def test_wrong_date_of_birth_is_indistinguishable_from_an_unlisted_number(client, lists: Lists):
    wrong_date = look_up(client, LISTED_ID, "18/05/1990")
    unlisted = look_up(client, UNLISTED_ID, "18/05/1990")
    wrong_year_only = look_up(client, LISTED_ID, "1990")  # the list has the full date
    assert wrong_date.status_code == unlisted.status_code == wrong_year_only.status_code == 200
    assert CSRF.sub(b"", wrong_date.content) == CSRF.sub(b"", unlisted.content)
    assert CSRF.sub(b"", wrong_year_only.content) == CSRF.sub(b"", unlisted.content)
    assert "Không tìm thấy thông tin phù hợp" in body(unlisted)
    assert "Nhà văn hóa khối 3" not in body(wrong_date)


def test_the_same_queries_run_whether_the_number_is_listed_or_not(lists: Lists):
    counts = []
    for personal_id in (LISTED_ID, UNLISTED_ID):
        with CaptureQueriesContext(connection) as queries:
            find_listings(personal_id, BirthInput(1990, date(1990, 5, 18)))
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_year_only_record_answers_to_the_year_or_to_a_full_date_in_that_year(client, lists: Lists):
    assert "Nhà văn hóa khối 3" in body(look_up(client, YEAR_ONLY_ID, "1960"))
    assert "Nhà văn hóa khối 3" in body(look_up(client, YEAR_ONLY_ID, "05/06/1960"))
    assert "Không tìm thấy thông tin phù hợp" in body(look_up(client, YEAR_ONLY_ID, "1961"))


def test_certificate_to_vote_elsewhere_points_to_the_destination__art_34(client, lists: Lists):
    page = body(look_up(client, CERTIFICATE_ID, "02/01/1985"))
    assert "giấy chứng nhận đi bỏ phiếu ở nơi khác" in page
    assert "Trường tiểu học số 2" in page
    assert "Nhà văn hóa khối 3" not in page  # the origin area is not where they vote
    assert "Đại biểu Hội đồng nhân dân Phường Kỳ Lừa" not in page


def test_certificate_without_a_destination_listing_says_where_to_go(client, lists: Lists):
    page = body(look_up(client, PENDING_ID, "04/03/1985"))
    assert "chưa có tên trong danh sách cử tri ở nơi sẽ bỏ phiếu" in page
    assert f"Giấy chứng nhận của bạn ghi nơi bỏ phiếu: {lists.other_area.commune.name}." in page
    assert "Nhà văn hóa khối 3" not in page


def test_removed_voter_is_not_found(client, lists: Lists):
    make_voter(lists.area, 10, "020190008888", status="removed")
    assert "Không tìm thấy thông tin phù hợp" in body(look_up(client, "020190008888", "17/05/1990"))


def test_listed_in_two_current_elections_shows_each(client, lists: Lists):
    by_election = Election(
        name="Bầu cử bổ sung đại biểu HĐND",
        day=timezone.localdate() + timedelta(days=60),
        kind=Election.Kind.BY_ELECTION,
        mode=Election.Mode.OFFICIAL,
    )
    by_election.save()
    area = make_area(by_election, lists.area.commune, 1, "Hội trường UBND phường")
    make_voter(area, 1, LISTED_ID, votes_na=False, votes_provincial=False)
    page = body(look_up(client, LISTED_ID, "17/05/1990"))
    assert lists.election.name in page
    assert by_election.name in page
    assert "Nhà văn hóa khối 3" in page
    assert "Hội trường UBND phường" in page


def test_official_elections_hide_test_elections_and_past_ones_give_way_to_upcoming(lists: Lists):
    rehearsal = Election(name="Diễn tập", day=timezone.localdate() + timedelta(days=5))
    rehearsal.save()
    make_voter(make_area(rehearsal, lists.area.commune, 1, "Diễn tập"), 1, LISTED_ID)
    past = Election(name="Khóa trước", day=date(2021, 5, 23), mode=Election.Mode.OFFICIAL)
    past.save()
    make_voter(make_area(past, lists.area.commune, 1, "Cũ"), 1, LISTED_ID)
    assert current_elections() == [lists.election]


def test_most_recent_election_when_none_is_upcoming(units):
    commune = Commune.objects.get(name="Phường Kỳ Lừa")
    older = Election(name="2016", day=date(2016, 5, 22), mode=Election.Mode.OFFICIAL)
    newer = Election(name="2021", day=date(2021, 5, 23), mode=Election.Mode.OFFICIAL)
    for number, election in enumerate((older, newer), start=1):
        election.save()
        make_voter(make_area(election, commune, number, "x"), 1, LISTED_ID)
    assert current_elections() == [newer]


@pytest.mark.parametrize(
    ("personal_id", "birth", "message"),
    [
        ("12345", "17/05/1990", "Hãy nhập đủ 12 chữ số"),
        ("02019000123x", "17/05/1990", "Hãy nhập đủ 12 chữ số"),
        (LISTED_ID, "1990-05-17", "Hãy nhập ngày sinh theo dạng dd/mm/yyyy"),
        (LISTED_ID, "31/02/1990", "Ngày tháng này không tồn tại"),
        (LISTED_ID, "1850", "Năm sinh này không hợp lệ"),
    ],
)
def test_input_errors_are_shown_as_such(client, lists: Lists, personal_id, birth, message):
    response = look_up(client, personal_id, birth)
    assert response.status_code == 200
    assert message in body(response)
    assert "Không tìm thấy thông tin phù hợp" not in body(response)


def test_every_page_has_the_same_size_class(client, lists: Lists):
    responses = [
        client.get(URL),
        look_up(client, LISTED_ID, "17/05/1990"),
        look_up(client, UNLISTED_ID, "17/05/1990"),
        look_up(client, "1", "x"),
    ]
    assert {len(r.content) for r in responses} == {LOOKUP_PAGE_QUANTUM}


def test_too_many_lookups_of_one_number_get_a_neutral_429(client, lists: Lists):
    for i in range(5):
        assert look_up(client, LISTED_ID, "01/01/1990", ip=f"198.51.100.{i}").status_code == 200
    refused = look_up(client, LISTED_ID, "17/05/1990", ip="198.51.100.99")  # right date, new address
    assert refused.status_code == 429
    page = body(refused)
    assert "Tra cứu quá nhiều lần" in page
    assert "Nhà văn hóa khối 3" not in page
    assert "Không tìm thấy" not in page
    # Another number from the same address is unaffected.
    assert look_up(client, UNLISTED_ID, "17/05/1990", ip="198.51.100.99").status_code == 200


def test_too_many_lookups_from_one_address_get_a_neutral_429(client, lists: Lists):
    for i in range(10):
        assert look_up(client, f"0201{i:08d}", "01/01/1990").status_code == 200
    refused = look_up(client, LISTED_ID, "17/05/1990")
    assert refused.status_code == 429
    assert "Tra cứu quá nhiều lần" in body(refused)
    assert look_up(client, LISTED_ID, "17/05/1990", ip="192.0.2.1").status_code == 200


def test_limits_are_a_window(client, lists: Lists, settings):
    settings.BAUCU_LOOKUP_THROTTLE = {"per_identity": 1}
    assert look_up(client, LISTED_ID, "17/05/1990").status_code == 200
    assert look_up(client, LISTED_ID, "17/05/1990").status_code == 429
    LookupAttempt.objects.update(at=timezone.now() - timedelta(hours=2))
    assert look_up(client, LISTED_ID, "17/05/1990").status_code == 200


def test_no_identity_number_or_address_is_stored_in_clear(client, lists: Lists):
    look_up(client, LISTED_ID, "17/05/1990")
    look_up(client, UNLISTED_ID, "17/05/1990")
    look_up(client, "1", "x")
    stored = " ".join(f"{a.kind} {a.key}" for a in LookupAttempt.objects.all())
    assert LISTED_ID not in stored
    assert UNLISTED_ID not in stored
    assert "203.0.113.7" not in stored
    totals = {c.outcome: c.count for c in LookupDailyCount.objects.all()}
    assert totals == {"answered": 1, "no_match": 1, "invalid": 1}


def test_no_other_identity_number_ever_appears(client, lists: Lists):
    everyone = [LISTED_ID, YEAR_ONLY_ID, CERTIFICATE_ID, PENDING_ID]
    pages = [
        body(client.get(URL)),
        body(look_up(client, LISTED_ID, "17/05/1990")),
        body(look_up(client, CERTIFICATE_ID, "02/01/1985")),
        body(look_up(client, UNLISTED_ID, "17/05/1990")),
    ]
    for page in pages:
        for personal_id in everyone:
            assert personal_id not in page


def test_post_without_csrf_token_is_refused(lists: Lists):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"personal_id": LISTED_ID, "birth": "17/05/1990"}).status_code == 403


def test_page_is_never_cached(client, lists: Lists):
    assert "no-store" in look_up(client, LISTED_ID, "17/05/1990")["Cache-Control"]


def test_english_page(client, lists: Lists):
    data = {"personal_id": LISTED_ID, "birth": "17/05/1990"}
    response = client.post(URL, data, HTTP_ACCEPT_LANGUAGE="en", REMOTE_ADDR="192.0.2.5")
    page = body(response)
    assert "Where do I vote?" in page
    assert "No. 7" in page
    assert "National Assembly deputies" in page


def test_home_and_nav_link_to_the_lookup(client, units):
    page = body(client.get("/"))
    assert page.count(f'href="{URL}"') == 2
