"""Back-office pages of list changes, certificates to vote elsewhere and the complaint register.

/bo/xa/<commune_code>/cu-tri/thay-doi/ | giay-chung-nhan/ | khieu-nai/ — thin: each reads the commune
through ``access_commune_by_code`` before looking at the method (another commune is a 404 for GET and
POST alike), parses a form and calls a service; the service and the law core decide, and a refusal
is shown with its article. ``?election=<id>`` picks the election (default: the latest with voting
areas in the commune).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from baucu.accounts.actor import Actor
from baucu.accounts.permissions import Permission
from baucu.accounts.queries import access_commune_by_code
from baucu.accounts.session import actor_for
from baucu.elections.models import Election, VotingArea
from baucu.units.models import Commune
from baucu.voters import change_forms as forms
from baucu.voters.models import ListChange, ListComplaint, VoteElsewhereCertificate, Voter
from baucu.voters.services.certificates import (
    do_accept_vote_elsewhere_voter,
    do_issue_vote_elsewhere_certificate,
)
from baucu.voters.services.changes import (
    ListChangeError,
    NewVoter,
    commune_jurisdiction,
    do_add_voter,
    do_remove_voter,
)
from baucu.voters.services.complaints import (
    VoterCorrection,
    do_decide_list_complaint,
    do_register_list_complaint,
    is_overdue,
)


def _language() -> str:
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


class _Page:
    """What every page of a commune needs: actor, commune, election, its voting areas."""

    def __init__(self, request: HttpRequest, commune_code: str) -> None:
        self.actor: Actor = actor_for(request)
        self.commune: Commune = access_commune_by_code(
            self.actor, commune_code, permission=Permission.READ_PERSONAL_DATA
        )
        elections = (
            Election.objects.filter(voting_areas__commune=self.commune).distinct().order_by("-day", "-id")
        )
        chosen = request.GET.get("election", "")
        election = elections.filter(pk=int(chosen)).first() if chosen.isdigit() else elections.first()
        if election is None:
            raise Http404("election")
        self.election: Election = election
        self.areas: QuerySet[VotingArea] = VotingArea.objects.for_actor(self.actor).filter(
            election=election, commune=self.commune
        )
        self.can_manage = self.actor.can(
            Permission.MANAGE_VOTER_LIST, commune_jurisdiction(self.commune), election_key=str(election.pk)
        )

    def area_choices(self) -> list[tuple[str, str]]:
        return [(str(a.pk), str(a)) for a in self.areas]

    def area(self, pk: str) -> VotingArea:
        found = self.areas.filter(pk=int(pk)).first() if pk.isdigit() else None
        if found is None:
            raise Http404("voting area")
        return found

    def listed_voter(self, area: VotingArea, seq: int) -> Voter | None:
        found = self.voter_at(area, seq)
        return found if found is not None and found.status == Voter.Status.LISTED else None

    def voter_at(self, area: VotingArea, seq: int) -> Voter | None:
        return (
            Voter.objects.for_actor(self.actor, Permission.READ_PERSONAL_DATA)
            .filter(election=self.election, voting_area=area, seq=seq)
            .first()
        )

    def require_manage(self) -> None:
        if not self.can_manage:
            raise PermissionDenied

    def context(self, **extra: Any) -> dict[str, Any]:
        can_export = self.actor.can(Permission.EXPORT_PERSONAL_DATA, commune_jurisdiction(self.commune))
        return {
            "commune": self.commune,
            "election": self.election,
            "can_manage": self.can_manage,
            "can_export": can_export,  # links to the printouts (Form 11) only for who may download them
            **extra,
        }


def _refused(form: Any, error: ListChangeError) -> None:
    for message in error.messages(_language()):
        form.add_error(None, message)


def _no_voter(form: Any) -> None:
    form.add_error("seq", _("No listed voter with this number in this voting area."))


def _back(request: HttpRequest, message: str) -> HttpResponseRedirect:
    messages.success(request, message)
    return HttpResponseRedirect(request.get_full_path())


@login_required
def list_changes(request: HttpRequest, commune_code: str) -> HttpResponse:
    page = _Page(request, commune_code)
    areas = page.area_choices()
    add_form = forms.AddVoterForm(areas=areas, prefix="add")
    remove_form = forms.RemoveVoterForm(areas=areas, prefix="remove")
    if request.method == "POST":
        page.require_manage()
        action = request.POST.get("action")
        try:
            if action == "add":
                add_form = forms.AddVoterForm(request.POST, areas=areas, prefix="add")
                if add_form.is_valid():
                    data = add_form.cleaned_data
                    person = NewVoter(
                        personal_id=data["personal_id"],
                        full_name=data["full_name"],
                        birth_date=data["birth_date"],
                        birth_year=data["birth_year"],
                        gender=data["gender"],
                        ethnicity=data["ethnicity"],
                        residence_group=data["residence_group"],
                    )
                    change = do_add_voter(
                        page.area(data["voting_area"]),
                        person,
                        reason=data["reason"],
                        basis=data["basis"],
                        reason_text=data["reason_text"],
                        actor=page.actor,
                    )
                    return _back(request, _("Added as no. %(seq)s.") % {"seq": change.voter.seq})
            elif action == "remove":
                remove_form = forms.RemoveVoterForm(request.POST, areas=areas, prefix="remove")
                if remove_form.is_valid():
                    data = remove_form.cleaned_data
                    voter = page.listed_voter(page.area(data["voting_area"]), data["seq"])
                    if voter is None:
                        _no_voter(remove_form)
                    else:
                        do_remove_voter(
                            voter, reason=data["reason"], reason_text=data["reason_text"], actor=page.actor
                        )
                        return _back(request, _("Removed from the list."))
        except ListChangeError as error:
            _refused(add_form if action == "add" else remove_form, error)
    changes = (
        ListChange.objects.for_actor(page.actor, Permission.READ_PERSONAL_DATA)
        .filter(election=page.election, commune=page.commune)
        .select_related("voter", "voter__voting_area")[:500]
    )
    return render(
        request,
        "voters/list_changes.html",
        page.context(changes=changes, add_form=add_form, remove_form=remove_form),
    )


@login_required
def certificates(request: HttpRequest, commune_code: str) -> HttpResponse:
    page = _Page(request, commune_code)
    areas = page.area_choices()
    issue_form = forms.IssueCertificateForm(areas=areas, prefix="issue")
    accept_form = forms.AcceptCertificateForm(areas=areas, prefix="accept")
    visible = VoteElsewhereCertificate.objects.for_actor(page.actor, Permission.READ_PERSONAL_DATA).filter(
        election=page.election
    )
    if request.method == "POST":
        page.require_manage()
        action = request.POST.get("action")
        try:
            if action == "issue":
                issue_form = forms.IssueCertificateForm(request.POST, areas=areas, prefix="issue")
                if issue_form.is_valid():
                    data = issue_form.cleaned_data
                    voter = page.listed_voter(page.area(data["voting_area"]), data["seq"])
                    destination = Commune.objects.filter(code=data["destination_commune"].strip()).first()
                    if voter is None:
                        _no_voter(issue_form)
                    elif destination is None:
                        issue_form.add_error("destination_commune", _("No commune with this code."))
                    else:
                        made = do_issue_vote_elsewhere_certificate(voter, destination, actor=page.actor)
                        return _back(request, _("Certificate %(number)s issued.") % {"number": made.number})
            elif action == "accept":
                accept_form = forms.AcceptCertificateForm(request.POST, areas=areas, prefix="accept")
                if accept_form.is_valid():
                    data = accept_form.cleaned_data
                    certificate = visible.filter(
                        destination_commune=page.commune, number=data["number"].strip()
                    ).first()
                    if certificate is None:
                        accept_form.add_error(
                            "number", _("No certificate with this number names this commune.")
                        )
                    else:
                        added = do_accept_vote_elsewhere_voter(
                            certificate, page.area(data["voting_area"]), actor=page.actor
                        )
                        return _back(request, _("Added as no. %(seq)s.") % {"seq": added.seq})
        except ListChangeError as error:
            _refused(issue_form if action == "issue" else accept_form, error)
    related = (
        "origin_voter",
        "origin_voter__voting_area",
        "destination_commune",
        "commune",
        "destination_voter",
    )
    return render(
        request,
        "voters/certificates.html",
        page.context(
            issued=visible.filter(commune=page.commune).select_related(*related),
            incoming=visible.filter(destination_commune=page.commune).select_related(*related),
            issue_form=issue_form,
            accept_form=accept_form,
        ),
    )


@login_required
def complaints(request: HttpRequest, commune_code: str) -> HttpResponse:
    page = _Page(request, commune_code)
    areas = page.area_choices()
    register_form = forms.ComplaintForm(areas=areas, prefix="register")
    decide_form: forms.DecideComplaintForm | None = None
    register = ListComplaint.objects.for_actor(page.actor, Permission.READ_PERSONAL_DATA).filter(
        election=page.election, commune=page.commune
    )
    if request.method == "POST":
        page.require_manage()
        action = request.POST.get("action")
        try:
            if action == "register":
                register_form = forms.ComplaintForm(request.POST, areas=areas, prefix="register")
                if register_form.is_valid():
                    data = register_form.cleaned_data
                    area = page.area(data["voting_area"]) if data["voting_area"] else None
                    # A complaint may name any row of the list, also a removed one.
                    voter = page.voter_at(area, data["seq"]) if area and data["seq"] else None
                    if data["seq"] and voter is None:
                        register_form.add_error("seq", _("No voter with this number in this voting area."))
                    else:
                        made = do_register_list_complaint(
                            page.election,
                            page.commune,
                            complainant_name=data["complainant_name"],
                            complainant_contact=data["complainant_contact"],
                            content=data["content"],
                            voting_area=area,
                            voter=voter,
                            actor=page.actor,
                        )
                        due = made.decision_due.strftime("%d/%m/%Y")
                        return _back(request, _("Registered; decide by %(due)s.") % {"due": due})
            elif action == "decide":
                decide_form = forms.DecideComplaintForm(request.POST)
                if decide_form.is_valid():
                    data = decide_form.cleaned_data
                    complaint = register.filter(pk=data["complaint"]).first()
                    if complaint is None:
                        raise Http404("complaint")
                    correction = VoterCorrection(
                        full_name=data["corrected_full_name"],
                        birth_date=data["corrected_birth_date"],
                        gender=data["corrected_gender"],
                        ethnicity=data["corrected_ethnicity"],
                    )
                    do_decide_list_complaint(
                        complaint,
                        outcome=data["outcome"],
                        decision=data["decision"],
                        correction=correction,
                        actor=page.actor,
                    )
                    return _back(request, _("Decision recorded."))
        except ListChangeError as error:
            target = register_form if action == "register" else decide_form
            if target is not None:
                _refused(target, error)
    today = timezone.localdate()
    rows = [(c, is_overdue(c, today)) for c in register.select_related("voter", "voting_area")]
    return render(
        request,
        "voters/complaints.html",
        page.context(
            rows=rows,
            register_form=register_form,
            decide_form=decide_form,
            outcomes=ListComplaint.Outcome.choices,
            today=today,
        ),
    )
