"""Upload pages of the bulk imports (/bo/bau-cu/...): one form, one report, for every kind.

A province committee uploads its NA and provincial-council constituencies and its Committee and
Boards; a commune committee its council's constituencies, its Committee, Boards and Teams, and its
voting areas. A rejected upload shows every problem by file, row, field and rule and offers the file's
rows back, each with its problems, as a CSV to correct and upload again.
"""

from __future__ import annotations

import base64
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.queries import access_commune_by_code, access_province_by_code
from baucu.accounts.session import actor_for
from baucu.elections import queries
from baucu.elections.body_import import do_import_bodies
from baucu.elections.constituency_import import do_import_constituencies
from baucu.elections.forms import ImportForm
from baucu.elections.import_templates import TEMPLATES
from baucu.elections.imports import ImportRejected, do_import_voting_areas, read_rows, spec_csv, spec_xlsx
from baucu.elections.models import Election
from baucu.units.models import Commune, Province

Importer = Callable[..., int]


@dataclass(frozen=True)
class TemplateLink:
    label: str
    url: str


def _language() -> str:
    return "en" if (translation.get_language() or "vi").startswith("en") else "vi"


def _links(*kinds: str) -> list[TemplateLink]:
    base = reverse("elections:template", args=["KIND"])
    links = []
    for kind in kinds:
        url = base.replace("KIND", kind)
        links += [TemplateLink(f"{kind}.xlsx", f"{url}?dinh-dang=xlsx"), TemplateLink(f"{kind}.csv", url)]
    return links


def upload_page(
    request: HttpRequest,
    actor: Actor,
    *,
    election: Election,
    place: Province | Commune,
    importer: Importer,
    title: str,
    done: str,
    back: str,
    templates: list[TemplateLink],
    only_province: str,
    only_commune: str | None = None,
) -> HttpResponse:
    """The upload form; on POST, the all-or-nothing import and either a redirect or the report."""
    if not queries.may_change(
        actor,
        Jurisdiction.commune(only_province, only_commune)
        if only_commune
        else Jurisdiction.province(only_province),
        election,
    ):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    rejected: ImportRejected | None = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        with tempfile.NamedTemporaryFile(suffix=suffix) as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
            handle.flush()
            try:
                count = importer(
                    election,
                    read_rows(Path(handle.name)),
                    file=upload.name,
                    justification=form.cleaned_data["justification"],
                    only_province=only_province,
                    only_commune=only_commune,
                    actor=actor,
                )
            except ImportRejected as exc:
                rejected = exc
            except (ValueError, KeyError, UnicodeDecodeError, OSError, IndexError):
                form.add_error("file", _("The file cannot be read: use the CSV or XLSX template."))
            else:
                messages.success(request, done % {"count": count})
                return HttpResponseRedirect(back)
    language = _language()
    context = {
        "form": form,
        "election": election,
        "place": place,
        "title": title,
        "back": back,
        "templates": templates,
        "language": language,
        "problems": [(p, p.text(language)) for p in rejected.problems] if rejected else [],
        "report": base64.b64encode(rejected.report_csv(language).encode()).decode() if rejected else "",
        "report_name": f"bao-cao-loi-{Path(form.cleaned_data['file'].name).stem}.csv" if rejected else "",
    }
    return render(request, "elections/import.html", context)


@login_required
def template_download(request: HttpRequest, kind: str) -> HttpResponse:
    """A blank template (with example rows): no jurisdiction data, the same for everyone."""
    spec = TEMPLATES.get(kind)
    if spec is None:
        raise Http404("template")
    if request.GET.get("dinh-dang") == "xlsx":
        response = HttpResponse(
            spec_xlsx(spec), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{spec.filename}.xlsx"'
        return response
    response = HttpResponse("\ufeff" + spec_csv(spec), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{spec.filename}.csv"'
    return response


# ---------------------------------------------------------------- province pages


@login_required
def province_constituency_import(request: HttpRequest, election_id: int, province_code: str) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    election = queries.access_election_by_id(actor, election_id)
    return upload_page(
        request,
        actor,
        election=election,
        place=province,
        importer=do_import_constituencies,
        title=_("Import NA and provincial-council constituencies"),
        done=_("%(count)s constituencies imported."),
        back=reverse("elections:province", args=[election.pk, province.code]),
        templates=_links("constituencies"),
        only_province=province.code,
    )


@login_required
def province_body_import(request: HttpRequest, election_id: int, province_code: str) -> HttpResponse:
    actor = actor_for(request)
    province = access_province_by_code(actor, province_code)
    election = queries.access_election_by_id(actor, election_id)
    return upload_page(
        request,
        actor,
        election=election,
        place=province,
        importer=do_import_bodies,
        title=_("Import the Election Committee and Boards with their members"),
        done=_("%(count)s election bodies formed."),
        back=reverse("elections:province", args=[election.pk, province.code]),
        templates=_links("bodies"),
        only_province=province.code,
    )


# ---------------------------------------------------------------- commune pages


def _commune_upload(
    request: HttpRequest,
    election_id: int,
    commune_code: str,
    importer: Importer,
    title: str,
    done: str,
    kind: str,
) -> HttpResponse:
    actor = actor_for(request)
    commune = access_commune_by_code(actor, commune_code)
    election = queries.access_election_by_id(actor, election_id)
    templates = _links(kind)
    if kind == "voting-areas":  # the CSV template with this commune's code filled in
        templates.insert(
            0,
            TemplateLink("CSV", reverse("elections:voting_area_template", args=[election.pk, commune.code])),
        )
    return upload_page(
        request,
        actor,
        election=election,
        place=commune,
        importer=importer,
        title=title,
        done=done,
        back=reverse("elections:commune", args=[election.pk, commune.code]),
        templates=templates,
        only_province=commune.province_id,
        only_commune=commune.code,
    )


def _voting_areas(election: Election, rows: list[dict[str, str]], **kwargs: object) -> int:
    kwargs.pop("only_province", None)
    return do_import_voting_areas(election, rows, **kwargs)  # type: ignore[arg-type]


@login_required
def commune_constituency_import(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    return _commune_upload(
        request,
        election_id,
        commune_code,
        do_import_constituencies,
        _("Import commune-council constituencies"),
        _("%(count)s constituencies imported."),
        "commune-constituencies",
    )


@login_required
def commune_body_import(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    return _commune_upload(
        request,
        election_id,
        commune_code,
        do_import_bodies,
        _("Import the Election Committee, Boards and Teams with their members"),
        _("%(count)s election bodies formed."),
        "bodies",
    )


@login_required
def voting_area_import(request: HttpRequest, election_id: int, commune_code: str) -> HttpResponse:
    return _commune_upload(
        request,
        election_id,
        commune_code,
        _voting_areas,
        _("Import voting areas"),
        _("%(count)s voting areas imported."),
        "voting-areas",
    )
