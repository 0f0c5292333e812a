"""Additions to and removals from a posted voter list (Art. 29(4), 30(2)–(5)): the only writers.

Each ``do_…(…, *, actor, at)`` checks that the actor may manage the list of the commune concerned,
asks :mod:`baucu.law` whether the change is lawful (the reason and its article, the contests, the
24-hour cut-off of Art. 29–30), writes the voter row and a :class:`ListChange` with reason, actor and
time, and one audit event, in one transaction. Nothing is written when the law refuses.

The cut-off is voting start − 24 h. A Team may start before 07:00 (Art. 71(1)): the start is the
voting area's (``VotingArea.voting_start``, set in election setup); ``voting_start`` overrides it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.forms.models import model_to_dict
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.elections.models import Election, VotingArea
from baucu.law import list_changes as law_changes
from baucu.law import voters as law_voters
from baucu.law.outcome import Reason
from baucu.units.models import Commune
from baucu.voters.models import ListChange, Voter

VOTING_ELSEWHERE_NOTE = "Bỏ phiếu ở nơi khác"  # Art. 34: written next to the name on the origin list


class ListChangeError(Exception):
    """The law refuses the change; nothing was written. Each reason carries its article."""

    def __init__(self, reasons: Iterable[Reason]) -> None:
        self.reasons = list(reasons)
        super().__init__("; ".join(self._text(r, "en") for r in self.reasons))

    @staticmethod
    def _text(reason: Reason, language: str) -> str:
        text = reason.message(language)
        return text if reason.article in text else f"{text} ({reason.article})"

    def messages(self, language: str = "vi") -> list[str]:
        return [self._text(r, language) for r in self.reasons]

    def codes(self) -> list[str]:
        return [r.code for r in self.reasons]


def local_naive(at: dt.datetime) -> dt.datetime:
    """The wall-clock time in Việt Nam, as the law core compares it with voting start."""
    return timezone.localtime(at).replace(tzinfo=None) if timezone.is_aware(at) else at


def commune_jurisdiction(commune: Commune) -> Jurisdiction:
    return Jurisdiction.commune(commune.province_id, commune.code)


def require_manage(actor: Actor, commune: Commune, election: Election) -> None:
    """The commune People's Committee keeps the list (Art. 31(1)); anyone else is refused."""
    if not actor.can(
        Permission.MANAGE_VOTER_LIST, commune_jurisdiction(commune), election_key=str(election.pk)
    ):
        raise PermissionDenied


def check_cutoff(
    election: Election, at: dt.datetime, voting_start: dt.time | None, area: VotingArea | None = None
) -> None:
    """Refuse at or after voting start − 24 h (Art. 29–30, law.md [2.20]); the start is ``voting_start``,
    else the voting area's (Art. 71(1)), else 07:00."""
    start = voting_start or (area.voting_start if area is not None else law_voters.DEFAULT_VOTING_START)
    outcome = law_voters.list_change_allowed(local_naive(at), election.day, start)
    if not outcome.value:
        raise ListChangeError(outcome.errors)


def next_seq(area: VotingArea) -> int:
    """The next row number of the area's list: added voters go to the end (the card number)."""
    with unscoped("list changes: the last row number of the area"):
        last = Voter.objects.filter(voting_area=area).aggregate(m=Max("seq"))["m"]
    return (last or 0) + 1


def voter_snapshot(voter: Voter) -> dict[str, Any]:
    data = model_to_dict(voter, exclude=["voter_import"])
    return {k: (str(v) if isinstance(v, dt.date) else v) for k, v in data.items()}


def record_change(
    action: AuditAction,
    *,
    change: ListChange,
    actor: Actor,
    old: Any = None,
    new: Any = None,
) -> None:
    record_event(
        action,
        actor=actor,
        jurisdiction=Jurisdiction.commune(change.province_id, change.commune_id),
        election_key=str(change.election_id),
        object_type="ListChange",
        object_id=change.pk,
        old_value=old,
        new_value={**(new or {}), "reason": change.reason, "article": change.article},
    )


def _already_listed() -> ListChangeError:
    return ListChangeError(law_changes.check_single_listing(listed_elsewhere=True).errors)


@dataclass(frozen=True)
class NewVoter:
    """What the commune writes down for a person added to its list (Form 31 columns)."""

    personal_id: str
    full_name: str
    birth_date: dt.date | None
    birth_year: int
    gender: str
    ethnicity: str = ""
    residence_group: str = ""
    temporary_since: dt.date | None = None


def do_add_voter(
    area: VotingArea,
    person: NewVoter,
    *,
    reason: str,
    basis: str,
    reason_text: str = "",
    actor: Actor,
    at: dt.datetime | None = None,
    voting_start: dt.time | None = None,
) -> ListChange:
    """Add a person to the list of ``area`` for ``reason`` (Art. 29(4), 30(2)–(4))."""
    at = at or timezone.now()
    election = area.election
    commune = area.commune
    require_manage(actor, commune, election)
    rule = law_changes.change_rule(reason, law_changes.ChangeKind.ADDITION, basis)
    if rule.value is None:
        raise ListChangeError(rule.errors)
    age = law_changes.check_added_voter_age(person.birth_date or person.birth_year, election.day)
    if not age.value:
        raise ListChangeError(list(age.reasons))
    check_cutoff(election, at, voting_start, area)
    contests = law_voters.CONTESTS_BY_BASIS[law_voters.Basis(basis)]
    with transaction.atomic(), unscoped("list changes: the service writes after its checks"):
        if Voter.objects.filter(
            election=election, personal_id=person.personal_id, status=Voter.Status.LISTED
        ).exists():
            raise _already_listed()
        voter = Voter(
            election=election,
            province_id=commune.province_id,
            commune=commune,
            voting_area=area,
            seq=next_seq(area),
            personal_id=person.personal_id,
            full_name=person.full_name.strip(),
            birth_date=person.birth_date,
            birth_year=person.birth_year,
            gender=person.gender,
            ethnicity=person.ethnicity,
            residence_group=person.residence_group,
            basis=basis,
            votes_na=contests.na,
            votes_provincial=contests.provincial,
            votes_commune=contests.commune,
            temporary_since=person.temporary_since,
        )
        try:
            with transaction.atomic():
                voter.save(force_insert=True)
        except IntegrityError:
            raise _already_listed() from None
        change = ListChange.objects.create(
            election=election,
            province_id=commune.province_id,
            commune=commune,
            voter=voter,
            kind=ListChange.Kind.ADDITION,
            reason=reason,
            reason_text=reason_text.strip(),
            article=rule.value.article,
            actor_username=actor.username,
            at=at,
        )
        record_change(AuditAction.VOTER_ADDED, change=change, actor=actor, new=voter_snapshot(voter))
    return change


def do_remove_voter(
    voter: Voter,
    *,
    reason: str,
    reason_text: str = "",
    actor: Actor,
    at: dt.datetime | None = None,
    voting_start: dt.time | None = None,
) -> ListChange:
    """Remove a listed voter for ``reason`` (Art. 29(1), 30(3)–(5)); the row stays, status ``removed``.

    A disqualification (Art. 30(5)) also records that the voter card is withdrawn.
    """
    at = at or timezone.now()
    election = voter.election
    require_manage(actor, voter.commune, election)
    rule = law_changes.change_rule(reason, law_changes.ChangeKind.REMOVAL)
    if rule.value is None:
        raise ListChangeError(rule.errors)
    check_cutoff(election, at, voting_start, voter.voting_area)
    with transaction.atomic(), unscoped("list changes: the service writes after its checks"):
        current = Voter.objects.select_for_update().get(pk=voter.pk)
        listed = law_changes.check_still_listed(rule.value, listed=current.status == Voter.Status.LISTED)
        if not listed.value:
            raise ListChangeError(listed.errors)
        old = voter_snapshot(current)
        current.status = Voter.Status.REMOVED
        current.note = rule.value.vi[:300]
        current.save(update_fields=["status", "note"])
        change = ListChange.objects.create(
            election=election,
            province_id=current.province_id,
            commune_id=current.commune_id,
            voter=current,
            kind=ListChange.Kind.REMOVAL,
            reason=reason,
            reason_text=reason_text.strip(),
            article=rule.value.article,
            card_withdrawn=rule.value.withdraws_card,
            actor_username=actor.username,
            at=at,
        )
        record_change(
            AuditAction.VOTER_REMOVED,
            change=change,
            actor=actor,
            old={"status": old["status"], "note": old["note"]},
            new={"status": current.status, "note": current.note, "card_withdrawn": change.card_withdrawn},
        )
    voter.refresh_from_db()
    return change
