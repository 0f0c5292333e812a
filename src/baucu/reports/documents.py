"""The data the printed forms show, as plain dataclasses (no models): Forms 10, 11 and 31/HĐBC.

Every text field is normalised to NFC on construction, so a name typed in decomposed form prints with
the font's precomposed glyphs and matches what a reader (or a test) searches for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from baucu.reports.vietnamese import nfc


def _normalise_text(instance: object) -> None:
    for f in dataclasses.fields(instance):  # type: ignore[arg-type]
        value = getattr(instance, f.name)
        if isinstance(value, str):
            object.__setattr__(instance, f.name, nfc(value))


@dataclass(frozen=True)
class Place:
    """Where a list or card belongs: the election, the voting area, its commune and province."""

    election_name: str
    area_number: int
    commune_name: str  # "Phường Kỳ Lừa"
    province_name: str  # "Tỉnh Lạng Sơn"
    commune_short_name: str = ""  # "Kỳ Lừa": the place line above the signature
    polling_place: str = ""
    election_year: int | None = None

    def __post_init__(self) -> None:
        _normalise_text(self)

    @property
    def year_label(self) -> str:
        """The year as written in a date line: "2026", never grouped like a quantity ("2.026")."""
        return str(self.election_year) if self.election_year else ""


@dataclass(frozen=True)
class VoterLine:
    """One line of Form 31 (and one Form 10 card): ``seq`` is the row number and the card number."""

    seq: int
    full_name: str
    birth_date: dt.date | None
    birth_year: int
    is_male: bool
    personal_id: str
    ethnicity: str = ""
    permanent_residence: str = ""  # column 7a
    temporary_residence: str = ""  # column 7b
    current_abode: str = ""  # column 7c
    votes_na: bool = True  # column 8
    votes_provincial: bool = True  # column 9
    votes_commune: bool = True  # column 10
    note: str = ""  # column 11, e.g. "Bỏ phiếu ở nơi khác" (Art. 34)
    votes_here: bool = True  # False once a certificate to vote elsewhere was issued

    def __post_init__(self) -> None:
        _normalise_text(self)

    @property
    def residence(self) -> str:
        """The residence printed on the voter card: permanent, else temporary, else current abode."""
        return self.permanent_residence or self.temporary_residence or self.current_abode


@dataclass(frozen=True)
class VoterListTotals:
    """Footer of Form 31: voters who vote in this area, by sex and by level."""

    voters: int
    male: int
    female: int
    na: int
    provincial: int
    commune: int
    voting_elsewhere: int


@dataclass(frozen=True)
class VoterList:
    """Form 31/HĐBC for one voting area."""

    place: Place
    lines: list[VoterLine] = field(default_factory=list)

    @property
    def totals(self) -> VoterListTotals:
        here = [line for line in self.lines if line.votes_here]
        return VoterListTotals(
            voters=len(here),
            male=sum(1 for line in here if line.is_male),
            female=sum(1 for line in here if not line.is_male),
            na=sum(1 for line in here if line.votes_na),
            provincial=sum(1 for line in here if line.votes_provincial),
            commune=sum(1 for line in here if line.votes_commune),
            voting_elsewhere=len(self.lines) - len(here),
        )


@dataclass(frozen=True)
class VoteElsewhereCertificate:
    """Form 11/HĐBC: the certificate to vote elsewhere (Art. 34), A5."""

    number: str  # the certificate's own number ("Số: .../GCN")
    election_name: str
    full_name: str
    birth_date: dt.date | None
    birth_year: int
    personal_id: str
    residence: str  # as on the voter card
    current_abode: str
    card_number: int  # the old voter card (row on the origin list)
    area_number: int
    commune_name: str
    province_name: str
    destination_commune_name: str
    destination_province_name: str
    issued_on: dt.date | None = None
    commune_short_name: str = ""

    def __post_init__(self) -> None:
        _normalise_text(self)
