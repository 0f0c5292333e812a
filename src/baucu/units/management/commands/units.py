"""``baucu units``: load, list and convert administrative units.

* ``baucu units load`` — upsert the 34 provinces, 3,321 communes and the merger lineage (idempotent).
* ``baucu units list [--province 20] [--json]`` — provinces, or one province's communes, in code
  order (the official statistical order, stable across spellings); JSON is a list of
  ``{"code", "name", "kind"}``.
* ``baucu units convert "<old address>" [--json]`` — the commune a pre-July-2025 address is in now.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from baucu.units import queries
from baucu.units.conversion import ConversionError, convert_old_address
from baucu.units.models import Province
from baucu.units.services import do_load_units


class Command(BaseCommand):
    help = "Administrative units: load, list, convert old addresses"

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{load,list,convert}")
        actions.add_parser("load", help="load the 34 provinces, 3,321 communes and the merger lineage")
        listing = actions.add_parser("list", help="provinces, or the communes of one province, in code order")
        listing.add_argument("--province", metavar="CODE", help="2-digit province code, e.g. 20 (Lạng Sơn)")
        listing.add_argument("--json", action="store_true", help='a JSON list of {"code","name","kind"}')
        convert = actions.add_parser("convert", help="the new commune of an old (pre-July-2025) address")
        convert.add_argument("address", help='e.g. "Phường Chi Lăng, Thành phố Lạng Sơn, Tỉnh Lạng Sơn"')
        convert.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "load":
            self.stdout.write(f"Loaded {do_load_units()}")
            return
        if not queries.units_loaded():
            raise CommandError("No units loaded: run `baucu units load` first.")
        if action == "list":
            self._list(options["province"], as_json=options["json"])
        else:
            self._convert(options["address"], as_json=options["json"])

    def _list(self, province_code: str | None, *, as_json: bool) -> None:
        rows: list[Any]
        if province_code is None:
            rows = list(Province.objects.order_by("code"))
        else:
            code = province_code.strip().zfill(2)
            province = queries.province_by_code(code)
            if province is None:
                raise CommandError(f"No province with code {province_code!r} (codes: baucu units list).")
            rows = queries.communes_of(province)
        if as_json:
            items = [{"code": r.code, "name": r.name, "kind": r.kind} for r in rows]
            self.stdout.write(json.dumps(items, ensure_ascii=False, indent=2))
            return
        for r in rows:
            self.stdout.write(f"{r.code}  {r.name}  ({r.kind})")

    def _convert(self, address: str, *, as_json: bool) -> None:
        try:
            result = convert_old_address(address)
        except ConversionError as error:
            raise CommandError(str(error)) from error
        commune, province, former = result.commune, result.commune.province, result.former
        if as_json:
            payload = {
                "code": commune.code,
                "name": commune.name,
                "kind": commune.kind,
                "province": {"code": province.code, "name": province.name},
                "former": {
                    "code": former.code,
                    "name": former.name,
                    "district": former.district_name,
                    "province": former.province_name,
                },
                "also_part_of": [{"code": c.code, "name": c.name} for c in result.others],
            }
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{commune.code}  {commune.name}, {province.name} ({province.code})")
        self.stdout.write(f"  was: {former}")
        if result.others:
            others = ", ".join(f"{c.code} {c.name}" for c in result.others)
            self.stdout.write(f"  {former.name} was split; parts also went to: {others}")
