"""Public pages: home, the provinces, one province's communes. Views only read through queries."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from baucu.units import queries


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "public/home.html", {"totals": queries.national_totals()})


def provinces(request: HttpRequest) -> HttpResponse:
    rows = list(queries.provinces_with_counts())
    return render(request, "public/provinces.html", {"provinces": rows, "totals": queries.national_totals()})


def province(request: HttpRequest, code: str) -> HttpResponse:
    found = queries.province_by_code(code)
    if found is None:
        raise Http404("no such province")
    search = request.GET.get("q", "")[:100]
    # Alphabetical in Vietnamese (the database collation): how people look a name up in a list.
    communes = queries.communes_of(found, search=search, by_name=True)
    context = {
        "province": found,
        "communes": communes,
        "search": search,
        "counts": queries.counts_of(found),
    }
    return render(request, "public/province.html", context)
