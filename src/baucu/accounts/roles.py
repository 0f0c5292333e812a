"""Roles (vai trò) in the election organisation, and at which level each one is assigned.

Law on Elections of NA deputies and People's Council deputies (2015, amended 2025): the National
Election Council (Hội đồng bầu cử quốc gia, Art. 12), Election Committees at province and commune level
(Ủy ban bầu cử, Art. 22), Election Boards per constituency (Ban bầu cử, Art. 24), Election Teams per
voting area (Tổ bầu cử, Art. 25); the commune People's Committee compiles voter lists (Art. 31);
the Fatherland Front runs the consultations (Art. 38–57).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from baucu.accounts.jurisdiction import Level


class Role(models.TextChoices):
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    NATIONAL_ELECTION_COUNCIL = "national_election_council", _("National Election Council")
    PROVINCIAL_COMMITTEE = "provincial_committee", _("Provincial Election Committee")
    COMMUNE_COMMITTEE = "commune_committee", _("Commune Election Committee")
    ELECTION_BOARD = "election_board", _("Election Board")
    ELECTION_TEAM = "election_team", _("Election Team")
    COMMUNE_PEOPLES_COMMITTEE = "commune_peoples_committee", _("Commune People's Committee (voter lists)")
    FATHERLAND_FRONT = "fatherland_front", _("Vietnam Fatherland Front")
    OBSERVER = "observer", _("Observer (read-only)")


# Where each role may be assigned. A role at another level is refused by do_assign_role.
ROLE_LEVELS: dict[Role, frozenset[Level]] = {
    Role.SYSTEM_ADMIN: frozenset({Level.NATION}),
    Role.NATIONAL_ELECTION_COUNCIL: frozenset({Level.NATION}),
    Role.PROVINCIAL_COMMITTEE: frozenset({Level.PROVINCE}),
    Role.COMMUNE_COMMITTEE: frozenset({Level.COMMUNE}),
    Role.ELECTION_BOARD: frozenset({Level.CONSTITUENCY}),
    Role.ELECTION_TEAM: frozenset({Level.VOTING_AREA}),
    Role.COMMUNE_PEOPLES_COMMITTEE: frozenset({Level.COMMUNE}),
    Role.FATHERLAND_FRONT: frozenset({Level.NATION, Level.PROVINCE, Level.COMMUNE}),
    Role.OBSERVER: frozenset(Level),
}

# Roles that decide or certify: a stolen password alone must not be enough (second factor, TOTP).
TOTP_REQUIRED_ROLES: frozenset[Role] = frozenset(
    {
        Role.SYSTEM_ADMIN,
        Role.NATIONAL_ELECTION_COUNCIL,
        Role.PROVINCIAL_COMMITTEE,
        Role.COMMUNE_COMMITTEE,
        Role.ELECTION_BOARD,
    }
)

# Who may grant which role (always also within the granter's own jurisdiction). Nobody grants a
# role equal to or above their own except the system administrator, who bootstraps the hierarchy.
ASSIGNABLE_ROLES: dict[Role, frozenset[Role]] = {
    Role.SYSTEM_ADMIN: frozenset(Role),
    Role.NATIONAL_ELECTION_COUNCIL: frozenset(
        {Role.PROVINCIAL_COMMITTEE, Role.FATHERLAND_FRONT, Role.OBSERVER}
    ),
    Role.PROVINCIAL_COMMITTEE: frozenset(
        {
            Role.COMMUNE_COMMITTEE,
            Role.ELECTION_BOARD,
            Role.ELECTION_TEAM,
            Role.COMMUNE_PEOPLES_COMMITTEE,
            Role.FATHERLAND_FRONT,
            Role.OBSERVER,
        }
    ),
    Role.COMMUNE_COMMITTEE: frozenset({Role.ELECTION_TEAM, Role.OBSERVER}),
}
