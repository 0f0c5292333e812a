"""The synthetic population: deterministic by seed, consistent ids, what the counts say it holds."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from baucu.synth.cli import main as synth_main
from baucu.synth.places import communes_of
from baucu.synth.population import PopulationSpec, population
from baucu.voters.pipeline.cli import main as transform_main
from baucu.voters.pipeline.read import COLUMNS

SMALL = PopulationSpec(size=20_000, seed=7, chunk_size=8_000)


@pytest.fixture(scope="module")
def small() -> tuple[pa.Table, dict[str, int]]:
    pop = population(SMALL)
    return pop.table(), dict(pop.counts)


def test_lang_son_has_65_communes_from_vietnam_provinces() -> None:
    communes = communes_of(20)
    assert len(communes) == 65
    assert all(len(c.code) == 5 and c.code.isdigit() for c in communes)
    assert (
        sum(c.is_ward for c in communes) == 4
    )  # Tam Thanh, Kỳ Lừa, Lương Văn Tri, Đông Kinh (law.md [4.12])


def test_same_seed_same_rows_other_seed_other_rows(small: tuple[pa.Table, dict[str, int]]) -> None:
    table, _ = small
    assert population(SMALL).table().equals(table)
    other = population(PopulationSpec(size=20_000, seed=8, chunk_size=8_000)).table()
    assert not other.equals(table)


def test_columns_are_those_of_the_extract(small: tuple[pa.Table, dict[str, int]]) -> None:
    assert tuple(small[0].column_names) == COLUMNS


def test_ids_unique_and_consistent_with_birth_year_and_sex(small: tuple[pa.Table, dict[str, int]]) -> None:
    table, counts = small
    rows = table.to_pylist()
    ids = [r["personal_id"] for r in rows]
    assert len(ids) - len(set(ids)) == counts["error_duplicate_personal_id"] // 2
    inconsistent = 0
    for r in rows:
        pid, birth, gender = r["personal_id"], r["birth_date"], r["gender"]
        if not (len(pid) == 12 and pid.isdigit() and birth[:4].isdigit() and gender in "MF"):
            continue
        year = int(birth[:4])
        century, parity = divmod(int(pid[3]), 2)
        ok = pid[4:6] == f"{year % 100:02d}" and century == year // 100 - 19 and parity == (gender == "F")
        inconsistent += not ok
    assert (
        inconsistent
        == counts["error_id_inconsistent_with_birth_year"] + counts["error_id_inconsistent_with_sex"]
    )


def test_names_are_nfc_and_have_surname_middle_given(small: tuple[pa.Table, dict[str, int]]) -> None:
    names = small[0].column("full_name").to_pylist()
    assert all(unicodedata.normalize("NFC", n) == n for n in names)
    assert all(3 <= len(n.split()) <= 4 for n in names)
    women = pc.filter(small[0].column("full_name"), pc.equal(small[0].column("gender"), "F")).to_pylist()
    assert sum(" Thị " in n for n in women) > len(women) / 10


def test_population_holds_every_kind_of_case(small: tuple[pa.Table, dict[str, int]]) -> None:
    _, counts = small
    for key in (
        "minors", "year_only_birth_date", "year_only_in_cutoff_year",
        "temporary_residents", "vote_at_temporary",
        "facility_hospital", "facility_military", "status_imprisoned", "status_deceased",
        "error_bad_personal_id", "error_unknown_commune", "error_duplicate_personal_id",
    ):  # fmt: skip
        assert counts[key] > 0, key
    ethnicities = set(small[0].column("ethnicity").to_pylist())
    assert {"Tày", "Nùng", "Kinh", "Dao"} <= ethnicities


def test_cli_and_transform_agree_with_the_counts(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    argv = ["synth", "population", "--seed", "3", "--size", "12000", "--out", str(out), "--format", "parquet"]
    assert synth_main(argv) == 0
    counts = json.loads((out / "counts.json").read_text())
    lists = tmp_path / "lists"
    args = ["--election-day", "2026-03-15", "--population", str(out / "population.parquet")]
    assert transform_main([*args, "--areas", str(out / "areas.csv"), "--out", str(lists), "--quiet"]) == 0
    summary = json.loads((lists / "summary.json").read_text())
    expected = {k.removeprefix("error_"): v for k, v in counts.items() if k.startswith("error_") and v}
    assert summary["rejected"]["by_code"] == expected
    assert summary["rejected"]["rows"] == sum(expected.values())
    excluded = summary["excluded"]["by_code"]
    assert excluded["under_age"] == counts["minors"]
    assert excluded.get("manual_decision_birth_year", 0) == counts["year_only_in_cutoff_year"]
    assert excluded["imprisoned"] == counts["status_imprisoned"]
    assert summary["totals"]["facility"] > 0


def test_plan_areas_are_of_lawful_size__art_11(tmp_path: Path) -> None:
    out = tmp_path / "synth"
    assert synth_main(["synth", "population", "--seed", "5", "--size", "200000", "--out", str(out)]) == 0
    lists = tmp_path / "lists"
    args = ["--election-day", "2026-03-15", "--population", str(out / "population.csv")]
    assert transform_main([*args, "--areas", str(out / "areas.csv"), "--out", str(lists), "--quiet"]) == 0
    summary = json.loads((lists / "summary.json").read_text())
    residential = [a for a in summary["voting_areas"] if a["facility"] == 0]
    assert residential
    assert all(300 <= a["voters"] <= 4000 for a in residential)
    facility = [a for a in summary["voting_areas"] if a["facility"]]
    assert all(a["facility"] == a["voters"] for a in facility)  # facility areas are separate


def test_formats_csv_parquet_xlsx_hold_the_same_rows(tmp_path: Path) -> None:
    tables = {}
    for fmt in ("csv", "parquet", "xlsx"):
        out = tmp_path / fmt
        assert synth_main(["synth", "population", "--size", "1500", "--out", str(out), "--format", fmt]) == 0
        tables[fmt] = out / f"population.{fmt}"
    parquet = pq.read_table(tables["parquet"])
    csv_ids = (tables["csv"]).read_text(encoding="utf-8").splitlines()[1:]
    assert len(csv_ids) == parquet.num_rows == 1500
    from openpyxl import load_workbook

    sheet = load_workbook(tables["xlsx"], read_only=True).worksheets[0]
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == list(COLUMNS)
