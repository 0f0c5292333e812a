"""Voter registry (danh sách cử tri): lists per voting area, their imports, changes and complaints."""

from baucu.voters.models.changes import ListChange, ListComplaint, VoteElsewhereCertificate
from baucu.voters.models.lists import RejectedRow, Voter, VoterImport

__all__ = ["RejectedRow", "Voter", "VoterImport"]
__all__ += ["ListChange", "ListComplaint", "VoteElsewhereCertificate"]
