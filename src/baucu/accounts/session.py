"""The actor of a request: the signed-in user and the role assignment chosen for this session."""

from __future__ import annotations

from django.http import HttpRequest

from baucu.accounts.actor import Actor
from baucu.accounts.models import User
from baucu.accounts.queries import active_assignments

ACTIVE_ASSIGNMENT_KEY = "baucu_assignment_id"
PENDING_USER_KEY = "baucu_pending_user_id"
PENDING_AT_KEY = "baucu_pending_at"
ENROL_SECRET_KEY = "baucu_enrol_secret"
_CACHE_ATTR = "_baucu_actor"


def actor_for(request: HttpRequest) -> Actor:
    """The request's actor; an anonymous or role-less user gets an actor that can do nothing."""
    cached: Actor | None = getattr(request, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    user = request.user
    if not user.is_authenticated or not isinstance(user, User):
        actor = Actor(user=None, assignment=None)
    else:
        assignments = active_assignments(user)
        chosen = request.session.get(ACTIVE_ASSIGNMENT_KEY)
        # A revoked assignment drops out here at the next request, even mid-session.
        assignment = (assignments.filter(id=chosen).first() if chosen else None) or assignments.first()
        actor = Actor(user=user, assignment=assignment)
    setattr(request, _CACHE_ATTR, actor)
    return actor


def set_active_assignment(request: HttpRequest, assignment_id: int | None) -> None:
    request.session[ACTIVE_ASSIGNMENT_KEY] = assignment_id
    if hasattr(request, _CACHE_ATTR):
        delattr(request, _CACHE_ATTR)


def client_ip(request: HttpRequest) -> str | None:
    # REMOTE_ADDR only: a proxy's X-Forwarded-For is set by settings.SECURE_PROXY_SSL_HEADER's proxy,
    # which must rewrite REMOTE_ADDR itself (gunicorn --forwarded-allow-ips); never trust the header here.
    return request.META.get("REMOTE_ADDR") or None
