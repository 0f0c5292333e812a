"""The only writer of units: load the packaged reference data into the database.

Loading is all-or-nothing (one transaction) and idempotent: rows are upserted by code, so a re-run
leaves the same rows and keeps every foreign key that other apps hold to provinces and communes.
Units are reference data shipped with the code, not a user's decision, so the load takes no actor
and writes no audit event; the package versions it came from are reported instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import version

from django.db import transaction

from baucu.units import sources
from baucu.units.models import Commune, FormerUnit, Lineage, Province
from baucu.units.names import search_key


@dataclass(frozen=True)
class LoadReport:
    provinces: int
    communes: int
    former_units: int
    lineage: int

    def __str__(self) -> str:
        return (
            f"{self.provinces} provinces, {self.communes} communes "
            f"(vietnam-provinces {version('vietnam-provinces')}); "
            f"{self.former_units} former units, {self.lineage} lineage rows "
            f"(vietnamadminunits {version('vietnamadminunits')})"
        )


def do_load_units(*, lineage: bool = True) -> LoadReport:
    """Upsert the 34 provinces and 3,321 communes and, unless ``lineage=False``, the merger lineage."""
    province_rows, commune_rows = sources.current_units()
    former_rows, lineage_rows = sources.former_units_and_lineage() if lineage else ((), ())
    with transaction.atomic():
        Province.objects.bulk_create(
            [Province(**vars(row)) for row in province_rows],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["name", "short_name", "kind", "codename", "phone_code"],
        )
        Commune.objects.bulk_create(
            [
                Commune(
                    code=row.code,
                    name=row.name,
                    short_name=row.short_name,
                    kind=row.kind,
                    province_id=row.province_code,
                    codename=row.codename,
                    search_key=search_key(row.name),
                )
                for row in commune_rows
            ],
            update_conflicts=True,
            unique_fields=["code"],
            update_fields=["name", "short_name", "kind", "province", "codename", "search_key"],
        )
        if lineage:
            _load_lineage(former_rows, lineage_rows)
    return LoadReport(
        Province.objects.count(), Commune.objects.count(), FormerUnit.objects.count(), Lineage.objects.count()
    )


def _load_lineage(
    former_rows: tuple[sources.FormerRow, ...], lineage_rows: tuple[sources.LineageRow, ...]
) -> None:
    FormerUnit.objects.bulk_create(
        [FormerUnit(**vars(row)) for row in former_rows],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=["name", "kind", "district_code", "district_name", "province_code", "province_name"],
    )
    wanted = {(row.former_code, row.commune_code): row.is_default for row in lineage_rows}
    existing = {
        (former, commune): (pk, is_default)
        for pk, former, commune, is_default in Lineage.objects.values_list(
            "pk", "former_id", "commune_id", "is_default"
        )
    }
    stale = [pk for key, (pk, _) in existing.items() if key not in wanted]
    if stale:
        Lineage.objects.filter(pk__in=stale).delete()
    Lineage.objects.bulk_create(
        [
            Lineage(former_id=former, commune_id=commune, is_default=is_default)
            for (former, commune), is_default in wanted.items()
            if (former, commune) not in existing
        ]
    )
    changed = [
        Lineage(pk=pk, is_default=wanted[key])
        for key, (pk, is_default) in existing.items()
        if key in wanted and wanted[key] != is_default
    ]
    Lineage.objects.bulk_update(changed, ["is_default"])
