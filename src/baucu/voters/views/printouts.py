"""Downloads of the printed voter lists (Form 31), voter cards (Form 10), a commune's zip, and the
certificate to vote elsewhere (Form 11).

Every file holds identity numbers unmasked, so it needs EXPORT_PERSONAL_DATA (the commune People's
Committee compiles and prints the lists, Art. 31–32) and each download is recorded as a personal-data
export with the number of voters. The commune and the voting area are read through the scoped
``access`` helpers before anything else, so another commune's area is a 404 for any method.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.queries import access_commune_by_code
from baucu.accounts.session import actor_for
from baucu.audit.events import record_personal_data_access
from baucu.elections.models import VotingArea
from baucu.elections.queries import access_election_by_id
from baucu.reports.bundle import commune_lists_zip
from baucu.reports.documents import VoterList
from baucu.reports.vote_elsewhere import vote_elsewhere_pdf
from baucu.reports.voter_card import voter_cards_pdf
from baucu.reports.voter_list import voter_list_pdf, voter_list_xlsx
from baucu.units.models import Commune
from baucu.voters.models import VoteElsewhereCertificate, Voter
from baucu.voters.printout_data import certificate_of, voter_list_of

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"
ELECTION_PARAM = "bau-cu"  # ?bau-cu=<id> picks the election; default: the latest one with areas here

_PRINTED_FIELDS = [
    "seq",
    "full_name",
    "birth_date",
    "birth_year",
    "gender",
    "personal_id",
    "ethnicity",
    "residence_group",
    "permanent_residence",
    "temporary_residence",
    "basis",
    "votes_na",
    "votes_provincial",
    "votes_commune",
    "status",
    "note",
    "temporary_since",
    "voting_area_id",
]


def _exporter(request: HttpRequest, commune_code: str) -> tuple[Actor, Commune]:
    actor = actor_for(request)
    return actor, access_commune_by_code(actor, commune_code, permission=Permission.EXPORT_PERSONAL_DATA)


def _area_list(actor: Actor, commune: Commune, voting_area_id: int) -> tuple[VotingArea, VoterList]:
    area = (
        VotingArea.objects.for_actor(actor)
        .select_related("election", "commune__province")
        .filter(pk=voting_area_id, commune=commune)
        .first()
    )
    if area is None:
        raise Http404("voting area")
    voters = (
        Voter.objects.for_actor(actor, Permission.EXPORT_PERSONAL_DATA)
        .filter(voting_area=area)
        .exclude(status=Voter.Status.REMOVED)
        .only(*_PRINTED_FIELDS)
    )
    return area, voter_list_of(area, voters)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: no copy in a shared cache
    return response


def _log(
    actor: Actor, commune: Commune, what: str, object_type: str, object_id: int | str, count: int
) -> None:
    record_personal_data_access(
        actor,
        what,
        Jurisdiction.commune(commune.province_id, commune.code),
        exported=True,
        object_type=object_type,
        object_id=object_id,
        count=count,
    )


def _area_download(
    render: Callable[[VoterList], bytes], what: str, content_type: str, stem: str, extension: str
) -> Callable[[HttpRequest, str, int], HttpResponse]:
    @login_required
    def view(request: HttpRequest, commune_code: str, voting_area_id: int) -> HttpResponse:
        actor, commune = _exporter(request, commune_code)
        area, voter_list = _area_list(actor, commune, voting_area_id)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        content = render(voter_list)
        _log(actor, commune, what, "voting_area", area.pk, len(voter_list.lines))
        return _download(content, content_type, f"{stem}-{commune.code}-kvbp-{area.number:02d}.{extension}")

    view.__name__ = stem.replace("-", "_")
    return view


voter_list_pdf_view = _area_download(voter_list_pdf, "voter list (Form 31), PDF", PDF, "mau-31", "pdf")
voter_list_xlsx_view = _area_download(
    lambda voter_list: voter_list_xlsx([voter_list]), "voter list (Form 31), XLSX", XLSX, "mau-31", "xlsx"
)
voter_cards_view = _area_download(voter_cards_pdf, "voter cards (Form 10), PDF", PDF, "mau-10", "pdf")


@login_required
def commune_zip_view(request: HttpRequest, commune_code: str) -> HttpResponse:
    """All voting areas of the commune in one click: Form 31 PDF and Form 10 PDF per area, one XLSX."""
    actor, commune = _exporter(request, commune_code)
    areas = (
        VotingArea.objects.for_actor(actor)
        .filter(commune=commune)
        .select_related("election", "commune__province")
    )
    chosen = request.GET.get(ELECTION_PARAM, "")
    if chosen.isdigit():
        areas = areas.filter(election=access_election_by_id(actor, int(chosen)))
    else:
        latest = (
            areas.order_by("-election__day", "-election_id").values_list("election_id", flat=True).first()
        )
        areas = areas.filter(election_id=latest or 0)  # none yet: no areas, a 404 below
    area_list = list(areas.order_by("number"))
    if not area_list:
        raise Http404("voting areas")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    by_area: dict[int, list[Voter]] = defaultdict(list)
    voters = (
        Voter.objects.for_actor(actor, Permission.EXPORT_PERSONAL_DATA)
        .filter(voting_area__in=area_list)
        .exclude(status=Voter.Status.REMOVED)
        .only(*_PRINTED_FIELDS)
    )
    for voter in voters:
        by_area[voter.voting_area_id].append(voter)
    voter_lists = [voter_list_of(area, by_area[area.pk]) for area in area_list]
    content = commune_lists_zip(voter_lists)
    count = sum(len(v.lines) for v in voter_lists)
    _log(
        actor,
        commune,
        "voter lists and cards of the commune (Forms 31, 10), zip",
        "commune",
        commune.code,
        count,
    )
    election_id = area_list[0].election_id
    return _download(content, ZIP, f"danh-sach-cu-tri-{commune.code}-bau-cu-{election_id}.zip")


@login_required
def vote_elsewhere_certificate_view(
    request: HttpRequest, commune_code: str, certificate_id: int
) -> HttpResponse:
    """Form 11/HĐBC of a certificate this commune issued (the origin commune prints it, Art. 34)."""
    actor, commune = _exporter(request, commune_code)
    certificate = (
        VoteElsewhereCertificate.objects.for_actor(actor, Permission.EXPORT_PERSONAL_DATA)
        .select_related(
            "election",
            "commune__province",
            "origin_voter__voting_area",
            "destination_commune",
            "destination_province",
        )
        .filter(pk=certificate_id, commune=commune)
        .first()
    )
    if certificate is None:
        raise Http404("certificate")
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    content = vote_elsewhere_pdf(certificate_of(certificate))
    _log(actor, commune, "certificate to vote elsewhere (Form 11), PDF", "certificate", certificate.pk, 1)
    return _download(content, PDF, f"mau-11-{commune.code}-{certificate.pk}.pdf")
