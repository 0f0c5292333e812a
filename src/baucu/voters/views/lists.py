"""Back-office pages of the voter lists (issue 6): a commune's lists, one area's list, the import.

Every page reads its commune, province, voting area or import through a scoped ``access`` helper
before anything else, so another jurisdiction's object is a 404 for any method. Identity numbers and
birth dates are shown only to roles with ``read_personal_data`` (``can_see_personal_data``), and each
page that shows them is recorded with ``record_personal_data_access``; others see them masked.

The import runs as a background job (``baucu.jobs``, run by ``baucu db_worker``): the upload is saved
in the file store, the ``VoterImport`` record and the job are created in one transaction, and a second
import of the same election and province is refused while one is queued or running. The progress page
reads the job's row and refreshes itself with a ``<meta http-equiv="refresh">`` (no script: the CSP
forbids inline scripts), so it survives a reload and a restart of the web server.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.personal_data import can_see_personal_data, mask_identity_number
from baucu.accounts.queries import access_commune_by_code, access_province_by_code
from baucu.accounts.session import actor_for
from baucu.audit.events import record_personal_data_access
from baucu.elections.models import Election
from baucu.elections.queries import elections_for_actor
from baucu.jobs.models import Job
from baucu.jobs.services import JobAlreadyActiveError, do_start_job
from baucu.units.models import Commune
from baucu.voters import queries
from baucu.voters.imports import may_import, start_voter_import
from baucu.voters.models import Voter, VoterImport

PAGE_SIZE = 500
MASKED_DATE = "••/••/••••"
EXTRACT_SUFFIXES = (".csv", ".parquet", ".xlsx")


@login_required
def commune_lists(request: HttpRequest, commune_code: str) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    lists = queries.commune_voter_lists(actor, commune)
    context = {"commune": commune, "lists": lists, **_link_permissions(actor, commune)}
    return render(request, "voters/commune_lists.html", context)


def _link_permissions(actor: Actor, commune: Commune) -> dict[str, bool]:
    """Which links a lists page shows: printouts (identity numbers unmasked: EXPORT_PERSONAL_DATA, as the
    download views require) and the list-change pages (READ_PERSONAL_DATA, as those pages require)."""
    where = Jurisdiction.commune(commune.province_id, commune.code)
    return {
        "can_export": actor.can(Permission.EXPORT_PERSONAL_DATA, where),
        "can_see_changes": can_see_personal_data(actor, where),
    }


class _Line:
    """One line of Form 31 as shown: personal data unmasked or masked."""

    def __init__(self, voter: Voter, *, unmasked: bool) -> None:
        self.voter = voter
        self.personal_id = voter.personal_id if unmasked else mask_identity_number(voter.personal_id)
        if unmasked:
            self.birth = voter.birth_date.strftime("%d/%m/%Y") if voter.birth_date else str(voter.birth_year)
        else:
            self.birth = MASKED_DATE


@login_required
def area_list(request: HttpRequest, commune_code: str, voting_area_id: int) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    area = queries.access_area_in_commune(actor, commune, voting_area_id)
    where = Jurisdiction.commune(commune.province_id, commune.code)
    unmasked = can_see_personal_data(actor, where)
    page = Paginator(queries.voters_of_area(actor, area), PAGE_SIZE).get_page(request.GET.get("trang"))
    lines = [_Line(v, unmasked=unmasked) for v in page.object_list]
    if unmasked and lines:
        record_personal_data_access(
            actor,
            "voter list (Form 31): identity numbers and birth dates",
            where,
            object_type="voting_area",
            object_id=area.pk,
            count=len(lines),
        )
    context = {
        "commune": commune,
        "area": area,
        "page": page,
        "lines": lines,
        "unmasked": unmasked,
        "groups": area.residence_group_list,
        **_link_permissions(actor, commune),
    }
    return render(request, "voters/area_list.html", context)


class ExtractForm(forms.Form):
    election = forms.ModelChoiceField(queryset=Election.objects.none(), label=_("Election"))
    file = forms.FileField(label=_("Population extract (CSV, Parquet or XLSX)"))

    def __init__(self, *args: object, elections: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["election"].queryset = elections  # type: ignore[attr-defined]

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if Path(upload.name).suffix.lower() not in EXTRACT_SUFFIXES:
            raise forms.ValidationError(_("Use a .csv, .parquet or .xlsx file (spec/formats.md §4)."))
        return upload


@login_required
def import_page(request: HttpRequest, province_code: str) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    if not may_import(actor, province):
        raise PermissionDenied
    elections = elections_for_actor(actor).filter(voting_areas__province=province).distinct()
    form = ExtractForm(request.POST or None, request.FILES or None, elections=elections)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        store = Path(settings.FILE_STORE_DIR) / "voter-imports"
        store.mkdir(parents=True, exist_ok=True)
        path = store / f"{uuid.uuid4().hex}{Path(upload.name).suffix.lower()}"
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        election = form.cleaned_data["election"]
        try:
            with transaction.atomic():
                record = start_voter_import(election, province, upload.name, actor=actor)
                do_start_job(
                    Job.Kind.VOTER_IMPORT,
                    actor=actor,
                    province=province,
                    election=election,
                    params={"voter_import_id": record.pk, "upload": str(path)},
                )
        except JobAlreadyActiveError as exc:
            path.unlink(missing_ok=True)
            form.add_error(
                None,
                gettext(
                    "An import of this election's lists for this province is already queued or running "
                    "(job #%(job)s): wait for it to finish."
                )
                % {"job": exc.job.pk},
            )
        else:
            return HttpResponseRedirect(reverse("voters:import_progress", args=[province.code, record.pk]))
    context = {"province": province, "form": form, "imports": queries.province_imports(actor, province)[:20]}
    return render(request, "voters/import.html", context)


@login_required
def import_progress(request: HttpRequest, province_code: str, voter_import_id: int) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    record = queries.access_voter_import_by_id(actor, voter_import_id)
    if record.province_id != province.code:
        raise Http404("voter import")
    jobs = Job.objects.for_actor(actor).filter(kind=Job.Kind.VOTER_IMPORT)
    job = jobs.filter(params__voter_import_id=record.pk).first()
    context = {
        "province": province,
        "record": record,
        "job": job,
        "running": record.status == VoterImport.Status.RUNNING or (job is not None and job.is_active),
        "rejected": queries.rejected_rows(record),
        "problems": [line for line in record.error.splitlines() if line.strip()],
    }
    return render(request, "voters/import_progress.html", context)
