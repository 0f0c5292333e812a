"""Scoped reads of accounts and of the administrative units an actor works in.

``access_*`` helpers follow Zulip's ``access_*_by_id``: an object outside the actor's jurisdiction
raises Http404, exactly like one that does not exist, so a page never confirms that a code exists
elsewhere. Inside the jurisdiction, a missing permission is a 403: the object is known to them.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction, Level
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.permissions import Permission
from baucu.accounts.roles import TOTP_REQUIRED_ROLES
from baucu.accounts.scoping import jurisdiction_q
from baucu.units.models import Commune, Province

# Units are public reference data (the public site lists them), so their managers stay plain; the
# back office still reads them through these scoped functions.
COMMUNE_SCOPE: dict[Level, str] = {Level.PROVINCE: "province_id", Level.COMMUNE: "code"}
PROVINCE_SCOPE: dict[Level, str] = {Level.PROVINCE: "code"}


def commune_jurisdiction(commune: Commune) -> Jurisdiction:
    return Jurisdiction.commune(commune.province_id, commune.code)


def communes_for_actor(actor: Actor, permission: Permission = Permission.READ) -> QuerySet[Commune]:
    own = actor.jurisdiction
    if own is None or not actor.can(permission, own):
        return Commune.objects.none()
    q = jurisdiction_q(own, COMMUNE_SCOPE)
    return Commune.objects.filter(q) if q is not None else Commune.objects.none()


def provinces_for_actor(actor: Actor, permission: Permission = Permission.READ) -> QuerySet[Province]:
    own = actor.jurisdiction
    if own is None or not actor.can(permission, own):
        return Province.objects.none()
    q = jurisdiction_q(own, PROVINCE_SCOPE)
    return Province.objects.filter(q) if q is not None else Province.objects.none()


def access_commune_by_code(actor: Actor, code: str, *, permission: Permission = Permission.READ) -> Commune:
    commune = communes_for_actor(actor).select_related("province").filter(code=code).first()
    if commune is None:
        raise Http404("commune")
    if not actor.can(permission, commune_jurisdiction(commune)):
        raise PermissionDenied
    return commune


def access_province_by_code(actor: Actor, code: str, *, permission: Permission = Permission.READ) -> Province:
    province = provinces_for_actor(actor).filter(code=code).first()
    if province is None:
        raise Http404("province")
    if not actor.can(permission, Jurisdiction.province(province.code)):
        raise PermissionDenied
    return province


def active_assignments(user: User) -> QuerySet[RoleAssignment]:
    return (
        RoleAssignment.objects.filter(user=user, revoked_at__isnull=True)
        .select_related("province", "commune")
        .order_by("id")
    )


def access_own_assignment_by_id(user: User, assignment_id: int) -> RoleAssignment:
    """One of the user's own active assignments (to switch role); anyone else's is a 404."""
    assignment = active_assignments(user).filter(id=assignment_id).first()
    if assignment is None:
        raise Http404("assignment")
    return assignment


def needs_second_factor(user: User) -> bool:
    """Committee, board and council roles sign in with TOTP; demo accounts are exempt outside production."""
    roles = set(
        RoleAssignment.objects.filter(user=user, revoked_at__isnull=True).values_list("role", flat=True)
    )
    if not roles & {str(r) for r in TOTP_REQUIRED_ROLES}:
        return False
    return not (user.totp_demo_exempt and not getattr(settings, "PRODUCTION", False))
