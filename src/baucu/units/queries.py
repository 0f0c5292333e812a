"""Reads of administrative units.

Units are public reference data, the same for every actor, so these reads take no actor; the
jurisdiction-scoped reads of other apps filter *by* these units.
"""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from baucu.units.models import Commune, FormerUnit, Province
from baucu.units.names import match_key, search_key


def provinces_with_counts() -> QuerySet[Province]:
    """The provinces in code order, annotated with ``units`` and ``<kind>_count`` for each kind."""
    return Province.objects.annotate(
        units=Count("communes"),
        communes_count=Count("communes", filter=Q(communes__kind=Commune.Kind.COMMUNE)),
        wards_count=Count("communes", filter=Q(communes__kind=Commune.Kind.WARD)),
        special_zones_count=Count("communes", filter=Q(communes__kind=Commune.Kind.SPECIAL_ZONE)),
    ).order_by("code")


def province_by_code(code: str) -> Province | None:
    return Province.objects.filter(code=code).first()


def communes_of(province: Province | str, *, search: str = "", by_name: bool = False) -> list[Commune]:
    """The province's communes in code order (or Vietnamese alphabetical order of name).

    ``search`` matches anywhere in the name, ignoring case and diacritics ("ky lua" finds
    "Phường Kỳ Lừa"); when the query itself has diacritics and some names match them exactly
    (tone placement aside), only those are kept, so "Đông" does not drown in "Đồng".
    """
    rows = Commune.objects.filter(province=province).order_by("name" if by_name else "code")
    query = search.strip()
    if not query:
        return list(rows)
    found = list(rows.filter(search_key__contains=search_key(query)))
    exact_key = match_key(query)
    if exact_key != search_key(query):
        exact = [c for c in found if exact_key in match_key(c.name)]
        if exact:
            return exact
    return found


def successors_of(former: FormerUnit) -> list[tuple[Commune, bool]]:
    """New communes a former unit became, the default (largest part) first."""
    return [
        (line.commune, line.is_default)
        for line in former.lineage.select_related("commune__province").order_by("-is_default", "commune")
    ]


def counts_of(province: Province | None = None) -> dict[str, int]:
    """Units by kind (``commune``, ``ward``, ``special_zone``) and ``total``, nationwide or in a province."""
    rows = Commune.objects.all() if province is None else Commune.objects.filter(province=province)
    counts = dict.fromkeys(Commune.Kind.values, 0)
    for kind, n in rows.values_list("kind").annotate(n=Count("code")).order_by():
        counts[kind] = n
    counts["total"] = sum(counts.values())
    return counts


def national_totals() -> dict[str, int]:
    return {"provinces": Province.objects.count(), **counts_of()}


def units_loaded() -> bool:
    return Commune.objects.exists()
