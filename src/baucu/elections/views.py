"""Back-office pages of election setup (/bo/bau-cu/...): thin, they call queries and services.

Every page with a code or id in its URL reads it through an ``access_*`` helper before looking at the
method, so another jurisdiction's object is a 404 for GET and POST alike.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.queries import access_commune_by_code, access_province_by_code
from baucu.accounts.scoping import unscoped
from baucu.accounts.session import actor_for
from baucu.elections import progress, queries, services
from baucu.elections.calendar_view import calendar_rows
from baucu.elections.errors import SetupError
from baucu.elections.forms import (
    COMMUNE_BODY_KINDS,
    PROVINCE_BODY_KINDS,
    BodyForm,
    ConstituencyForm,
    MemberForm,
    VotingAreaForm,
)
from baucu.elections.imports import template_csv
from baucu.elections.models import Contest, Election, ElectionBody, VotingArea
from baucu.units.models import Commune, Province


def _language() -> str:
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


def _as_of(request: HttpRequest) -> dt.date:
    """The day the calendar is shown for: today, or ``?as_of=YYYY-MM-DD`` to look back or ahead."""
    try:
        return dt.date.fromisoformat(request.GET.get("as_of", ""))
    except ValueError:
        return timezone.localdate()


def _require_change(actor: Actor, where: Jurisdiction, election: Election) -> None:
    if not queries.may_change(actor, where, election):
        raise PermissionDenied


@login_required
def election_list(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request)
    jurisdiction = actor.jurisdiction
    return render(
        request,
        "elections/election_list.html",
        {
            "elections": queries.elections_for_actor(actor),
            "jurisdiction": jurisdiction,
            "can_move_steps": actor.can(Permission.CHANGE, Jurisdiction.nation()),
        },
    )


@login_required
def province_dashboard(request: HttpRequest, election_id: int, province_code: str) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    election = queries.access_election_by_id(actor, election_id)
    today = _as_of(request)
    context = {
        "election": election,
        "province": province,
        "today": today,
        "calendar": calendar_rows(election, today, progress.province_done(actor, election, province)),
        "language": _language(),
        "constituencies": queries.province_constituencies(actor, election, province),
        "bodies": queries.bodies_of(actor, election, province),
        "communes": queries.communes_of_province(province),
        "can_change": queries.may_change(actor, Jurisdiction.province(province.code), election),
    }
    return render(request, "elections/province_dashboard.html", context)


@login_required
def commune_dashboard(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    election = queries.access_election_by_id(actor, election_id)
    today = _as_of(request)
    areas = queries.voting_areas_of(actor, election, commune)
    bodies = queries.bodies_of(actor, election, commune.province, commune)
    contest = queries.commune_contest(election, commune)
    context = {
        "election": election,
        "commune": commune,
        "contest": contest,
        "today": today,
        "calendar": calendar_rows(election, today, progress.commune_done(actor, election, commune)),
        "language": _language(),
        "constituencies": queries.commune_constituencies(actor, election, commune),
        "areas": areas,
        "bodies": bodies,
        "can_change": queries.may_change(
            actor, Jurisdiction.commune(commune.province_id, commune.code), election
        ),
    }
    return render(request, "elections/commune_dashboard.html", context)


# ---------------------------------------------------------------- constituencies


def _area_choices(actor: Actor, election: Election, commune: Commune) -> list[tuple[str, str]]:
    return [
        (str(a.pk), f"{_('Area')} {a.number} · {a.residence_groups.replace(chr(10), ', ') or a.facility}")
        for a in queries.voting_areas_of(actor, election, commune)
    ]


def _province_contests(election: Election, province: Province) -> list[tuple[str, str]]:
    choices = [(Contest.Kind.NA.value, str(Contest.Kind.NA.label))]
    if Contest.objects.filter(election=election, kind=Contest.Kind.PROVINCIAL, province=province).exists():
        choices.append((Contest.Kind.PROVINCIAL.value, str(Contest.Kind.PROVINCIAL.label)))
    return choices


@login_required
def constituency_create_in_commune(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    election = queries.access_election_by_id(actor, election_id)
    _require_change(actor, Jurisdiction.commune(commune.province_id, commune.code), election)
    contest = queries.commune_contest(election, commune)
    if contest is None:
        messages.error(request, _("This commune has no council election in this election."))
        return HttpResponseRedirect(reverse("elections:commune", args=[election.pk, commune.code]))
    form = ConstituencyForm(
        request.POST or None,
        contests=[(Contest.Kind.COMMUNE.value, str(contest))],
        areas=_area_choices(actor, election, commune),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with unscoped("areas chosen from the commune's own list"):
            areas = list(
                VotingArea.objects.filter(
                    election=election, commune=commune, pk__in=data.get("voting_areas") or []
                )
            )
        try:
            created = services.do_create_constituency(
                contest,
                number=data["number"],
                seats=data["seats"],
                voting_areas=areas,
                name=data["name"],
                justification=data["justification"],
                actor=actor,
            )
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("Constituency %(number)s created.") % {"number": created.number})
            return HttpResponseRedirect(reverse("elections:commune", args=[election.pk, commune.code]))
    context = {
        "form": form,
        "election": election,
        "place": commune,
        "title": _("New commune-council constituency"),
    }
    return render(request, "elections/form.html", context)


@login_required
def constituency_create_in_province(
    request: HttpRequest, election_id: int, province_code: str
) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    election = queries.access_election_by_id(actor, election_id)
    _require_change(actor, Jurisdiction.province(province.code), election)
    communes = [(c.code, c.name) for c in queries.communes_of_province(province)]
    form = ConstituencyForm(
        request.POST or None, contests=_province_contests(election, province), communes=communes
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind = data["contest"]
        if kind == Contest.Kind.NA:  # the national contest, brought into being by a province if need be
            contest = services.ensure_contest(election, kind=kind, province=province, actor=actor)
        else:
            contest = Contest.objects.get(election=election, kind=kind, province=province)
        chosen = list(Commune.objects.filter(province=province, code__in=data.get("communes") or []))
        try:
            created = services.do_create_constituency(
                contest,
                number=data["number"],
                seats=data["seats"],
                province=province,
                communes=chosen,
                name=data["name"],
                justification=data["justification"],
                actor=actor,
            )
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("Constituency %(number)s created.") % {"number": created.number})
            return HttpResponseRedirect(reverse("elections:province", args=[election.pk, province.code]))
    context = {"form": form, "election": election, "place": province, "title": _("New constituency")}
    return render(request, "elections/form.html", context)


@login_required
def constituency_edit(request: HttpRequest, constituency_id: int) -> HttpResponse:
    actor = actor_for(request)
    constituency = queries.access_constituency_by_id(actor, constituency_id)
    election = constituency.contest.election
    with unscoped("members of a constituency the actor may read"):
        current_areas = [str(pk) for pk in constituency.voting_areas.values_list("pk", flat=True)]
        current_communes = list(constituency.communes.values_list("code", flat=True))
    if constituency.commune is not None:
        communes: list[tuple[str, str]] = []
        areas = _area_choices(actor, election, constituency.commune)
    else:
        communes = [(c.code, c.name) for c in queries.communes_of_province(constituency.province)]
        areas = []
    initial: dict[str, Any] = {
        "contest": constituency.contest.kind,
        "number": constituency.number,
        "seats": constituency.seats,
        "name": constituency.name,
        "communes": current_communes,
        "voting_areas": current_areas,
    }
    form = ConstituencyForm(
        request.POST or None,
        initial=initial,
        contests=[(constituency.contest.kind, str(constituency.contest))],
        communes=communes,
        areas=areas,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with unscoped("choices limited to the constituency's own commune or province"):
            if constituency.commune is not None:
                chosen_areas = list(
                    VotingArea.objects.filter(
                        election=election, commune=constituency.commune, pk__in=data.get("voting_areas") or []
                    )
                )
                chosen_communes = None
            else:
                chosen_areas = None
                chosen_communes = list(
                    Commune.objects.filter(
                        province=constituency.province, code__in=data.get("communes") or []
                    )
                )
        try:
            services.do_update_constituency(
                constituency,
                number=data["number"],
                seats=data["seats"],
                name=data["name"],
                communes=chosen_communes,
                voting_areas=chosen_areas,
                justification=data["justification"],
                actor=actor,
            )
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("Constituency %(number)s saved.") % {"number": constituency.number})
            return HttpResponseRedirect(_back(election, constituency.province, constituency.commune))
    context = {
        "form": form,
        "election": election,
        "place": constituency.commune or constituency.province,
        "title": str(constituency),
    }
    return render(request, "elections/form.html", context)


def _back(election: Election, province: Province, commune: Commune | None) -> str:
    if commune is not None:
        return reverse("elections:commune", args=[election.pk, commune.code])
    return reverse("elections:province", args=[election.pk, province.code])


# ---------------------------------------------------------------- voting areas


@login_required
def voting_area_create(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    election = queries.access_election_by_id(actor, election_id)
    _require_change(actor, Jurisdiction.commune(commune.province_id, commune.code), election)
    form = VotingAreaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            area = services.do_create_voting_area(
                election,
                commune=commune,
                number=data["number"],
                kind=data["kind"],
                residence_groups=data["residence_groups"].splitlines(),
                facility=data["facility"],
                polling_place=data["polling_place"],
                voter_count=data["voter_count"],
                is_mountainous=data["is_mountainous"],
                voting_start=data["voting_start"],
                justification=data["justification"],
                actor=actor,
            )
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("Voting area %(number)s created.") % {"number": area.number})
            return HttpResponseRedirect(reverse("elections:commune", args=[election.pk, commune.code]))
    context = {"form": form, "election": election, "place": commune, "title": _("New voting area")}
    return render(request, "elections/form.html", context)


@login_required
def voting_area_edit(request: HttpRequest, voting_area_id: int) -> HttpResponse:
    actor = actor_for(request)
    area = queries.access_voting_area_by_id(actor, voting_area_id)
    initial = {
        "number": area.number,
        "kind": area.kind,
        "residence_groups": area.residence_groups,
        "facility": area.facility,
        "polling_place": area.polling_place,
        "voter_count": area.voter_count,
        "is_mountainous": area.is_mountainous,
        "voting_start": area.voting_start,
    }
    form = VotingAreaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        justification = data.pop("justification")
        try:
            services.do_update_voting_area(area, justification=justification, actor=actor, **data)
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("Voting area %(number)s saved.") % {"number": area.number})
            return HttpResponseRedirect(
                reverse("elections:commune", args=[area.election_id, area.commune_id])
            )
    context = {"form": form, "election": area.election, "place": area.commune, "title": str(area)}
    return render(request, "elections/form.html", context)


# ---------------------------------------------------------------- bodies


def _body_form_response(
    request: HttpRequest,
    actor: Actor,
    election: Election,
    province: Province,
    commune: Commune | None,
) -> HttpResponse:
    if commune is not None:
        kinds = COMMUNE_BODY_KINDS
        constituencies = list(queries.commune_constituencies(actor, election, commune))
        areas = _area_choices(actor, election, commune)
    else:
        kinds = PROVINCE_BODY_KINDS
        constituencies = list(queries.province_constituencies(actor, election, province))
        areas = []
    constituency_choices = [(str(c.pk), f"{c.contest.get_kind_display()} · {c}") for c in constituencies]
    form = BodyForm(
        request.POST or None,
        kinds=[(k, str(label)) for k, label in kinds],
        constituencies=constituency_choices,
        areas=areas,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        kind, level = data["kind"].split(":")
        constituency = next((c for c in constituencies if str(c.pk) == data.get("constituency")), None)
        area = None
        if data.get("voting_area"):
            with unscoped("area chosen from the commune's own list"):
                area = VotingArea.objects.filter(
                    election=election, commune=commune, pk=data["voting_area"]
                ).first()
        if kind == ElectionBody.Kind.BOARD:
            level = {"na": ElectionBody.Level.NA, "provincial": ElectionBody.Level.PROVINCIAL}.get(
                level, "commune"
            )
        try:
            body = services.do_create_body(
                election,
                kind=kind,
                level=level,
                province=province,
                commune=commune,
                constituency=constituency if kind == ElectionBody.Kind.BOARD else None,
                voting_area=area if kind == ElectionBody.Kind.TEAM else None,
                name=data["name"],
                established_on=form.established(),
                members=form.member_inputs(),
                justification=data["justification"],
                actor=actor,
            )
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("%(name)s formed.") % {"name": body.name})
            return HttpResponseRedirect(reverse("elections:body", args=[body.pk]))
    context = {
        "form": form,
        "election": election,
        "place": commune or province,
        "title": _("Form an election body"),
    }
    return render(request, "elections/form.html", context)


@login_required
def body_create_in_commune(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    election = queries.access_election_by_id(actor, election_id)
    _require_change(actor, Jurisdiction.commune(commune.province_id, commune.code), election)
    return _body_form_response(request, actor, election, commune.province, commune)


@login_required
def body_create_in_province(request: HttpRequest, election_id: int, province_code: str) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    election = queries.access_election_by_id(actor, election_id)
    _require_change(actor, Jurisdiction.province(province.code), election)
    return _body_form_response(request, actor, election, province, None)


@login_required
def body_detail(request: HttpRequest, body_id: int) -> HttpResponse:
    actor = actor_for(request)
    body = queries.access_body_by_id(actor, body_id)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.do_add_body_member(
                body,
                full_name=data["full_name"],
                role=data["role"],
                organisation=data["organisation"],
                is_military=data["is_military"],
                actor=actor,
            )
        except SetupError as exc:
            form.add_setup_error(exc, _language())
        else:
            messages.success(request, _("Member added."))
            return HttpResponseRedirect(reverse("elections:body", args=[body.pk]))
    context = {
        "body": body,
        "members": queries.members_of(actor, body),
        "form": form,
        "can_change": queries.may_change(
            actor,
            Jurisdiction.commune(body.province_id, body.commune_id)
            if body.commune_id
            else Jurisdiction.province(body.province_id),
            body.election,
        ),
        "back": _back(body.election, body.province, body.commune),
    }
    return render(request, "elections/body.html", context)


# ---------------------------------------------------------------- import


@login_required
def voting_area_template(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    queries.access_election_by_id(actor, election_id)
    response = HttpResponse(template_csv(commune.code), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="khu-vuc-bo-phieu-{commune.code}.csv"'
    return response
