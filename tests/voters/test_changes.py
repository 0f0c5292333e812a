"""Additions and removals after posting (Art. 29(4), 30(2)–(5)) and the 24-hour cut-off (Art. 29–30)."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from list_world import BEFORE_CUTOFF, World, audit_actions, client_for, make_voter, make_world, vn

from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.voters.models import ListChange, ListComplaint, Voter
from baucu.voters.services.changes import ListChangeError, NewVoter, do_add_voter, do_remove_voter

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> World:
    return make_world()


def person(personal_id: str = "020190000009", birth: dt.date = dt.date(1990, 1, 2)) -> NewVoter:
    return NewVoter(
        personal_id=personal_id,
        full_name="Vi Văn Thắng",
        birth_date=birth,
        birth_year=birth.year,
        gender="M",
        ethnicity="Nùng",
    )


def add(world: World, at: dt.datetime, **kwargs: object) -> ListChange:
    options: dict[str, object] = {"reason": "returning_from_abroad", "basis": "permanent", **kwargs}
    return do_add_voter(world.areas["A"], person(), actor=world.actors["A"], at=at, **options)  # type: ignore[arg-type]


def test_change_allowed_one_minute_before_the_cutoff__art_29_30(world: World) -> None:
    change = add(world, vn(2026, 3, 14, 6, 59))
    assert change.kind == ListChange.Kind.ADDITION


def test_change_refused_at_the_cutoff__art_29_30(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        add(world, vn(2026, 3, 14, 7, 0))
    assert refused.value.codes() == ["list_changes_closed"]
    assert "Art. 29" in refused.value.messages("en")[0]
    assert "07:00 14/03/2026" in refused.value.messages("vi")[0]
    with unscoped("tests"):
        assert not ListChange.objects.exists()
        assert not Voter.objects.filter(personal_id="020190000009").exists()
    assert AuditAction.VOTER_ADDED not in audit_actions()


def test_removal_refused_at_the_cutoff__art_30(world: World) -> None:
    with pytest.raises(ListChangeError):
        do_remove_voter(
            world.voters[0], reason="moved_out", actor=world.actors["A"], at=vn(2026, 3, 14, 7, 0)
        )
    world.voters[0].refresh_from_db()
    assert world.voters[0].status == Voter.Status.LISTED


def test_team_starting_at_0500_moves_the_cutoff__art_71_1(world: World) -> None:
    early = dt.time(5, 0)
    with pytest.raises(ListChangeError):
        add(world, vn(2026, 3, 14, 5, 0), voting_start=early)
    with pytest.raises(ListChangeError):
        add(world, vn(2026, 3, 14, 6, 0), voting_start=early)
    assert add(world, vn(2026, 3, 14, 4, 59), voting_start=early).article == "Art. 29(4)"


def test_the_start_set_for_the_voting_area_moves_its_cutoff__art_71_1(world: World) -> None:
    from baucu.elections import services

    area = world.areas["A"]
    services.do_update_voting_area(area, voting_start=dt.time(6, 0), actor=world.actors["A"])
    with pytest.raises(ListChangeError):
        add(world, vn(2026, 3, 14, 6, 0))  # stored start 06:00: closed from 06:00 the day before
    with pytest.raises(ListChangeError):
        do_remove_voter(
            world.voters[0], reason="moved_out", actor=world.actors["A"], at=vn(2026, 3, 14, 6, 30)
        )
    assert add(world, vn(2026, 3, 14, 5, 59)).kind == ListChange.Kind.ADDITION


@pytest.mark.parametrize(
    ("reason", "basis", "article", "commune_vote"),
    [
        ("returning_from_abroad", "permanent", "Art. 29(4)", True),
        ("returning_from_abroad", "temporary", "Art. 29(4)", False),
        ("rights_restored", "permanent", "Art. 30(2)", True),
        ("moved_in", "permanent", "Art. 30(3)", True),
        ("moved_in", "temporary", "Art. 30(3)", False),
        ("released", "permanent", "Art. 30(4)", True),
        ("released", "temporary", "Art. 30(4)", False),
    ],
)
def test_each_addition_reason_with_its_article__art_29_4_30(
    world: World, reason: str, basis: str, article: str, commune_vote: bool
) -> None:
    change = add(world, BEFORE_CUTOFF, reason=reason, basis=basis, reason_text="Hộ chiếu C1234567")
    voter = change.voter
    assert (change.reason, change.article, change.actor_username, change.at) == (
        reason,
        article,
        "ubnd-A",
        BEFORE_CUTOFF,
    )
    assert change.reason_text == "Hộ chiếu C1234567"
    assert (voter.status, voter.seq, voter.basis) == (Voter.Status.LISTED, 3, basis)
    assert (voter.votes_na, voter.votes_provincial, voter.votes_commune) == (True, True, commune_vote)
    assert audit_actions()[-1] == AuditAction.VOTER_ADDED


def test_returning_citizen_is_not_listed_at_a_facility__art_29_4(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        add(world, BEFORE_CUTOFF, basis="facility")
    assert refused.value.codes() == ["basis_does_not_fit_reason"]


def test_a_person_already_listed_is_not_added_twice__art_29_1(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        do_add_voter(
            world.areas["C"],
            person(personal_id=world.voters[0].personal_id),
            reason="moved_in",
            basis="permanent",
            actor=world.actors["C"],
            at=BEFORE_CUTOFF,
        )
    assert refused.value.codes() == ["already_listed"]


def test_under_age_is_not_added__art_2(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        do_add_voter(
            world.areas["A"],
            person(birth=dt.date(2008, 3, 16)),
            reason="returning_from_abroad",
            basis="permanent",
            actor=world.actors["A"],
            at=BEFORE_CUTOFF,
        )
    assert refused.value.codes() == ["under_voting_age"]


@pytest.mark.parametrize(
    ("reason", "article", "card_withdrawn"),
    [
        ("moved_out", "Art. 30(3)", False),
        ("released_from_facility", "Art. 30(4)", False),
        ("disqualified", "Art. 30(5)", True),
        ("death", "Art. 29(1)", False),
    ],
)
def test_each_removal_reason_with_its_article__art_30(
    world: World, reason: str, article: str, card_withdrawn: bool
) -> None:
    voter = world.voters[0]
    change = do_remove_voter(voter, reason=reason, actor=world.actors["A"], at=BEFORE_CUTOFF)
    assert (change.kind, change.article, change.card_withdrawn) == (
        ListChange.Kind.REMOVAL,
        article,
        card_withdrawn,
    )
    voter.refresh_from_db()
    assert voter.status == Voter.Status.REMOVED  # the row is kept
    assert audit_actions()[-1] == AuditAction.VOTER_REMOVED


def test_disqualification_withdraws_the_voter_card__art_30_5(world: World) -> None:
    change = do_remove_voter(
        world.voters[1], reason="disqualified", actor=world.actors["A"], at=BEFORE_CUTOFF
    )
    assert change.card_withdrawn
    with pytest.raises(ListChangeError) as again:
        do_remove_voter(world.voters[1], reason="death", actor=world.actors["A"], at=BEFORE_CUTOFF)
    assert again.value.codes() == ["not_listed"]


def test_a_removal_needs_a_removal_reason__art_30(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        do_remove_voter(world.voters[0], reason="moved_in", actor=world.actors["A"], at=BEFORE_CUTOFF)
    assert refused.value.codes() == ["reason_does_not_fit_change"]


def test_another_communes_voter_is_refused__art_31_1(world: World) -> None:
    with pytest.raises(PermissionDenied):
        do_remove_voter(world.voters[0], reason="moved_out", actor=world.actors["C"], at=BEFORE_CUTOFF)
    with pytest.raises(PermissionDenied):
        do_add_voter(
            world.areas["A"],
            person(),
            reason="moved_in",
            basis="permanent",
            actor=world.actors["B"],
            at=BEFORE_CUTOFF,
        )


# --- the back-office page ----------------------------------------------------------------------


def page_url(world: World, commune: str = "A") -> str:
    return f"/bo/xa/{world.communes[commune].code}/cu-tri/thay-doi/?election={world.election.pk}"


def test_page_adds_and_lists_changes_with_the_article__art_29_4(world: World, client: Client) -> None:
    signed_in = client_for(client, world.actors["A"])
    form = {
        "action": "add",
        "add-voting_area": str(world.areas["A"].pk),
        "add-reason": "returning_from_abroad",
        "add-basis": "permanent",
        "add-personal_id": "020190000009",
        "add-full_name": "Vi Văn Thắng",
        "add-birth_year": "1990",
        "add-gender": "M",
    }
    with mock.patch("django.utils.timezone.now", return_value=BEFORE_CUTOFF):
        response = signed_in.post(page_url(world), form)
    assert response.status_code == 302
    listing = signed_in.get(page_url(world))
    assert listing.status_code == 200
    text = listing.content.decode()
    assert "Vi Văn Thắng" in text
    assert "Điều 29 khoản 4" in text


def test_page_shows_the_refusal_with_its_article_after_the_cutoff__art_29_30(
    world: World, client: Client
) -> None:
    signed_in = client_for(client, world.actors["A"])
    form = {
        "action": "remove",
        "remove-voting_area": str(world.areas["A"].pk),
        "remove-seq": "1",
        "remove-reason": "death",
    }
    with mock.patch("django.utils.timezone.now", return_value=vn(2026, 3, 14, 7, 0)):
        response = signed_in.post(page_url(world), form)
    assert response.status_code == 200
    assert "Điều 29 khoản 4, Điều 30" in response.content.decode()
    world.voters[0].refresh_from_db()
    assert world.voters[0].status == Voter.Status.LISTED


def test_another_communes_page_is_a_404_for_get_and_post__art_31_1(world: World, client: Client) -> None:
    signed_in = client_for(client, world.actors["C"])
    assert signed_in.get(page_url(world, "A")).status_code == 404
    assert signed_in.post(page_url(world, "A"), {"action": "remove"}).status_code == 404
    assert signed_in.get(page_url(world, "C")).status_code == 200


def test_demo_step_goes_through_the_services_once(world: World) -> None:
    import io

    from baucu.voters.changes_demo import run

    make_voter(world.areas["C"], 2, "020180000004", "Hà Thị Thu")
    make_voter(world.areas["C"], 3, "020180000005", "Chu Văn Sơn")
    out = io.StringIO()
    run(world.election, stdout=out)
    run(world.election, stdout=out)  # idempotent
    with unscoped("tests"):
        kinds = sorted(ListChange.objects.values_list("kind", flat=True))
        assert ListComplaint.objects.count() == 2
    assert kinds == ["addition", "removal", "vote_elsewhere_in", "vote_elsewhere_out"]
