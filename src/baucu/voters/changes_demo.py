"""Demo step: a few changes to the posted lists of the Lạng Sơn demo (after ``baucu.voters.demo``).

Dated 02/03/2026 (after posting on 03/02, before the cut-off on 14/03, so the law allows them): a
citizen back from abroad added (Art. 29(4)), a death removed (Art. 29(1)), a certificate to vote
elsewhere issued by one commune and accepted by another (Art. 34), and two complaints about the list
(Art. 33), one decided and one left undecided past its 5 days. Every change goes through the services.
Idempotent: nothing happens if the election already has list changes.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO
from zoneinfo import ZoneInfo

from django.db.models import Count

from baucu.accounts.actor import Actor
from baucu.accounts.scoping import unscoped
from baucu.elections.demo import DEMO_NAME
from baucu.elections.models import Election, VotingArea
from baucu.elections.reference import ELECTION_DAY_2026
from baucu.voters.models import ListChange, Voter
from baucu.voters.services.certificates import (
    do_accept_vote_elsewhere_voter,
    do_issue_vote_elsewhere_certificate,
)
from baucu.voters.services.changes import NewVoter, do_add_voter, do_remove_voter
from baucu.voters.services.complaints import do_decide_list_complaint, do_register_list_complaint

AT = dt.datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
_ACTOR = Actor.system("demo")


def load(*, stdout: TextIO) -> None:
    with unscoped("demo: find the demo election"):
        election = Election.objects.filter(name=DEMO_NAME, day=ELECTION_DAY_2026).first()
    if election is None:
        stdout.write("voter-list changes: no demo election, skipped\n")
        return
    run(election, stdout=stdout)


def run(election: Election, *, stdout: TextIO) -> None:
    with unscoped("demo: voter-list changes"):
        if ListChange.objects.filter(election=election).exists():
            return
        listed = Voter.objects.filter(
            election=election, status=Voter.Status.LISTED, basis=Voter.Basis.PERMANENT
        ).order_by("seq")
        busiest = listed.values("voting_area").annotate(n=Count("id")).order_by("-n", "voting_area").first()
        if busiest is None:
            stdout.write("voter-list changes: no voters listed, skipped\n")
            return
        area = VotingArea.objects.select_related("commune").get(pk=busiest["voting_area"])
        here = list(listed.filter(voting_area=area)[:3])
        elsewhere = (
            VotingArea.objects.filter(election=election, kind=VotingArea.Kind.RESIDENTIAL)
            .exclude(commune_id=area.commune_id)
            .order_by("commune_id", "number")
            .first()
        )
    if len(here) < 3 or elsewhere is None:
        stdout.write("voter-list changes: too few voters or communes, skipped\n")
        return
    do_add_voter(
        area,
        NewVoter("099990000001", "Hoàng Văn Kiều", dt.date(1985, 6, 12), 1985, "M", "Tày"),
        reason="returning_from_abroad",
        basis="permanent",
        reason_text="Hộ chiếu số C0000001 (tổng hợp)",
        actor=_ACTOR,
        at=AT,
    )
    do_remove_voter(here[0], reason="death", reason_text="Trích lục khai tử (tổng hợp)", actor=_ACTOR, at=AT)
    certificate = do_issue_vote_elsewhere_certificate(here[1], elsewhere.commune, actor=_ACTOR, at=AT)
    do_accept_vote_elsewhere_voter(certificate, elsewhere, actor=_ACTOR, at=AT + dt.timedelta(days=3))
    decided = do_register_list_complaint(
        election,
        area.commune,
        complainant_name=here[2].full_name,
        content="Ghi sai năm sinh (tổng hợp).",
        voter=here[2],
        actor=_ACTOR,
        at=AT,
    )
    do_decide_list_complaint(
        decided, outcome="upheld", decision="Đính chính năm sinh.", actor=_ACTOR, at=AT + dt.timedelta(days=2)
    )
    do_register_list_complaint(
        election,
        area.commune,
        complainant_name="Lương Thị Mai",
        content="Gia đình tôi chưa có tên trong danh sách (tổng hợp).",
        voting_area=area,
        actor=_ACTOR,
        at=AT,
    )
    stdout.write(f"voter-list changes: 2 changes, 1 certificate, 2 complaints in {area.commune.name}\n")
