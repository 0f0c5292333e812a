"""Election setup models, one module per domain concept."""

from baucu.elections.models.bodies import BodyMember, ElectionBody
from baucu.elections.models.calendar import CalendarOverride, Justification
from baucu.elections.models.constituency import Constituency, Contest
from baucu.elections.models.election import Election
from baucu.elections.models.voting_area import VotingArea

__all__ = [
    "BodyMember",
    "CalendarOverride",
    "Constituency",
    "Contest",
    "Election",
    "ElectionBody",
    "Justification",
    "VotingArea",
]
