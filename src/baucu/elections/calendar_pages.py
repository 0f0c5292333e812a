"""The National Election Council's calendar page (Art. 98(3)), the lists of late-action justifications
and the removal of a body member."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.queries import access_province_by_code
from baucu.accounts.session import actor_for
from baucu.elections import queries, services
from baucu.elections.deadlines import election_steps
from baucu.elections.errors import SetupError
from baucu.elections.models import CalendarOverride
from baucu.elections.templatetags.law_articles import cite


def _language() -> str:
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


class OverrideForm(forms.Form):
    step_id = forms.ChoiceField(label=gettext_lazy("Step"), choices=[])
    new_date = forms.DateField(
        label=gettext_lazy("New deadline"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason (decision of the National Election Council)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: object, steps: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["step_id"].choices = steps  # type: ignore[attr-defined]


@login_required
def election_calendar(request: HttpRequest, election_id: int) -> HttpResponse:
    """Only the National Election Council moves a step, with its reason recorded (Art. 98(3)).

    Everyone else gets a 404: the page is the NEC's and names every province's late actions.
    """
    actor = actor_for(request)
    election = queries.access_election_by_id(actor, election_id)
    if not queries.may_change(actor, Jurisdiction.nation(), election):
        raise Http404("calendar")
    language = _language()
    steps = election_steps(election)
    form = OverrideForm(
        request.POST or None,
        steps=[
            (s.id, f"{s.title_en if language == 'en' else s.title_vi} ({s.deadline:%d/%m/%Y})") for s in steps
        ],
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.do_override_calendar_step(
                election,
                step_id=data["step_id"],
                new_date=data["new_date"],
                reason=data["reason"],
                actor=actor,
            )
        except SetupError as exc:
            for field, texts in exc.by_field(language).items():
                for text in texts:
                    form.add_error(field if field in form.fields else None, text)
        else:
            messages.success(request, _("The step was moved; the reason is recorded."))
            return HttpResponseRedirect(reverse("elections:calendar", args=[election.pk]))
    context = {
        "election": election,
        "steps": steps,
        "language": language,
        "form": form,
        "overrides": CalendarOverride.objects.filter(election=election).select_related("decided_by"),
        "justifications": queries.justifications_of(election),
    }
    return render(request, "elections/calendar.html", context)


@login_required
def province_justifications(request: HttpRequest, election_id: int, province_code: str) -> HttpResponse:
    """The province's recorded reasons for actions taken after their deadline."""
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    election = queries.access_election_by_id(actor, election_id)
    context = {
        "election": election,
        "place": province,
        "back": reverse("elections:province", args=[election.pk, province.code]),
        "justifications": queries.justifications_of(election, province),
        "language": _language(),
    }
    return render(request, "elections/justifications.html", context)


class RemoveMemberForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason for the removal"), widget=forms.Textarea(attrs={"rows": 2}), max_length=500
    )


@login_required
def member_remove(request: HttpRequest, member_id: int) -> HttpResponse:
    actor = actor_for(request)
    member = queries.access_member_by_id(actor, member_id)
    body = member.body
    where = (
        Jurisdiction.commune(body.province_id, body.commune_id)
        if body.commune_id
        else Jurisdiction.province(body.province_id)
    )
    if not queries.may_change(actor, where, body.election):
        raise PermissionDenied
    form = RemoveMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        remaining = services.do_remove_body_member(member, reason=form.cleaned_data["reason"], actor=actor)
        messages.success(request, _("%(name)s removed.") % {"name": member.full_name})
        for reason in remaining:
            messages.warning(request, cite(f"{reason.message(_language())} ({reason.article})", _language()))
        return HttpResponseRedirect(reverse("elections:body", args=[body.pk]))
    return render(request, "elections/member_remove.html", {"member": member, "body": body, "form": form})
