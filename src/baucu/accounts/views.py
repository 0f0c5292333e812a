"""Sign-in (password, then TOTP for committee, board and council roles) and sign-out."""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters

from baucu.accounts import services, throttle, totp
from baucu.accounts.actor import Actor
from baucu.accounts.forms import LoginForm, TotpForm
from baucu.accounts.models import User
from baucu.accounts.queries import active_assignments, needs_second_factor
from baucu.accounts.session import (
    ENROL_SECRET_KEY,
    PENDING_AT_KEY,
    PENDING_USER_KEY,
    actor_for,
    client_ip,
    set_active_assignment,
)

PENDING_SECONDS = 300  # between the password and the code


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("backoffice:dashboard")


def _complete_login(request: HttpRequest, user: User) -> HttpResponse:
    target = _next_url(request)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")  # new session key
    first = active_assignments(user).first()
    set_active_assignment(request, first.pk if first else None)
    services.do_record_login_success(user, first, ip_address=client_ip(request))
    return HttpResponseRedirect(target)


def _pending_user(request: HttpRequest) -> User | None:
    user_id = request.session.get(PENDING_USER_KEY)
    started = request.session.get(PENDING_AT_KEY, 0)
    if not user_id or time.time() - started > PENDING_SECONDS:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        ip = client_ip(request)
        if throttle.is_locked(username, ip):
            services.do_record_login_failure(username, ip_address=ip, locked=True)
            error = _("Too many failed attempts. Sign-in is locked for 15 minutes.")
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if not isinstance(user, User):
                services.do_record_login_failure(username, ip_address=ip)
                error = _("Wrong username or password.")
            elif needs_second_factor(user):
                request.session.cycle_key()
                request.session[PENDING_USER_KEY] = user.pk
                request.session[PENDING_AT_KEY] = time.time()
                step = "accounts:totp" if user.has_totp else "accounts:totp_enrol"
                return HttpResponseRedirect(reverse(step) + "?" + urlencode({"next": _next_url(request)}))
            else:
                return _complete_login(request, user)
    return render(request, "accounts/login.html", {"form": form, "error": error, "next": _next_url(request)})


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def totp_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None or not user.has_totp:
        return HttpResponseRedirect(reverse("accounts:login"))
    form = TotpForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        ip = client_ip(request)
        if throttle.is_locked(user.get_username(), ip):
            services.do_record_login_failure(user.get_username(), ip_address=ip, locked=True, stage="totp")
            error = _("Too many failed attempts. Sign-in is locked for 15 minutes.")
        elif services.do_accept_totp_login(user, form.cleaned_data["code"], now=time.time()):
            return _complete_login(request, user)
        else:
            services.do_record_login_failure(user.get_username(), ip_address=ip, stage="totp")
            error = _("The code is not valid. Check your phone's clock and try the next code.")
    return render(request, "accounts/totp.html", {"form": form, "error": error, "next": _next_url(request)})


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
def totp_enrol_view(request: HttpRequest) -> HttpResponse:
    user = _pending_user(request)
    if user is None or user.has_totp:
        return HttpResponseRedirect(reverse("accounts:login"))
    secret = request.session.get(ENROL_SECRET_KEY) or totp.new_secret()
    request.session[ENROL_SECRET_KEY] = secret
    form = TotpForm(request.POST or None)
    error = ""
    if request.method == "POST" and form.is_valid():
        actor = Actor(user=user, assignment=None)
        if services.do_enable_totp(user, secret, form.cleaned_data["code"], now=time.time(), actor=actor):
            del request.session[ENROL_SECRET_KEY]
            return _complete_login(request, user)
        services.do_record_login_failure(user.get_username(), ip_address=client_ip(request), stage="totp")
        error = _("The code is not valid. Check your phone's clock and try the next code.")
    context = {
        "form": form,
        "error": error,
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "uri": totp.provisioning_uri(secret, user.get_username()),
        "next": _next_url(request),
    }
    return render(request, "accounts/totp_enrol.html", context)


@csrf_protect
def logout_view(request: HttpRequest) -> HttpResponse:
    # POST only: a link or an <img> on another site must not sign people out.
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.user.is_authenticated:
        services.do_record_logout(actor_for(request))
    logout(request)
    return HttpResponseRedirect(reverse("accounts:login"))
