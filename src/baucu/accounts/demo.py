"""Demo step: one synthetic account per role in Lạng Sơn (province 20) and Phường Kỳ Lừa (06187).

TOTP is switched off for these accounts only (``totp_demo_exempt``), which the services refuse when
BAUCU_ENV=production; so this step refuses to run there at all. Idempotent: existing accounts and
assignments are left as they are.
"""

from __future__ import annotations

from typing import TextIO

from django.conf import settings
from django.db import transaction

from baucu.accounts import services
from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.roles import Role

PROVINCE = "20"  # Tỉnh Lạng Sơn
COMMUNE = "06187"  # Phường Kỳ Lừa
PASSWORD = "thu-nghiem-2026"
# Until election setup exists, the demo board and team name placeholder constituency / voting-area keys.
DEMO_CONSTITUENCY = "demo-20-1"
DEMO_VOTING_AREA = "demo-06187-1"

ACCOUNTS: list[tuple[Role, str, str, Jurisdiction]] = [
    (Role.SYSTEM_ADMIN, "demo-quantri", "Quản trị hệ thống (demo)", Jurisdiction.nation()),
    (Role.NATIONAL_ELECTION_COUNCIL, "demo-hdbcqg", "Hội đồng bầu cử quốc gia (demo)", Jurisdiction.nation()),
    (
        Role.PROVINCIAL_COMMITTEE,
        "demo-ubbc-tinh",
        "Ủy ban bầu cử tỉnh Lạng Sơn (demo)",
        Jurisdiction.province(PROVINCE),
    ),
    (
        Role.COMMUNE_COMMITTEE,
        "demo-ubbc-xa",
        "Ủy ban bầu cử phường Kỳ Lừa (demo)",
        Jurisdiction.commune(PROVINCE, COMMUNE),
    ),
    (
        Role.ELECTION_BOARD,
        "demo-bbc",
        "Ban bầu cử đơn vị số 1 (demo)",
        Jurisdiction.constituency(PROVINCE, DEMO_CONSTITUENCY),
    ),
    (
        Role.ELECTION_TEAM,
        "demo-tbc",
        "Tổ bầu cử khu vực 1 (demo)",
        Jurisdiction.voting_area(PROVINCE, COMMUNE, DEMO_VOTING_AREA, frozenset({DEMO_CONSTITUENCY})),
    ),
    (
        Role.COMMUNE_PEOPLES_COMMITTEE,
        "demo-ubnd-xa",
        "UBND phường Kỳ Lừa (demo)",
        Jurisdiction.commune(PROVINCE, COMMUNE),
    ),
    (Role.FATHERLAND_FRONT, "demo-mttq", "Ủy ban MTTQ tỉnh Lạng Sơn (demo)", Jurisdiction.province(PROVINCE)),
    (Role.OBSERVER, "demo-giamsat", "Giám sát viên (demo)", Jurisdiction.province(PROVINCE)),
]


def load(*, stdout: TextIO) -> None:
    if getattr(settings, "PRODUCTION", False):
        raise RuntimeError("demo accounts are never created in production (BAUCU_ENV=production)")
    actor = Actor.system("demo")
    created = 0
    with transaction.atomic():  # all accounts or none
        created = _load(actor)
    stdout.write(f"Accounts: {len(ACCOUNTS)} demo accounts ({created} new)\n")


def _load(actor: Actor) -> int:
    created = 0
    for role, username, full_name, jurisdiction in ACCOUNTS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.do_create_user(username, PASSWORD, full_name=full_name, actor=actor)
            created += 1
        services.do_set_demo_totp_exemption(user, actor=actor)
        if not RoleAssignment.objects.filter(user=user, role=role, revoked_at__isnull=True).exists():
            services.do_assign_role(user, role, jurisdiction, actor=actor)
    return created


def accounts() -> list[tuple[str, str, str]]:
    """(role, username, password) for the demo's closing message."""
    return [(str(role.label), username, PASSWORD) for role, username, _name, _where in ACCOUNTS]
