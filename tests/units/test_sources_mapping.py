"""The two packages disagree on 123 ward codes; names (normalised) decide, vietnam-provinces' codes win."""

import sqlite3
from importlib.util import find_spec
from pathlib import Path

from baucu.units import sources
from baucu.units.names import match_key


def _theirs() -> list[tuple[str, str, str]]:
    spec = find_spec("vietnamadminunits")
    assert spec is not None
    assert spec.submodule_search_locations
    db = Path(next(iter(spec.submodule_search_locations))) / "data" / "dataset.db"
    with sqlite3.connect(db) as connection:
        return list(connection.execute("SELECT provinceCode, wardCode, ward FROM admin_units"))


def test_every_vietnamadminunits_unit_matches_exactly_one_of_ours_by_name():
    _, communes = sources.current_units()
    ours: dict[tuple[str, str], str] = {}
    for c in communes:
        key = (c.province_code, match_key(c.name))
        assert key not in ours, f"two units share the key {key}"
        ours[key] = c.code
    theirs = _theirs()
    assert len(theirs) == len(ours) == 3321
    mapped = {ours[(province, match_key(name))] for province, _code, name in theirs}
    assert len(mapped) == 3321
    differing = [code for province, code, name in theirs if ours[(province, match_key(name))] != code]
    assert len(differing) == 123


def test_spelling_differences_between_the_packages_are_matched():
    _, communes = sources.current_units()
    hue = {match_key(c.name): c.name for c in communes if c.province_code == "46"}
    assert hue[match_key("Xã Chân Mây-Lăng Cô")] == hue[match_key("Xã Chân Mây - Lăng Cô")]


def test_lineage_points_only_at_current_units_and_gives_each_former_unit_one_default():
    _, communes = sources.current_units()
    codes = {c.code for c in communes}
    formers, lineage = sources.former_units_and_lineage()
    assert len(formers) == 10040
    assert {row.commune_code for row in lineage} == codes  # every new unit has a predecessor
    defaults: dict[str, int] = {}
    for row in lineage:
        defaults[row.former_code] = defaults.get(row.former_code, 0) + row.is_default
    assert set(defaults) == {f.code for f in formers}
    assert set(defaults.values()) == {1}
