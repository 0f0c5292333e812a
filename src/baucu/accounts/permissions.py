"""What each role may do: one explicit table, read by ``Actor.can``.

Later capabilities add their own permissions here (one line in the enum, one cell per role) rather
than testing role names in views: "who may do what" stays in one place.
"""

from __future__ import annotations

from enum import StrEnum

from baucu.accounts.roles import Role


class Permission(StrEnum):
    READ = "read"
    CHANGE = "change"
    READ_PERSONAL_DATA = "read_personal_data"
    EXPORT_PERSONAL_DATA = "export_personal_data"
    MANAGE_ACCOUNTS = "manage_accounts"
    READ_AUDIT = "read_audit"
    MANAGE_VOTER_LIST = "manage_voter_list"
    MANAGE_CONSULTATIONS = "manage_consultations"


P = Permission

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    # Runs the system, not the election: no election data changes, no voters' personal data.
    Role.SYSTEM_ADMIN: frozenset({P.READ, P.MANAGE_ACCOUNTS, P.READ_AUDIT}),
    Role.NATIONAL_ELECTION_COUNCIL: frozenset({P.READ, P.CHANGE, P.MANAGE_ACCOUNTS, P.READ_AUDIT}),
    Role.PROVINCIAL_COMMITTEE: frozenset(
        {P.READ, P.CHANGE, P.READ_PERSONAL_DATA, P.MANAGE_ACCOUNTS, P.READ_AUDIT}
    ),
    Role.COMMUNE_COMMITTEE: frozenset(
        {P.READ, P.CHANGE, P.READ_PERSONAL_DATA, P.MANAGE_ACCOUNTS, P.READ_AUDIT}
    ),
    Role.ELECTION_BOARD: frozenset({P.READ, P.CHANGE, P.READ_AUDIT}),
    # The team checks voters against the list at the polling station.
    Role.ELECTION_TEAM: frozenset({P.READ, P.CHANGE, P.READ_PERSONAL_DATA}),
    # Compiles, posts and prints the voter lists (Art. 31–32).
    Role.COMMUNE_PEOPLES_COMMITTEE: frozenset(
        {P.READ, P.CHANGE, P.READ_PERSONAL_DATA, P.EXPORT_PERSONAL_DATA, P.MANAGE_VOTER_LIST}
    ),
    Role.FATHERLAND_FRONT: frozenset({P.READ, P.MANAGE_CONSULTATIONS}),
    Role.OBSERVER: frozenset({P.READ}),
}
