"""Public pages: home, the provinces, one province's communes. Views only read through queries."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from baucu.accounts.session import client_ip
from baucu.public import lookup, throttle
from baucu.public.forms import VoterLookupForm
from baucu.public.models import LookupDailyCount
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


# Every lookup page is padded to a multiple of this size, so its length on the wire says nothing
# about the answer (responses are not compressed: see the view's docstring).
LOOKUP_PAGE_QUANTUM = 16 * 1024


def _padded(response: HttpResponse) -> HttpResponse:
    size = len(response.content)
    gap = (-size - len(b"<!---->\n")) % LOOKUP_PAGE_QUANTUM
    response.content = response.content + b"<!--" + b" " * gap + b"-->\n"
    return response


@sensitive_post_parameters("personal_id", "birth")
@never_cache
@csrf_protect
@require_http_methods(["GET", "POST"])
def voter_lookup(request: HttpRequest) -> HttpResponse:
    """Where do I vote? One page for every outcome; "no match" never says which detail was wrong.

    A throttled lookup gets the same page with a "try later" message and HTTP 429. The page is never
    cached and never gzip-compressed (no GZipMiddleware: compression would leak through the size).
    """
    form = VoterLookupForm(request.POST if request.method == "POST" else None)
    context: dict[str, object] = {"form": form, "answer": None, "throttled": False}
    status = 200
    if request.method == "POST":
        client = client_ip(request)
        outcome = LookupDailyCount.Outcome.INVALID
        if throttle.client_is_limited(client):
            outcome, context["throttled"], status = LookupDailyCount.Outcome.THROTTLED, True, 429
        elif form.is_valid():
            personal_id: str = form.cleaned_data["personal_id"]
            if throttle.identity_is_limited(personal_id):
                outcome, context["throttled"], status = LookupDailyCount.Outcome.THROTTLED, True, 429
            else:
                throttle.note_lookup(client, personal_id)
                answer = lookup.find_listings(personal_id, form.cleaned_data["birth"])
                found = answer.found
                outcome = LookupDailyCount.Outcome.ANSWERED if found else LookupDailyCount.Outcome.NO_MATCH
                context["answer"] = answer
        else:
            throttle.note_lookup(client, None)
        throttle.count_outcome(outcome)
        if context["answer"] is not None or context["throttled"]:
            # Never echo the number back: the page may be on a shared screen, and identical pages for
            # "wrong date of birth" and "not listed" are what keeps the lookup from being a probe.
            context["form"] = VoterLookupForm()
    return _padded(render(request, "public/voter_lookup.html", context, status=status))
