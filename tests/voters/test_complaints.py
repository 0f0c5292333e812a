"""The register of complaints about a voter list (Art. 33): 30 days from posting, decided within 5."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from list_world import World, audit_actions, client_for, make_world, vn

from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.elections.models import CalendarOverride
from baucu.voters.models import ListComplaint
from baucu.voters.services.changes import ListChangeError
from baucu.voters.services.complaints import do_decide_list_complaint, do_register_list_complaint, is_overdue

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> World:
    return make_world()


def register(world: World, at: dt.datetime, commune: str = "A", actor: str = "A") -> ListComplaint:
    return do_register_list_complaint(
        world.election,
        world.communes[commune],
        complainant_name="Hoàng Thị Lan",
        complainant_contact="0912 345 678",
        content="Tên tôi bị ghi sai dấu.",
        voter=world.voters[0] if commune == "A" else None,
        actor=world.actors[actor],
        at=at,
    )


def test_complaint_on_day_30_after_posting_is_registered_with_a_5_day_due_date__art_33(world: World) -> None:
    # Posted 03/02/2026 (E − 40, Art. 32): the 30th day after is 05/03/2026.
    complaint = register(world, vn(2026, 3, 5, 16, 30))
    assert complaint.decision_due == dt.date(2026, 3, 10)
    assert (complaint.voting_area_id, complaint.received_by) == (world.areas["A"].pk, "ubnd-A")
    assert audit_actions()[-1] == AuditAction.LIST_COMPLAINT_REGISTERED


def test_complaint_after_the_30_days_is_refused_with_the_article__art_33(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        register(world, vn(2026, 3, 6, 8, 0))
    assert refused.value.codes() == ["complaint_window_closed"]
    assert "Art. 33" in refused.value.messages("en")[0]


def test_complaint_before_posting_is_refused__art_33(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        register(world, vn(2026, 2, 2, 8, 0))
    assert refused.value.codes() == ["complaint_before_posting"]


def test_the_window_follows_a_moved_posting_date__art_98_3(world: World) -> None:
    CalendarOverride.objects.create(
        election=world.election, step_id="voter_lists_posted", new_date=dt.date(2026, 2, 10), reason="NEC"
    )
    assert register(world, vn(2026, 3, 12, 8, 0)).decision_due == dt.date(2026, 3, 17)


def test_decision_recorded_once_and_overdue_after_5_days__art_33(world: World) -> None:
    complaint = register(world, vn(2026, 2, 20, 9, 0))
    assert complaint.decision_due == dt.date(2026, 2, 25)
    assert not is_overdue(complaint, dt.date(2026, 2, 25))
    assert is_overdue(complaint, dt.date(2026, 2, 26))
    with pytest.raises(ListChangeError):
        do_decide_list_complaint(complaint, outcome="upheld", decision=" ", actor=world.actors["A"])
    do_decide_list_complaint(
        complaint, outcome="upheld", decision="Sửa tên.", actor=world.actors["A"], at=vn(2026, 2, 24, 10, 0)
    )
    assert (complaint.outcome, complaint.decided_by) == ("upheld", "ubnd-A")
    assert not is_overdue(complaint, dt.date(2026, 3, 1))
    assert audit_actions()[-1] == AuditAction.LIST_COMPLAINT_DECIDED
    with pytest.raises(ListChangeError) as again:
        do_decide_list_complaint(complaint, outcome="rejected", decision="Không.", actor=world.actors["A"])
    assert again.value.codes() == ["complaint_already_decided"]


def test_another_commune_cannot_register_or_decide__art_33(world: World) -> None:
    with pytest.raises(PermissionDenied):
        register(world, vn(2026, 2, 20, 9, 0), actor="C")
    complaint = register(world, vn(2026, 2, 20, 9, 0))
    with pytest.raises(PermissionDenied):
        do_decide_list_complaint(complaint, outcome="rejected", decision="Không.", actor=world.actors["B"])
    with pytest.raises(ListChangeError) as stray:
        do_register_list_complaint(
            world.election,
            world.communes["C"],
            complainant_name="X",
            content="Y",
            voter=world.voters[0],
            actor=world.actors["C"],
            at=vn(2026, 2, 20, 9, 0),
        )
    assert stray.value.codes() == ["complaint_outside_commune"]


def test_register_page_highlights_overdue_complaints__art_33(world: World, client: Client) -> None:
    register(world, vn(2026, 2, 20, 9, 0))
    url = f"/bo/xa/06187/cu-tri/khieu-nai/?election={world.election.pk}"
    signed_in = client_for(client, world.actors["A"])
    with mock.patch("django.utils.timezone.now", return_value=vn(2026, 2, 26, 9, 0)):
        text = signed_in.get(url).content.decode()
    assert 'class="overdue"' in text
    assert "25/02/2026" in text
    with mock.patch("django.utils.timezone.now", return_value=vn(2026, 2, 25, 9, 0)):
        assert 'class="overdue"' not in signed_in.get(url).content.decode()
    assert client_for(Client(), world.actors["C"]).get(url).status_code == 404


def test_register_page_records_and_decides_a_complaint__art_33(world: World, client: Client) -> None:
    url = f"/bo/xa/06187/cu-tri/khieu-nai/?election={world.election.pk}"
    signed_in = client_for(client, world.actors["A"])
    form = {
        "action": "register",
        "register-complainant_name": "Nông Văn Minh",
        "register-content": "Thiếu tên vợ tôi.",
        "register-voting_area": str(world.areas["A"].pk),
        "register-seq": "9",
    }
    with mock.patch("django.utils.timezone.now", return_value=vn(2026, 2, 20, 9, 0)):
        assert "Không có cử tri mang số thứ tự này" in signed_in.post(url, form).content.decode()
        assert signed_in.post(url, {**form, "register-seq": "2"}).status_code == 302
        with unscoped("tests"):
            complaint = ListComplaint.objects.get()
        assert complaint.voter == world.voters[1]
        decision = {
            "action": "decide",
            "complaint": str(complaint.pk),
            "outcome": "rejected",
            "decision": "Đã có.",
        }
        assert signed_in.post(url, decision).status_code == 302
    complaint.refresh_from_db()
    assert complaint.outcome == "rejected"
    with mock.patch("django.utils.timezone.now", return_value=vn(2026, 3, 6, 9, 0)):
        late = signed_in.post(url, {**form, "register-seq": "2"}).content.decode()
    assert "Điều 33" in late


def test_an_upheld_complaint_corrects_the_voters_details_in_the_same_step__art_33(world: World) -> None:
    from baucu.voters.models import ListChange
    from baucu.voters.services.complaints import VoterCorrection

    complaint = register(world, vn(2026, 2, 20, 9, 0))
    voter = world.voters[0]
    do_decide_list_complaint(
        complaint,
        outcome="upheld",
        decision="Sửa dấu theo căn cước.",
        correction=VoterCorrection(full_name="  Hoàng  Thị Lan ", ethnicity="Tày"),
        actor=world.actors["A"],
        at=vn(2026, 2, 21, 9, 0),
    )
    voter.refresh_from_db()
    assert (voter.full_name, voter.ethnicity) == ("Hoàng Thị Lan", "Tày")
    with unscoped("tests"):
        change = ListChange.objects.get(voter=voter)
    assert (change.kind, change.reason, change.article) == ("correction", "complaint_upheld", "Art. 33")
    assert audit_actions()[-2:] == [AuditAction.LIST_COMPLAINT_DECIDED, AuditAction.VOTER_CORRECTED]


def test_a_correction_needs_an_upheld_complaint_and_keeps_the_voter_of_age__art_33_art_2(
    world: World,
) -> None:
    from baucu.voters.services.complaints import VoterCorrection

    complaint = register(world, vn(2026, 2, 20, 9, 0))
    voter = world.voters[0]
    name = voter.full_name
    with pytest.raises(ListChangeError) as refused:
        do_decide_list_complaint(
            complaint,
            outcome="rejected",
            decision="Không có căn cứ.",
            correction=VoterCorrection(full_name="Tên khác"),
            actor=world.actors["A"],
            at=vn(2026, 2, 21, 9, 0),
        )
    assert refused.value.codes() == ["correction_needs_upheld_complaint"]
    with pytest.raises(ListChangeError) as young:
        do_decide_list_complaint(
            complaint,
            outcome="upheld",
            decision="Sửa ngày sinh.",
            correction=VoterCorrection(birth_date=dt.date(2010, 1, 1)),
            actor=world.actors["A"],
            at=vn(2026, 2, 21, 9, 0),
        )
    assert young.value.codes() == ["corrected_birth_date_under_age"]
    assert "Art. 2" in young.value.messages("en")[0]
    with pytest.raises(ListChangeError) as late:
        do_decide_list_complaint(
            complaint,
            outcome="upheld",
            decision="Sửa tên.",
            correction=VoterCorrection(full_name="Tên khác"),
            actor=world.actors["A"],
            at=vn(2026, 3, 14, 7, 0),  # the 24-hour cut-off (Art. 29-30)
        )
    assert late.value.codes() == ["list_changes_closed"]
    voter.refresh_from_db()
    complaint.refresh_from_db()
    assert voter.full_name == name
    assert complaint.decided_at is None  # nothing written: the decision is taken again


def test_the_register_page_decides_with_a_correction__art_33(world: World, client: Client) -> None:
    complaint = register(world, vn(2026, 2, 20, 9, 0))
    url = f"/bo/xa/06187/cu-tri/khieu-nai/?election={world.election.pk}"
    signed_in = client_for(client, world.actors["A"])
    with mock.patch("django.utils.timezone.now", return_value=vn(2026, 2, 21, 9, 0)):
        assert "corrected_full_name" in signed_in.get(url).content.decode()
        decision = {
            "action": "decide",
            "complaint": str(complaint.pk),
            "outcome": "upheld",
            "decision": "Sửa theo căn cước.",
            "corrected_birth_date": "02/01/1990",
            "corrected_gender": "F",
        }
        assert signed_in.post(url, decision).status_code == 302
    voter = world.voters[0]
    voter.refresh_from_db()
    assert (voter.birth_date, voter.birth_year, voter.gender) == (dt.date(1990, 1, 2), 1990, "F")
