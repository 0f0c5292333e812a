"""``{% nav_actor as nav %}``: who is signed in and in which role, for the header include."""

from __future__ import annotations

from typing import Any

from django import template

from baucu.accounts.roles import Role
from baucu.accounts.session import actor_for

register = template.Library()


@register.simple_tag(takes_context=True)
def nav_actor(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or user is None or not user.is_authenticated:
        return {"user": None, "role_label": ""}
    actor = actor_for(request)
    return {"user": actor.user, "role_label": Role(actor.role).label if actor.role else ""}
