"""URL kwargs of the election-setup pages, for the generated cross-jurisdiction test (accounts)."""

from __future__ import annotations

import datetime as dt

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.accounts.scoping_registry import declare_public, register_kwarg
from baucu.elections import services
from baucu.elections.models import BodyMember, Contest, Election, ElectionBody
from baucu.units.models import Commune

_SYSTEM = Actor.system("cross-jurisdiction test")
_LATE = "test set-up after the deadline"


def _election() -> Election:
    found = Election.objects.filter(name="Cross-jurisdiction test").first()
    return found or services.do_create_election(
        name="Cross-jurisdiction test", day=dt.date(2026, 3, 15), actor=_SYSTEM
    )


@register_kwarg("election_id")
def election_id(commune: Commune) -> str:
    """Elections are national; the page's jurisdiction argument (province, commune) does the refusing."""
    return str(_election().pk)


def _contest(commune: Commune) -> Contest:
    election = _election()
    found = Contest.objects.filter(election=election, kind=Contest.Kind.COMMUNE, commune=commune).first()
    return found or services.do_create_contest(
        election, kind=Contest.Kind.COMMUNE, commune=commune, actor=_SYSTEM
    )


@register_kwarg("constituency_id")
def constituency_id(commune: Commune) -> str:
    contest = _contest(commune)
    made = services.do_create_constituency(contest, number=1, seats=5, justification=_LATE, actor=_SYSTEM)
    return str(made.pk)


@register_kwarg("voting_area_id")
def voting_area_id(commune: Commune) -> str:
    area = services.do_create_voting_area(
        _election(), commune=commune, number=1, residence_groups=["Tổ 1"], justification=_LATE, actor=_SYSTEM
    )
    return str(area.pk)


@register_kwarg("body_id")
def body_id(commune: Commune) -> str:
    members = [services.MemberInput("Chủ tịch", "chair"), services.MemberInput("Thư ký", "secretary")]
    members += [services.MemberInput(f"Ủy viên {i}") for i in range(7)]
    body = services.do_create_body(
        _election(),
        kind=ElectionBody.Kind.COMMITTEE,
        level=ElectionBody.Level.COMMUNE,
        province=commune.province,
        commune=commune,
        members=members,
        justification=_LATE,
        actor=_SYSTEM,
    )
    return str(body.pk)


@register_kwarg("member_id")
def member_id(commune: Commune) -> str:
    with unscoped("cross-jurisdiction test: a member of a body in commune B"):
        return str(BodyMember.objects.filter(body_id=int(body_id(commune))).values_list("pk", flat=True)[0])


declare_public(
    "bo/bau-cu/", "list of elections: national, no jurisdiction data; links to the actor's own pages"
)
declare_public(
    "bo/bau-cu/mau/<str:kind>/",
    "blank import templates (columns, example rows, instructions): the same for everyone, "
    "no jurisdiction data",
)
