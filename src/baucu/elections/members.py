"""A member of an election body as a form, an import or the demo names one, before it is written.

Its own module so that the services, the forms and the law-core adapter (:mod:`baucu.elections.legal`)
share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from baucu.law import bodies as law_bodies


@dataclass(frozen=True)
class MemberInput:
    full_name: str
    role: str = law_bodies.Role.MEMBER.value
    organisation: str = ""
    is_military: bool = False
    is_synthetic: bool = False
