"""Where each election-setup object lies, in the accounts app's jurisdiction terms."""

from __future__ import annotations

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.elections.models import Constituency, Contest, ElectionBody, VotingArea


def of_contest_scope(contest: Contest, province_code: str) -> Jurisdiction:
    """Who fixes constituencies of ``contest``: the commune for its council, else the province."""
    if contest.kind == Contest.Kind.COMMUNE and contest.commune_id:
        return Jurisdiction.commune(province_code, contest.commune_id)
    return Jurisdiction.province(province_code)


def of_constituency(constituency: Constituency) -> Jurisdiction:
    return of_contest_scope(constituency.contest, constituency.province_id)


def of_voting_area(area: VotingArea) -> Jurisdiction:
    return Jurisdiction.commune(area.province_id, area.commune_id)


def of_body(body: ElectionBody) -> Jurisdiction:
    if body.commune_id:
        return Jurisdiction.commune(body.province_id, body.commune_id)
    return Jurisdiction.province(body.province_id)
