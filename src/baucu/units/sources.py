"""Read the two installed data packages into plain rows.

* ``vietnam-provinces`` is the authority for the units in force and their codes (34 / 3,321).
* ``vietnamadminunits`` has the pre-merger units and the conversion table (which former units became
  which new one). Its new-unit codes differ from the authority's for 123 wards although the names
  agree, so its new units are matched to ours by normalised name within the province, never by code.

Both are read from their data files directly: importing the packages themselves builds large enums
and regular expressions we do not need for loading.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from baucu.units.names import clean, match_key

_PROVINCE_KINDS = {"tỉnh": "province", "thành phố trung ương": "city"}
_COMMUNE_KINDS = {
    "xã": ("commune", "Xã "),
    "phường": ("ward", "Phường "),
    "đặc khu": ("special_zone", "Đặc khu "),
}


class SourceError(Exception):
    """The installed data packages do not fit together (e.g. an unmatched name after an upgrade)."""


@dataclass(frozen=True)
class ProvinceRow:
    code: str
    name: str
    short_name: str
    kind: str
    codename: str
    phone_code: int | None


@dataclass(frozen=True)
class CommuneRow:
    code: str
    name: str
    short_name: str
    kind: str
    province_code: str
    codename: str


@dataclass(frozen=True)
class FormerRow:
    code: str
    name: str
    kind: str
    district_code: str
    district_name: str
    province_code: str
    province_name: str


@dataclass(frozen=True)
class LineageRow:
    former_code: str
    commune_code: str
    is_default: bool


def _package_dir(name: str) -> Path:
    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SourceError(f"package {name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def _strip_prefix(name: str, prefix: str) -> str:
    return name[len(prefix) :] if name.startswith(prefix) else name


@cache
def current_units() -> tuple[tuple[ProvinceRow, ...], tuple[CommuneRow, ...]]:
    """Provinces and communes in force, from ``vietnam-provinces``."""
    path = _package_dir("vietnam_provinces") / "data" / "nested-divisions.json"
    provinces: list[ProvinceRow] = []
    communes: list[CommuneRow] = []
    for p in json.loads(path.read_text(encoding="utf-8")):
        kind = _PROVINCE_KINDS[p["division_type"]]
        bare = clean(p["name"])
        # The source writes "Thành phố Hà Nội" but plain "Lạng Sơn": store both forms uniformly.
        short = _strip_prefix(bare, "Thành phố ")
        full = bare if kind == "city" else f"Tỉnh {bare}"
        code = f"{p['code']:02d}"
        provinces.append(ProvinceRow(code, full, short, kind, p["codename"], p.get("phone_code")))
        for w in p["wards"]:
            commune_kind, prefix = _COMMUNE_KINDS[w["division_type"]]
            name = clean(w["name"])
            communes.append(
                CommuneRow(
                    f"{w['code']:05d}", name, _strip_prefix(name, prefix), commune_kind, code, w["codename"]
                )
            )
    return tuple(provinces), tuple(communes)


def _conversion_data() -> tuple[sqlite3.Connection, dict[str, dict[str, object]]]:
    data = _package_dir("vietnamadminunits") / "data"
    converter = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    connection = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
    return connection, converter


@cache
def former_units_and_lineage() -> tuple[tuple[FormerRow, ...], tuple[LineageRow, ...]]:
    """Pre-merger units and which new commune(s) each became, from ``vietnamadminunits``."""
    _, communes = current_units()
    ours = {(c.province_code, match_key(c.name)): c.code for c in communes}
    connection, converter = _conversion_data()
    try:
        new_code: dict[tuple[str, str], str] = {}
        for province_code, province_key, ward, ward_key in connection.execute(
            "SELECT provinceCode, provinceKey, ward, wardKey FROM admin_units"
        ):
            code = ours.get((province_code, match_key(ward)))
            if code is None:
                raise SourceError(f"vietnamadminunits unit {ward!r} (province {province_code}) is not ours")
            new_code[(province_key, ward_key)] = code
        formers: list[FormerRow] = []
        former_code: dict[str, str] = {}
        for row in connection.execute(
            "SELECT provinceCode, province, provinceKey, districtCode, district, districtKey,"
            " wardCode, ward, wardKey, wardType, districtType FROM admin_units_legacy"
        ):
            (p_code, p_name, p_key, d_code, d_name, d_key, w_code, w_name, w_key, w_type, d_type) = row
            if w_code is None:  # an island district without communes (see FormerUnit)
                w_code, w_name, w_type = d_code, d_name, d_type
            formers.append(
                FormerRow(w_code, clean(w_name), w_type, d_code, clean(d_name), p_code, clean(p_name))
            )
            former_code[f"{p_key}_{d_key}_{w_key or ''}"] = w_code
    finally:
        connection.close()

    lineage: list[LineageRow] = []
    undivided: dict[str, dict[str, list[str]]] = converter["DICT_PROVINCE_WARD_NO_DIVIDED"]  # type: ignore[assignment]
    for province_key, wards in undivided.items():
        for ward_key, old_keys in wards.items():
            for old_key in old_keys:
                lineage.append(LineageRow(former_code[old_key], new_code[(province_key, ward_key)], True))
    divided: dict[str, dict[str, list[dict[str, object]]]] = converter["DICT_PROVINCE_WARD_DIVIDED"]  # type: ignore[assignment]
    for province_key, olds in divided.items():
        for old_key, parts in olds.items():
            for part in parts:
                commune = new_code[(province_key, str(part["newWardKey"]))]
                lineage.append(LineageRow(former_code[old_key], commune, bool(part["isDefaultNewWard"])))
    return tuple(formers), tuple(lineage)
