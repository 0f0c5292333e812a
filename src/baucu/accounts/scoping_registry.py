"""What the cross-jurisdiction test needs to know about URL keyword arguments.

tests/accounts/test_cross_jurisdiction.py walks every URL pattern. For each keyword argument it
asks this registry how to make an object that lies in another commune ("commune B") and what value
the argument takes for it; then it proves that a user of commune A gets 404 there, for GET and POST.

An app whose URLs take a new kind of argument (``voting_area_id``, ``voter_list_id``...) registers a
maker in its own module ``<app>/scoped_kwargs.py`` (imported by ``autodiscover``):

    from baucu.accounts.scoping_registry import register_kwarg

    @register_kwarg("voting_area_id")
    def voting_area_in(commune: Commune) -> str:
        return str(VotingArea(...commune=commune...).save() or ...)

A URL that is public by design is declared in ``PUBLIC_PATTERNS`` with the reason. Anything else —
an unknown argument, an undeclared argument-less pattern — fails the test, so no new page escapes.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from importlib.util import find_spec
from typing import TYPE_CHECKING

from django.apps import apps

if TYPE_CHECKING:
    from baucu.units.models import Commune

KwargMaker = Callable[["Commune"], str]

KWARG_MAKERS: dict[str, KwargMaker] = {}

# Full route (as the resolver joins it) → why it needs no jurisdiction check.
PUBLIC_PATTERNS: dict[str, str] = {}


def register_kwarg(name: str) -> Callable[[KwargMaker], KwargMaker]:
    def decorate(maker: KwargMaker) -> KwargMaker:
        if name in KWARG_MAKERS and KWARG_MAKERS[name] is not maker:
            raise ValueError(f"URL kwarg {name!r} is registered twice")
        KWARG_MAKERS[name] = maker
        return maker

    return decorate


def declare_public(route: str, reason: str) -> None:
    if not reason.strip():
        raise ValueError(f"{route}: a public pattern needs a reason")
    PUBLIC_PATTERNS[route] = reason


def autodiscover() -> None:
    for config in apps.get_app_configs():
        module = f"{config.name}.scoped_kwargs"
        if find_spec(module) is not None:
            import_module(module)
