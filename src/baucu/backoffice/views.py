"""Back-office pages (khu vực nghiệp vụ). Every page with a code in its URL reads it through an
``access_*`` helper first, before looking at the method: another jurisdiction is a 404 for GET and POST.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from baucu.accounts import services
from baucu.accounts.jurisdiction import Level
from baucu.accounts.permissions import Permission
from baucu.accounts.queries import (
    access_commune_by_code,
    access_own_assignment_by_id,
    access_province_by_code,
    active_assignments,
    commune_jurisdiction,
    communes_for_actor,
    provinces_for_actor,
)
from baucu.accounts.session import actor_for, set_active_assignment
from baucu.audit.queries import events_for_actor

# A nation-level dashboard lists provinces, not 3,321 communes.
MAX_COMMUNES_LISTED = 200


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request)
    assert actor.user is not None  # login_required
    jurisdiction = actor.jurisdiction
    provinces = provinces_for_actor(actor)
    communes = communes_for_actor(actor).select_related("province")
    if jurisdiction is not None and jurisdiction.level == Level.NATION:
        communes = communes.none()
    context = {
        "actor": actor,
        "assignments": active_assignments(actor.user),
        "active_id": actor.assignment.pk if actor.assignment else None,
        "jurisdiction": jurisdiction,
        "provinces": provinces,
        "communes": communes[:MAX_COMMUNES_LISTED],
        "can_read_audit": jurisdiction is not None and actor.can(Permission.READ_AUDIT, jurisdiction),
    }
    return render(request, "backoffice/dashboard.html", context)


@login_required
def province_page(request: HttpRequest, province_code: str) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    communes = communes_for_actor(actor).filter(province=province).order_by("name")
    return render(request, "backoffice/province.html", {"province": province, "communes": communes})


@login_required
def commune_page(request: HttpRequest, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    where = commune_jurisdiction(commune)
    can_read_audit = actor.can(Permission.READ_AUDIT, where)
    events = events_for_actor(actor, commune_code=commune.code, limit=20) if can_read_audit else []
    context = {"commune": commune, "events": events, "can_read_audit": can_read_audit}
    return render(request, "backoffice/commune.html", context)


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request)
    jurisdiction = actor.jurisdiction
    if jurisdiction is None or not actor.can(Permission.READ_AUDIT, jurisdiction):
        raise PermissionDenied
    return render(request, "backoffice/audit.html", {"events": events_for_actor(actor), "commune": None})


@login_required
def commune_audit_log(request: HttpRequest, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code, permission=Permission.READ_AUDIT)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET"])
    events = events_for_actor(actor, commune_code=commune.code)
    return render(request, "backoffice/audit.html", {"events": events, "commune": commune})


@login_required
def switch_role(request: HttpRequest, assignment_id: int) -> HttpResponse:
    actor = actor_for(request)
    assert actor.user is not None
    assignment = access_own_assignment_by_id(actor.user, assignment_id)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.do_switch_role(actor, assignment)
    set_active_assignment(request, assignment.pk)
    return HttpResponseRedirect(reverse("backoffice:dashboard"))
