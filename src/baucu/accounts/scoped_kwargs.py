"""URL kwargs of the accounts and back-office pages, and the patterns that are public by design.

Routes of other apps that are public by design are declared here too until those apps grow their
own ``scoped_kwargs.py``; each carries its reason.
"""

from __future__ import annotations

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.roles import Role
from baucu.accounts.scoping_registry import declare_public, register_kwarg
from baucu.units.models import Commune


@register_kwarg("commune_code")
def commune_code(commune: Commune) -> str:
    return commune.code


@register_kwarg("province_code")
def province_code(commune: Commune) -> str:
    return commune.province_id


@register_kwarg("assignment_id")
def assignment_id(commune: Commune) -> str:
    """Another person's role in commune B: switching to it must be as impossible as a missing one."""
    where = Jurisdiction.commune(commune.province_id, commune.code)
    user = User.objects.create(username=f"other-{commune.code}")
    assignment = RoleAssignment.objects.create(
        user=user,
        role=Role.COMMUNE_COMMITTEE,
        level=where.level,
        province_id=commune.province_id,
        commune_id=commune.code,
    )
    return str(assignment.pk)


declare_public("login/", "sign-in form: anyone may see it")
declare_public("login/totp/", "second factor: only the pending user of this session, no jurisdiction")
declare_public("login/totp/enrol/", "second-factor enrolment: only the pending user of this session")
declare_public("logout/", "signs the current session out, POST only")
declare_public("i18n/setlang/", "language switch (Django)")
declare_public("bo/", "dashboard: lists only the actor's own jurisdictions (scoped queries)")
declare_public("bo/nhat-ky/", "audit log: AuditEvent.objects.for_actor, only the actor's jurisdiction")
declare_public("", "public home page: national totals of administrative units")
declare_public("tinh/", "public list of provinces (reference data)")
declare_public("tinh/<str:code>/", "public page of a province's communes (reference data, no personal data)")
