"""Election-setup services: the law core decides, every message cites its article, audit events."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.roles import Role
from baucu.accounts.scoping import unscoped
from baucu.accounts.testing import ensure_commune, make_actor
from baucu.audit.actions import AuditAction
from baucu.audit.models import AuditEvent
from baucu.elections import services
from baucu.elections.errors import SetupError
from baucu.elections.models import CalendarOverride, Contest, Election, ElectionBody, Justification
from baucu.elections.services import MemberInput

pytestmark = pytest.mark.django_db

LATE = "Quá hạn vì sáp nhập địa giới; đã báo cáo Ủy ban bầu cử tỉnh."


@pytest.fixture
def election(system: Actor) -> Election:
    return services.do_create_election(
        name="Bầu cử thử", day=dt.date(2026, 3, 15), term_label="2026–2031", na_legislature=16, actor=system
    )


@pytest.fixture
def committee(db: None) -> Actor:
    commune = ensure_commune("06187", "20", name="Phường Kỳ Lừa")
    return make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", commune.code), "ubbc-ky-lua")


@pytest.fixture
def contest(election: Election, system: Actor, committee: Actor) -> Contest:
    commune = ensure_commune("06187", "20")
    return services.do_create_contest(election, kind=Contest.Kind.COMMUNE, commune=commune, actor=system)


def _area(election: Election, actor: Actor, number: int = 1, **kwargs: object) -> object:
    commune = ensure_commune("06187", "20")
    return services.do_create_voting_area(
        election,
        commune=commune,
        number=number,
        residence_groups=["Tổ dân phố 1"],
        voter_count=800,
        justification=LATE,
        actor=actor,
        **kwargs,  # type: ignore[arg-type]
    )


def test_election_day_must_be_a_sunday__art_5(system: Actor) -> None:
    with pytest.raises(SetupError) as caught:
        services.do_create_election(name="x", day=dt.date(2026, 3, 14), actor=system)
    assert "Art. 5" in caught.value.messages("en")[0]


def test_commune_council_constituency_with_6_seats_is_refused__art_10_4(
    contest: Contest, committee: Actor
) -> None:
    with pytest.raises(SetupError) as caught:
        services.do_create_constituency(contest, number=1, seats=6, justification=LATE, actor=committee)
    assert caught.value.by_field("en")["seats"] == [
        "A commune constituency elects at most 5 deputies (got 6). (Art. 10(4))"
    ] or all("Art. 10(4)" in m for m in caught.value.by_field("en")["seats"])
    for message in caught.value.messages("vi"):
        assert "Art. 10(4)" in message


def test_voting_may_start_earlier_than_7_but_not_before_5__art_71_1(
    election: Election, committee: Actor
) -> None:
    with pytest.raises(SetupError) as caught:
        _area(election, committee, voting_start=dt.time(4, 30))
    assert caught.value.by_field("en")["voting_start"] == [
        "Voting starts at 07:00; a Team may start earlier, but not before 05:00. (Art. 71(1))"
    ]
    with pytest.raises(SetupError):
        _area(election, committee, voting_start=dt.time(7, 30))
    area = _area(election, committee, voting_start=dt.time(5, 0))
    assert area.voting_start == dt.time(5, 0)  # type: ignore[attr-defined]


def test_a_team_of_10_civilians_is_refused__art_25_1(election: Election, committee: Actor) -> None:
    area = _area(election, committee)
    members = [MemberInput("Hoàng Văn An", "chair"), MemberInput("Nông Thị Bình", "secretary")]
    members += [MemberInput(f"Lương Văn {i}") for i in range(8)]
    with pytest.raises(SetupError) as caught:
        services.do_create_body(
            election,
            kind=ElectionBody.Kind.TEAM,
            level=ElectionBody.Level.COMMUNE,
            province=area.province,  # type: ignore[attr-defined]
            voting_area=area,
            members=members,
            established_on=dt.date(2026, 1, 20),
            actor=committee,  # type: ignore[arg-type]
        )
    messages = caught.value.messages("en")
    assert messages
    assert all("Art. 25(1)" in m for m in messages)
    with unscoped("test"):
        assert not ElectionBody.objects.exists()


def test_a_lawful_team_is_formed_with_its_members_and_audited(election: Election, committee: Actor) -> None:
    area = _area(election, committee)
    members = [MemberInput("Hoàng Văn An", "chair"), MemberInput("Nông Thị Bình", "secretary")]
    members += [MemberInput(f"Lương Văn {i}") for i in range(9)]
    body = services.do_create_body(
        election,
        kind=ElectionBody.Kind.TEAM,
        level=ElectionBody.Level.COMMUNE,
        province=area.province,  # type: ignore[attr-defined]
        voting_area=area,
        members=members,
        established_on=dt.date(2026, 1, 20),
        actor=committee,  # type: ignore[arg-type]
    )
    with unscoped("test"):
        assert body.members.count() == 11
        event = AuditEvent.objects.filter(action=AuditAction.BODY_CREATED).get()
    assert event.commune_code == "06187"
    assert event.election_key == str(election.pk)


def test_an_action_after_its_deadline_needs_a_justification__art_10_3(
    contest: Contest, committee: Actor
) -> None:
    # Today (the machine's date) is after 25/12/2025, the deadline of Art. 10(2)(3) for E = 15/03/2026.
    with pytest.raises(SetupError) as caught:
        services.do_create_constituency(contest, number=1, seats=5, actor=committee)
    assert caught.value.violations[0].field == "justification"
    assert "Art. 10(2), 10(3)" in caught.value.messages("en")[0]
    services.do_create_constituency(contest, number=1, seats=5, justification=LATE, actor=committee)
    note = Justification.objects.get()
    assert note.step_id == "constituencies_announced"
    assert note.deadline == dt.date(2025, 12, 25)


def test_another_communes_committee_may_not_act_here(contest: Contest, db: None) -> None:
    other = ensure_commune("05983", "20", name="Phường Lương Văn Tri")
    stranger = make_actor(Role.COMMUNE_COMMITTEE, Jurisdiction.commune("20", other.code), "ubbc-khac")
    with pytest.raises(PermissionDenied):
        services.do_create_constituency(contest, number=1, seats=5, justification=LATE, actor=stranger)


def test_only_the_nec_moves_a_step_and_must_say_why__art_98_3(
    election: Election, committee: Actor, system: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        services.do_override_calendar_step(
            election,
            step_id="election_teams_formed",
            new_date=dt.date(2026, 2, 5),
            reason="x",
            actor=committee,
        )
    with pytest.raises(SetupError):
        services.do_override_calendar_step(
            election, step_id="election_teams_formed", new_date=dt.date(2026, 2, 5), reason=" ", actor=system
        )
    services.do_override_calendar_step(
        election,
        step_id="election_teams_formed",
        new_date=dt.date(2026, 2, 5),
        reason="NEC decision",
        actor=system,
    )
    assert CalendarOverride.objects.get().new_date == dt.date(2026, 2, 5)
