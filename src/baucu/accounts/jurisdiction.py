"""Jurisdiction (địa bàn): the part of the country a role assignment or a piece of data belongs to.

Levels nest: nation ⊃ province ⊃ commune ⊃ voting area, and nation ⊃ province ⊃ constituency.
A constituency of a provincial council or of the National Assembly spans several communes, so it is
not "inside" one commune; a voting area names the constituencies it belongs to (one per contest) so
that an Election Board (Ban bầu cử) sees the voting areas of its constituency.

Constituencies and voting areas are identified by ``key`` (the primary key of the election-setup
row, as text) until that app exists; see docs/architecture.md "Jurisdiction scoping".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    NATION = "nation", _("Nation")
    PROVINCE = "province", _("Province")
    COMMUNE = "commune", _("Commune")
    CONSTITUENCY = "constituency", _("Constituency")
    VOTING_AREA = "voting_area", _("Voting area")


@dataclass(frozen=True)
class Jurisdiction:
    level: Level
    province_code: str = ""
    commune_code: str = ""
    key: str = ""  # constituency or voting-area id at those levels
    # For a voting area: the constituencies (keys) it belongs to.
    constituency_keys: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        needs_province = self.level != Level.NATION
        needs_commune = self.level in (Level.COMMUNE, Level.VOTING_AREA)
        needs_key = self.level in (Level.CONSTITUENCY, Level.VOTING_AREA)
        if needs_province != bool(self.province_code) or (needs_commune and not self.commune_code):
            raise ValueError(f"jurisdiction {self.level}: province/commune code missing or superfluous")
        if self.level in (Level.NATION, Level.PROVINCE) and self.commune_code:
            raise ValueError(f"jurisdiction {self.level} cannot name a commune")
        if needs_key != bool(self.key):
            raise ValueError(f"jurisdiction {self.level}: key missing or superfluous")

    @classmethod
    def nation(cls) -> Jurisdiction:
        return cls(Level.NATION)

    @classmethod
    def province(cls, province_code: str) -> Jurisdiction:
        return cls(Level.PROVINCE, province_code=province_code)

    @classmethod
    def commune(cls, province_code: str, commune_code: str) -> Jurisdiction:
        return cls(Level.COMMUNE, province_code=province_code, commune_code=commune_code)

    @classmethod
    def constituency(cls, province_code: str, key: str, commune_code: str = "") -> Jurisdiction:
        """A constituency; ``commune_code`` only for a commune People's Council constituency."""
        return cls(Level.CONSTITUENCY, province_code=province_code, commune_code=commune_code, key=key)

    @classmethod
    def voting_area(
        cls, province_code: str, commune_code: str, key: str, constituency_keys: frozenset[str] = frozenset()
    ) -> Jurisdiction:
        return cls(
            Level.VOTING_AREA,
            province_code=province_code,
            commune_code=commune_code,
            key=key,
            constituency_keys=constituency_keys,
        )

    def contains(self, other: Jurisdiction) -> bool:
        """Whether ``other`` lies within this jurisdiction (a jurisdiction contains itself)."""
        if self.level == Level.NATION:
            return True
        if self.province_code != other.province_code:
            return False
        if self.level == Level.PROVINCE:
            return True
        if self.level == Level.COMMUNE:
            # The commune itself, its voting areas and its own council's constituencies.
            return other.commune_code == self.commune_code
        if self.level == Level.CONSTITUENCY:
            if other.level == Level.CONSTITUENCY:
                return other.key == self.key
            return other.level == Level.VOTING_AREA and self.key in other.constituency_keys
        # Voting area: only itself.
        return other.level == Level.VOTING_AREA and other.key == self.key

    def __str__(self) -> str:
        parts = [str(self.level)]
        parts += [p for p in (self.province_code, self.commune_code, self.key) if p]
        return ":".join(parts)
