"""Scoping by construction: jurisdiction data is read through ``for_actor`` or not at all.

A seatbelt in the spirit of django-scopes. A model holding jurisdiction data declares

    objects = ScopedManager(province="province_id", commune="commune_id")

and then ``Model.objects.for_actor(actor)`` is the only ordinary way in: it filters to what the
actor's active role may read. ``Model.objects.all()`` / ``filter()`` / ``get()`` raise
``ScopeError`` unless the caller opened ``with unscoped("reason"):`` — for command-line tools and
tests that must see everything. Writers save instances (``Model(...).save()`` uses the base
manager) or open ``unscoped`` for bulk work. Related-object access (``voter.commune``) uses the plain base
manager and is unaffected: it starts from a row that was already scoped.

Fields (lookups) name where each level's code is found on the model; a level the model does not
declare sees nothing at that level (e.g. a constituency-scoped board sees no audit events of a
commune unless the model says how they relate).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Generic, TypeVar

from django.db import models
from django.db.models import Q

from baucu.accounts.jurisdiction import Jurisdiction, Level
from baucu.accounts.permissions import ROLE_PERMISSIONS, Permission

if TYPE_CHECKING:
    from baucu.accounts.actor import Actor

M = TypeVar("M", bound=models.Model)

_unscoped_reasons: ContextVar[tuple[str, ...]] = ContextVar("baucu_unscoped", default=())


class ScopeError(RuntimeError):
    """A scoped model was queried without an actor and outside ``unscoped()``."""


@contextmanager
def unscoped(reason: str) -> Iterator[None]:
    """Allow unscoped queries of scoped models inside the block; ``reason`` says why (for reading)."""
    if not reason:
        raise ValueError("unscoped() needs a reason")
    token = _unscoped_reasons.set((*_unscoped_reasons.get(), reason))
    try:
        yield
    finally:
        _unscoped_reasons.reset(token)


def is_unscoped() -> bool:
    return bool(_unscoped_reasons.get())


# Where a level's code lives on a model: a lookup (``"commune_id"``), or a function building the filter
# when one column is not enough (e.g. a key that means different things by kind).
ScopeField = str | Callable[[Jurisdiction], Q]


def jurisdiction_q(jurisdiction: Jurisdiction, fields: Mapping[Level, ScopeField]) -> Q | None:
    """The filter for rows within ``jurisdiction``, or None when the model has nothing at that level."""
    if jurisdiction.level == Level.NATION:
        return Q()
    field = fields.get(jurisdiction.level)
    if field is None:
        return None
    if callable(field):
        return field(jurisdiction)
    if jurisdiction.level == Level.PROVINCE:
        return Q(**{field: jurisdiction.province_code})
    if jurisdiction.level == Level.COMMUNE:
        return Q(**{field: jurisdiction.commune_code})
    return Q(**{field: jurisdiction.key})


class ScopedQuerySet(models.QuerySet[M], Generic[M]):
    def within(
        self, jurisdiction: Jurisdiction | None, fields: Mapping[Level, ScopeField]
    ) -> ScopedQuerySet[M]:
        q = jurisdiction_q(jurisdiction, fields) if jurisdiction is not None else None
        return self.filter(q) if q is not None else self.none()


class ScopedManager(models.Manager[M], Generic[M]):
    """Default manager of a model holding jurisdiction data (see module docstring)."""

    def __init__(self, **fields: ScopeField) -> None:
        super().__init__()
        unknown = set(fields) - set(Level.values)
        if unknown:
            raise ValueError(f"ScopedManager: unknown levels {sorted(unknown)}")
        self.scope_fields: dict[Level, ScopeField] = {Level(k): v for k, v in fields.items()}

    def _unchecked(self) -> ScopedQuerySet[M]:
        return ScopedQuerySet(self.model, using=self._db)

    def get_queryset(self) -> ScopedQuerySet[M]:
        if not is_unscoped():
            raise ScopeError(
                f"{self.model.__name__} holds jurisdiction data: use "
                f"{self.model.__name__}.objects.for_actor(actor), or `with unscoped(reason):`"
            )
        return self._unchecked()

    def for_actor(self, actor: Actor, permission: Permission = Permission.READ) -> ScopedQuerySet[M]:
        """Rows the actor may ``permission`` (default: read); none if it has no such permission."""
        if actor.is_system:
            return self._unchecked()
        role = actor.role
        if role is None or permission not in ROLE_PERMISSIONS[role]:
            return self._unchecked().none()
        return self._unchecked().within(actor.jurisdiction, self.scope_fields)
