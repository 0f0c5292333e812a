"""The actor: who is acting, in which role and where. Every permission check goes through it."""

from __future__ import annotations

from dataclasses import dataclass

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.models import RoleAssignment, User
from baucu.accounts.permissions import ROLE_PERMISSIONS, Permission
from baucu.accounts.roles import Role


@dataclass(frozen=True)
class Actor:
    """A signed-in user acting through one active role assignment, or a named system process.

    A user with several assignments acts in one at a time (chosen on the dashboard): permissions never
    add up across assignments, so a person who is both observer in one commune and committee member in
    another cannot mix the two.
    """

    user: User | None
    assignment: RoleAssignment | None
    system_name: str = ""  # "demo", "migrate", ...: a process, not a person

    @classmethod
    def system(cls, name: str) -> Actor:
        """A command-line process acting with full authority (demo loader, data migrations)."""
        return cls(user=None, assignment=None, system_name=name)

    @property
    def is_system(self) -> bool:
        return bool(self.system_name)

    @property
    def username(self) -> str:
        if self.user is not None:
            return self.user.get_username()
        return f"system:{self.system_name}" if self.system_name else "anonymous"

    @property
    def role(self) -> Role | None:
        if self.is_system:
            return Role.SYSTEM_ADMIN
        return Role(self.assignment.role) if self.assignment is not None else None

    @property
    def jurisdiction(self) -> Jurisdiction | None:
        if self.is_system:
            return Jurisdiction.nation()
        if self.assignment is None or not self.assignment.is_active:
            return None
        return self.assignment.jurisdiction

    @property
    def election_key(self) -> str:
        return self.assignment.election_key if self.assignment is not None else ""

    def can(self, permission: Permission, jurisdiction: Jurisdiction, *, election_key: str = "") -> bool:
        """Whether this actor may do ``permission`` on data in ``jurisdiction`` (and election)."""
        if self.is_system:
            return True
        own = self.jurisdiction
        role = self.role
        if own is None or role is None or permission not in ROLE_PERMISSIONS[role]:
            return False
        if self.election_key and election_key and self.election_key != election_key:
            return False
        return own.contains(jurisdiction)

    def sees(self, jurisdiction: Jurisdiction) -> bool:
        return self.can(Permission.READ, jurisdiction)
