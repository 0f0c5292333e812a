"""Downloads of the printed voter lists (Form 31), voter cards (Form 10), a commune's zip, and the
certificate to vote elsewhere (Form 11).

The commune's ZIP is built by a background job (``baucu.voters.tasks``); its page here starts it and
shows its progress. Every file holds identity numbers unmasked, so it needs EXPORT_PERSONAL_DATA (the
commune People's Committee compiles and prints the lists, Art. 31–32) and each download is recorded as
a personal-data export with the number of voters. The commune and the voting area are read through the scoped
``access`` helpers before anything else, so another commune's area is a 404 for any method.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.queries import access_commune_by_code
from baucu.accounts.session import actor_for
from baucu.audit.events import record_personal_data_access
from baucu.elections.models import Election, VotingArea
from baucu.elections.queries import access_election_by_id
from baucu.jobs.models import Job
from baucu.jobs.queries import a_worker_is_alive, may_download
from baucu.jobs.services import JobAlreadyActiveError, do_start_job
from baucu.reports.documents import VoterList
from baucu.reports.vote_elsewhere import vote_elsewhere_pdf
from baucu.reports.voter_card import voter_cards_pdf
from baucu.reports.voter_list import voter_list_pdf, voter_list_xlsx
from baucu.units.models import Commune
from baucu.voters.models import VoteElsewhereCertificate, Voter
from baucu.voters.printout_data import PRINTED_FIELDS, certificate_of, voter_list_of

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP = "application/zip"
ELECTION_PARAM = "bau-cu"  # ?bau-cu=<id> picks the election; default: the latest one with areas here


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
        .only(*PRINTED_FIELDS)
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
    """All voting areas of the commune in one ZIP: Form 31 PDF and Form 10 PDF per area, one XLSX.

    Rendering takes minutes for a large commune, so a POST starts a background job (one at a time per
    commune and election) and the page shows its progress; the file is downloaded from the job.
    """
    actor, commune = _exporter(request, commune_code)
    election = _bundle_election(actor, commune, request.GET.get(ELECTION_PARAM, ""))
    here = f"{reverse('voters:commune_zip', args=[commune.code])}?{ELECTION_PARAM}={election.pk}"
    if request.method == "POST":
        try:
            do_start_job(
                Job.Kind.COMMUNE_PRINTOUTS,
                actor=actor,
                province=commune.province,
                commune=commune,
                election=election,
            )
        except JobAlreadyActiveError as exc:
            text = gettext("The same job (#%(job)s) is already queued or running: wait for it to finish.")
            messages.info(request, text % {"job": exc.job.pk})
        return HttpResponseRedirect(here)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    jobs = list(
        Job.objects.for_actor(actor).filter(
            kind=Job.Kind.COMMUNE_PRINTOUTS, commune=commune, election=election
        )[:5]
    )
    context = {
        "commune": commune,
        "election": election,
        "jobs": [(job, may_download(actor, job)) for job in jobs],
        "active": any(job.is_active for job in jobs),
        "no_worker": any(job.status == Job.Status.QUEUED for job in jobs) and not a_worker_is_alive(),
    }
    return render(request, "voters/commune_zip.html", context)


def _bundle_election(actor: Actor, commune: Commune, chosen: str) -> Election:
    """``?bau-cu=<id>``, or the latest election with voting areas in the commune; 404 if it has none."""
    areas = VotingArea.objects.for_actor(actor).filter(commune=commune)
    if chosen.isdigit():
        election = access_election_by_id(actor, int(chosen))
        areas = areas.filter(election=election)
    latest = areas.order_by("-election__day", "-election_id").select_related("election").first()
    if latest is None:
        raise Http404("voting areas")
    return latest.election


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
