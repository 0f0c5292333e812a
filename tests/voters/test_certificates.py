"""Vote-elsewhere certificates (Form 11/HĐBC, Art. 34): issued by the origin, accepted at the destination."""

from __future__ import annotations

from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from list_world import BEFORE_CUTOFF, World, audit_actions, client_for, make_world, vn

from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.voters.models import ListChange, VoteElsewhereCertificate, Voter
from baucu.voters.services.certificates import (
    do_accept_vote_elsewhere_voter,
    do_issue_vote_elsewhere_certificate,
)
from baucu.voters.services.changes import VOTING_ELSEWHERE_NOTE, ListChangeError

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> World:
    return make_world()


def issue(world: World, destination: str = "C", **kwargs: object) -> VoteElsewhereCertificate:
    options: dict[str, object] = {"actor": world.actors["A"], "at": BEFORE_CUTOFF, **kwargs}
    return do_issue_vote_elsewhere_certificate(world.voters[0], world.communes[destination], **options)  # type: ignore[arg-type]


def test_vote_elsewhere_round_trip__art_34(world: World) -> None:
    origin = world.voters[0]
    certificate = issue(world)
    origin.refresh_from_db()
    assert (origin.status, origin.note) == (Voter.Status.VOTING_ELSEWHERE, VOTING_ELSEWHERE_NOTE)
    assert certificate.number == "06187-0001"
    assert (certificate.issued_by, certificate.destination_commune_id) == ("ubnd-A", "05983")

    added = do_accept_vote_elsewhere_voter(
        certificate, world.areas["C"], actor=world.actors["C"], at=vn(2026, 3, 12, 8, 0)
    )
    assert (added.status, added.basis, added.commune_id) == (Voter.Status.LISTED, "vote_elsewhere", "05983")
    assert (added.votes_na, added.votes_provincial, added.votes_commune) == (True, True, False)
    assert added.seq == 2  # the next number in the destination area
    assert (added.personal_id, added.full_name) == (origin.personal_id, origin.full_name)
    certificate.refresh_from_db()
    assert certificate.destination_voter_id == added.pk
    with unscoped("tests"):
        listed = Voter.objects.filter(personal_id=origin.personal_id, status=Voter.Status.LISTED)
        assert list(listed) == [added]  # single listing holds
        kinds = list(ListChange.objects.order_by("id").values_list("kind", "commune_id", "article"))
    assert kinds == [
        (ListChange.Kind.VOTE_ELSEWHERE_OUT, "06187", "Art. 34"),
        (ListChange.Kind.VOTE_ELSEWHERE_IN, "05983", "Art. 34"),
    ]
    assert audit_actions()[-2:] == [
        AuditAction.VOTE_ELSEWHERE_CERTIFICATE_ISSUED,
        AuditAction.VOTE_ELSEWHERE_VOTER_ACCEPTED,
    ]


def test_a_second_certificate_for_the_same_voter_is_refused__art_34(world: World) -> None:
    issue(world)
    with pytest.raises(ListChangeError) as refused:
        issue(world, destination="B")
    assert refused.value.codes() == ["certificate_already_issued"]


def test_a_certificate_is_used_once__art_34(world: World) -> None:
    certificate = issue(world)
    do_accept_vote_elsewhere_voter(certificate, world.areas["C"], actor=world.actors["C"], at=BEFORE_CUTOFF)
    with pytest.raises(ListChangeError) as refused:
        do_accept_vote_elsewhere_voter(
            certificate, world.areas["C"], actor=world.actors["C"], at=BEFORE_CUTOFF
        )
    assert refused.value.codes() == ["certificate_already_used"]


def test_across_provinces_the_voter_still_votes_na_and_provincial__art_34(world: World) -> None:
    certificate = issue(world, destination="B")
    added = do_accept_vote_elsewhere_voter(
        certificate, world.areas["B"], actor=world.actors["B"], at=BEFORE_CUTOFF
    )
    assert (added.votes_na, added.votes_provincial, added.votes_commune) == (True, True, False)
    with unscoped("tests"):
        change = added.changes.get()
    assert "Thông tư 21/2025" in change.reason_text  # flagged for a person to confirm, not refused


def test_issuing_is_the_origin_communes_act_and_accepting_the_destinations__art_34(world: World) -> None:
    with pytest.raises(PermissionDenied):
        issue(world, actor=world.actors["C"])
    certificate = issue(world)
    with pytest.raises(PermissionDenied):
        do_accept_vote_elsewhere_voter(
            certificate, world.areas["C"], actor=world.actors["A"], at=BEFORE_CUTOFF
        )
    with pytest.raises(PermissionDenied):
        do_accept_vote_elsewhere_voter(
            certificate, world.areas["B"], actor=world.actors["B"], at=BEFORE_CUTOFF
        )
    with pytest.raises(ListChangeError) as refused:
        do_accept_vote_elsewhere_voter(
            certificate, world.areas["B"], actor=world.actors["C"], at=BEFORE_CUTOFF
        )
    assert refused.value.codes() == ["area_outside_destination"]


def test_certificate_from_posting_until_the_cutoff__art_34_29_30(world: World) -> None:
    with pytest.raises(ListChangeError) as early:
        issue(world, at=vn(2026, 2, 2, 10, 0))
    assert early.value.codes() == ["certificate_before_posting"]
    with pytest.raises(ListChangeError) as late:
        issue(world, at=vn(2026, 3, 14, 7, 0))
    assert late.value.codes() == ["list_changes_closed"]
    certificate = issue(world, at=vn(2026, 3, 14, 6, 59))
    with pytest.raises(ListChangeError):
        do_accept_vote_elsewhere_voter(
            certificate, world.areas["C"], actor=world.actors["C"], at=vn(2026, 3, 14, 7, 0)
        )


def test_a_certificate_for_the_own_commune_is_refused__art_34(world: World) -> None:
    with pytest.raises(ListChangeError) as refused:
        issue(world, destination="A")
    assert refused.value.codes() == ["certificate_same_commune"]


def test_pages_issue_and_accept_a_certificate__art_34(world: World, client: Client) -> None:
    base = "/bo/xa/{}/cu-tri/giay-chung-nhan/?election=" + str(world.election.pk)
    origin = client_for(client, world.actors["A"])
    issue_form = {
        "action": "issue",
        "issue-voting_area": str(world.areas["A"].pk),
        "issue-seq": "1",
        "issue-destination_commune": "05983",
    }
    with mock.patch("django.utils.timezone.now", return_value=BEFORE_CUTOFF):
        assert origin.post(base.format("06187"), issue_form).status_code == 302
    issued_page = origin.get(base.format("06187")).content.decode()
    assert "06187-0001" in issued_page
    assert "/mau-11.pdf" in issued_page
    assert origin.post(base.format("05983"), {"action": "accept"}).status_code == 404  # not A's commune
    destination = client_for(Client(), world.actors["C"])
    accept_form = {
        "action": "accept",
        "accept-voting_area": str(world.areas["C"].pk),
        "accept-number": "06187-0001",
    }
    with mock.patch("django.utils.timezone.now", return_value=BEFORE_CUTOFF):
        assert destination.post(base.format("05983"), accept_form).status_code == 302
    with unscoped("tests"):
        assert Voter.objects.get(commune_id="05983", personal_id=world.voters[0].personal_id).seq == 2
