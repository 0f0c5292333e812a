"""``baucu voters transform`` (spec/formats.md §6) on small hand-made extracts."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from voter_extracts import Run, make_id, person, write_csv

from baucu.voters.pipeline.read import COLUMNS
from baucu.voters.pipeline.transform import EXCLUDED_COLUMNS, REJECTED_COLUMNS, VOTER_COLUMNS


def test_exact_output_columns(run: Run) -> None:
    r = run([person()])
    assert r.code == 0
    assert r.header("voters.csv") == [
        "voting_area_id", "seq", "personal_id", "full_name", "birth_date", "gender", "ethnicity",
        "votes_na", "votes_provincial", "votes_commune", "basis",
    ]  # fmt: skip
    assert tuple(pq.read_table(r.out / "voters.parquet").column_names) == VOTER_COLUMNS
    assert r.header("rejected.csv") == ["row", "personal_id", "code", "message"] == list(REJECTED_COLUMNS)
    assert r.header("excluded.csv") == ["personal_id", "code"] == list(EXCLUDED_COLUMNS)
    assert set(r.summary) >= {"totals", "voting_areas", "rejected", "excluded", "manual_decisions"}


def test_born_exactly_18_years_before_election_day_is_listed_one_day_later_is_not__art_2(run: Run) -> None:
    on, after = person("2008-03-15"), person("2008-03-16")
    r = run([on, after])
    assert r.voter(on["personal_id"])["votes_na"] == "true"
    assert r.excluded == {after["personal_id"]: "under_age"}


def test_year_only_birth_dates__form_31_note(run: Run) -> None:
    older, cutoff_year, younger = person("2007"), person("2008"), person("2009")
    r = run([older, cutoff_year, younger])
    assert r.voter(older["personal_id"])["birth_date"] == "2007"
    assert r.excluded == {
        cutoff_year["personal_id"]: "manual_decision_birth_year",
        younger["personal_id"]: "under_age",
    }
    assert r.summary["manual_decisions"]["manual_decision_birth_year"]["count"] == 1


def test_each_exclusion_status_is_excluded_with_its_code__art_30_1(run: Run) -> None:
    statuses = [
        "deprived_of_voting_rights",
        "death_sentence",
        "imprisoned",
        "lost_civil_capacity",
        "deceased",
    ]
    rows = [person(status=s) for s in statuses]
    r = run([*rows, person()])
    assert r.excluded == {row["personal_id"]: s for row, s in zip(rows, statuses, strict=True)}
    assert len(r.voters) == 1
    assert r.summary["excluded"]["by_code"] == dict.fromkeys(sorted(statuses), 1)


def test_status_is_checked_before_age(run: Run) -> None:
    child = person("2015-01-01", status="deceased")
    assert run([child]).excluded == {child["personal_id"]: "deceased"}


def _temporary(since: str, **fields: str) -> dict[str, str]:
    temporary = {
        "temporary_commune_code": "06001",
        "temporary_residence_group": "Khối 1",
        "temporary_since": since,
        "vote_at_temporary": "true",
    }
    return person(**(temporary | fields))


def test_temporary_residence_of_exactly_12_months_votes_three_levels__art_29_3(run: Run) -> None:
    twelve, short = _temporary("2025-03-15"), _temporary("2025-03-16")
    r = run([twelve, short])
    full, two = r.voter(twelve["personal_id"]), r.voter(short["personal_id"])
    assert full["voting_area_id"] == two["voting_area_id"] == "06001-KV01"
    assert (full["basis"], full["votes_na"], full["votes_provincial"], full["votes_commune"]) == (
        "temporary_12m", "true", "true", "true",
    )  # fmt: skip
    assert (two["basis"], two["votes_na"], two["votes_provincial"], two["votes_commune"]) == (
        "temporary", "true", "true", "false",
    )  # fmt: skip


def test_temporary_resident_who_did_not_ask_is_listed_at_permanent_residence(run: Run) -> None:
    stays = _temporary("2020-01-01", vote_at_temporary="false")
    v = run([stays]).voter(stays["personal_id"])
    assert (v["voting_area_id"], v["basis"], v["votes_commune"]) == ("06040-KV01", "permanent", "true")


def test_temporary_residence_without_date_is_listed_for_two_levels_and_flagged_manual(run: Run) -> None:
    unknown = _temporary("")
    r = run([unknown])
    assert r.voter(unknown["personal_id"])["basis"] == "temporary"
    assert r.summary["manual_decisions"]["temporary_since_unknown"]["personal_ids"] == [
        unknown["personal_id"]
    ]


def test_facility_and_armed_forces_voters_vote_na_and_provincial__art_29_5(run: Run) -> None:
    soldier = person(facility_code="QS01", facility_kind="military", permanent_commune_code="06001")
    patient = person(facility_code="BV01", facility_kind="hospital")
    detainee = person(facility_code="BV01", facility_kind="detention")
    r = run([soldier, patient, detainee])
    for row, area in ((soldier, "06040-KV03"), (patient, "06040-KV04"), (detainee, "06040-KV04")):
        v = r.voter(row["personal_id"])
        assert (v["voting_area_id"], v["basis"]) == (area, "facility")
        assert (v["votes_na"], v["votes_provincial"], v["votes_commune"]) == ("true", "true", "false")


def test_facility_wins_over_temporary_residence(run: Run) -> None:
    both = _temporary("2020-01-01", facility_code="QS01", facility_kind="military")
    assert run([both]).voter(both["personal_id"])["basis"] == "facility"


def test_every_row_with_a_duplicated_id_is_rejected_and_none_listed(run: Run) -> None:
    a = person()
    b = person(name="Hoàng Thị Bình", gender="M", personal_id=a["personal_id"])
    c = person(personal_id=a["personal_id"], status="deceased")
    r = run([a, b, c, person()])
    assert [(x["row"], x["code"]) for x in r.rejected] == [
        ("1", "duplicate_personal_id"),
        ("2", "duplicate_personal_id"),
        ("3", "duplicate_personal_id"),
    ]
    assert a["personal_id"] not in {v["personal_id"] for v in r.voters}
    assert a["personal_id"] not in r.excluded
    assert r.summary["rejected"] == {"rows": 3, "by_code": {"duplicate_personal_id": 3}}


def test_data_errors_are_rejected_with_stable_codes_and_row_numbers(run: Run) -> None:
    good = person()
    rows = [
        good,
        person(personal_id="02008000012"),  # 11 digits
        person(birth_date="1980-02-30"),
        person(birth_date="01/05/1980"),
        person(permanent_commune_code="99999"),
        person(permanent_residence_group="Thôn Không Có"),
        person(personal_id=make_id(1981, False, 999_001)),  # born 1980
        person(gender="F", personal_id=make_id(1980, False, 999_002)),
        person(gender="X"),
        person(facility_code="XX99", facility_kind="military"),
        person(status="emigrated"),
    ]
    r = run(rows)
    assert [(x["row"], x["code"]) for x in r.rejected] == [
        ("2", "bad_personal_id"),
        ("3", "bad_birth_date"),
        ("4", "bad_birth_date"),
        ("5", "unknown_commune"),
        ("6", "unmapped_residence_group"),
        ("7", "id_inconsistent_with_birth_year"),
        ("8", "id_inconsistent_with_sex"),
        ("9", "bad_gender"),
        ("10", "unknown_facility"),
        ("11", "unknown_status"),
    ]
    assert [v["personal_id"] for v in r.voters] == [good["personal_id"]]
    assert all(x["message"] for x in r.rejected)


def test_residence_group_matches_regardless_of_tone_placement_and_case(run: Run) -> None:
    # The plan says "Khối 1"; the extract writes it in another case with extra spaces.
    row = person(permanent_commune_code="06001", permanent_residence_group="  khối  1 ")
    assert run([row]).voter(row["personal_id"])["voting_area_id"] == "06001-KV01"


def test_order_residence_group_then_household_head_first_then_vietnamese_name(run: Run) -> None:
    rows = [
        person(name="Vi Văn Ưng", permanent_residence_group="Thôn B"),
        person(name="Đặng Văn Ân", permanent_residence_group="Thôn A"),
        person(name="Lý Văn Bình", household_id="H2", household_head="true", birth="1950-01-01"),
        person(name="Dương Thị Ánh", gender="F", household_id="H2", household_head="false"),
        person(name="An Văn Anh", permanent_residence_group="Thôn B"),
        person(name="Ân Văn Dung", permanent_residence_group="Thôn A"),
        person(name="Hà Văn Đào", household_id="H1", household_head="false"),
        person(name="Nông Văn Hải", household_id="H1", household_head="true"),
    ]
    r = run(rows)
    area = [v for v in r.voters if v["voting_area_id"] == "06040-KV01"]
    assert [v["full_name"] for v in area] == [
        "Nông Văn Hải",  # Thôn A (first in the plan), household H1, head first
        "Hà Văn Đào",
        "Lý Văn Bình",  # household H2, head first
        "Dương Thị Ánh",
        "Ân Văn Dung",  # Thôn A, no household: Vietnamese order (Ân < Đặng)
        "Đặng Văn Ân",
        "An Văn Anh",  # Thôn B
        "Vi Văn Ưng",
    ]
    assert [int(v["seq"]) for v in area] == list(range(1, 9))


def test_seq_is_contiguous_per_area_and_summary_counts_contests(run: Run) -> None:
    rows = [person() for _ in range(3)] + [person(permanent_residence_group="Thôn C") for _ in range(2)]
    rows += [_temporary("2025-12-01")]
    r = run(rows)
    by_area: dict[str, list[int]] = {}
    for v in r.voters:
        by_area.setdefault(v["voting_area_id"], []).append(int(v["seq"]))
    assert by_area == {"06001-KV01": [1], "06040-KV01": [1, 2, 3], "06040-KV02": [1, 2]}
    totals = r.summary["totals"]
    assert (totals["voters"], totals["na"], totals["provincial"], totals["commune"]) == (6, 6, 6, 5)


def test_names_are_normalised_to_nfc(run: Run) -> None:
    row = person(name=unicodedata.normalize("NFD", "Nguyễn Thị Thuỷ"), gender="F")
    row["personal_id"] = make_id(1980, True, 424_242)
    assert run([row]).voter(row["personal_id"])["full_name"] == unicodedata.normalize(
        "NFC", "Nguyễn Thị Thuỷ"
    )


def test_utf8_bom_is_accepted(run: Run, tmp_path: Path) -> None:
    row = person(name="Hoàng Văn Đức")
    r = run(population=write_csv(tmp_path / "bom.csv", [row], encoding="utf-8-sig"))
    assert r.voter(row["personal_id"])["full_name"] == "Hoàng Văn Đức"


def _cp1258(text: str) -> bytes:
    """Windows-1258 as old tools write it: base letters, tones as combining marks after them."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def test_windows_1258_file_is_converted_to_nfc(run: Run, tmp_path: Path) -> None:
    row = person(name="Nguyễn Thị Thuỷ Ưng", gender="F", ethnicity="Nùng", permanent_residence_group="Thôn A")
    row["personal_id"] = make_id(1980, True, 777_001)
    text = (write_csv(tmp_path / "u.csv", [row])).read_text(encoding="utf-8")
    path = tmp_path / "cp1258.csv"
    path.write_bytes(_cp1258(text))
    r = run(population=path)
    assert r.code == 0
    v = r.voter(row["personal_id"])
    assert (v["full_name"], v["ethnicity"]) == ("Nguyễn Thị Thuỷ Ưng", "Nùng")


# TCVN3 (ABC) lower-case letters and the upper-case letters it has (TCVN 5712:1993, VN3).
_TCVN3 = dict(
    zip(
        "ĂÂÊÔƠƯĐăâêôơưđàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ",
        bytes(range(0xA1, 0xAF))
        + bytes([0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB])
        + bytes([0xCC, 0xCE, 0xCF, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE])
        + bytes([0xDF, 0xE1, 0xE2, 0xE3, 0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9, 0xEA, 0xEB, 0xEC, 0xED, 0xEE])
        + bytes([0xEF, 0xF1, 0xF2, 0xF3, 0xF4, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE]),
        strict=True,
    )
)


def test_tcvn3_file_is_refused_with_a_message_naming_file_and_encoding(run: Run, tmp_path: Path) -> None:
    rows = [person(name="Nguyễn Văn Đặng", ethnicity="Nùng") for _ in range(5)]
    text = write_csv(tmp_path / "u.csv", rows).read_text(encoding="utf-8")
    path = tmp_path / "tcvn3.csv"
    path.write_bytes(b"".join(bytes([_TCVN3[c]]) if c in _TCVN3 else c.encode("ascii") for c in text.lower()))
    r = run(population=path)
    assert r.code == 2
    error = json.loads(r.stdout)
    (problem,) = error["problems"]
    assert problem["code"] == "encoding_tcvn3"
    assert str(path) in problem["message"]
    assert "TCVN3" in problem["message"]
    assert "UTF-8" in problem["message"]
    assert not r.out.exists()


def test_missing_column_exits_2_naming_file_and_column_and_writes_nothing(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("personal_id,full_name\n020080000001,Nguyễn Văn An\n", encoding="utf-8")
    r = run(population=path)
    assert r.code == 2
    problems = json.loads(r.stdout)["problems"]
    assert {p["code"] for p in problems} == {"missing_column"}
    assert any("birth_date" in p["where"] and str(path) in p["where"] for p in problems)
    assert not r.out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out")]  # no temp dir left behind


def _table(rows: list[dict[str, str]]) -> pa.Table:
    return pa.table({c: pa.array([r[c] or None for r in rows], pa.string()) for c in COLUMNS})


def test_parquet_and_xlsx_inputs_give_the_same_lists_as_csv(run: Run, tmp_path: Path) -> None:
    rows = [
        person(),
        person("2008-03-16"),
        _temporary("2025-03-15"),
        person(status="imprisoned"),
        person("1950"),
    ]
    from_csv = run(rows)
    pq.write_table(_table(rows), tmp_path / "p.parquet")
    from_parquet = run(population=tmp_path / "p.parquet")
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[c] or None for c in COLUMNS])
    book.save(tmp_path / "p.xlsx")
    from_xlsx = run(population=tmp_path / "p.xlsx")
    assert from_csv.voters == from_parquet.voters == from_xlsx.voters
    assert from_csv.excluded == from_parquet.excluded == from_xlsx.excluded
    assert len(from_csv.voters) == 3


def test_rerun_replaces_earlier_output(run: Run, tmp_path: Path) -> None:
    first = run([person()])
    second_rows = [person(), person()]
    plan = tmp_path / "areas.csv"
    from baucu.voters.pipeline.cli import main

    population = write_csv(tmp_path / "again.csv", second_rows)
    argv = ["--election-day", "2026-03-15", "--population", str(population), "--areas", str(plan)]
    assert main([*argv, "--out", str(first.out), "--quiet"]) == 0
    assert len(first.voters) == 2


def test_short_or_non_numeric_identity_numbers_are_rejected_not_fatal(run: Run) -> None:
    # A malformed id must be one rejected row, never a failed run for the whole extract.
    good = person()
    rows = [good, person(personal_id="123"), person(personal_id=""), person(personal_id="abcdefghijkl")]
    r = run(rows)
    assert [(x["row"], x["code"]) for x in r.rejected] == [
        ("2", "bad_personal_id"),
        ("3", "bad_personal_id"),
        ("4", "bad_personal_id"),
    ]
    assert [v["personal_id"] for v in r.voters] == [good["personal_id"]]


def test_a_duplicated_id_padded_with_spaces_is_the_same_id(run: Run) -> None:
    # The id is trimmed before anything else: " 0…1 " and "0…1" are one citizen listed twice.
    a = person()
    padded = person(name="Lò Văn Bình", personal_id=f"\u00a0{a['personal_id']} ")
    r = run([a, padded, person()])
    assert [(x["row"], x["code"]) for x in r.rejected] == [
        ("1", "duplicate_personal_id"),
        ("2", "duplicate_personal_id"),
    ]
    assert a["personal_id"] not in {v["personal_id"] for v in r.voters}


def test_a_duplicated_malformed_id_is_rejected_for_both_reasons(run: Run) -> None:
    good = person()
    r = run([person(personal_id="12345"), good, person(personal_id="12345"), person(personal_id="")])
    assert [(x["row"], x["code"]) for x in r.rejected] == [
        ("1", "bad_personal_id"),
        ("1", "duplicate_personal_id"),
        ("3", "bad_personal_id"),
        ("3", "duplicate_personal_id"),
        ("4", "bad_personal_id"),  # an empty id is missing, not a duplicate of another missing one
    ]
    assert [v["personal_id"] for v in r.voters] == [good["personal_id"]]


def test_an_under_age_duplicate_is_rejected_not_excluded(run: Run) -> None:
    adult = person()
    child = person(birth="2015-01-01", personal_id=adult["personal_id"])
    r = run([adult, child])
    assert r.voters == []
    assert r.excluded == {}
    assert r.summary["excluded"] == {"total": 0, "by_code": {}}
    assert r.summary["rejected"]["by_code"]["duplicate_personal_id"] == 2


def test_values_padded_with_spaces_or_no_break_spaces_are_trimmed(run: Run) -> None:
    p = person(permanent_commune_code="\u00a006040 ", gender=" F", birth=" 1980-05-01\u00a0")
    p["personal_id"] = make_id(1980, True, 7)
    r = run([p])
    assert [(v["personal_id"], v["gender"], v["birth_date"]) for v in r.voters] == [
        (p["personal_id"], "F", "1980-05-01")
    ]


def _duckdb_csv(parquet: Path, csv_path: Path) -> bytes:
    import duckdb

    con = duckdb.connect()
    con.execute(f"COPY (SELECT * FROM read_parquet('{parquet}')) TO '{csv_path}' (HEADER, DELIMITER ',')")
    return csv_path.read_bytes()


def test_voters_csv_is_what_duckdb_writes_for_the_same_rows(run: Run, tmp_path: Path) -> None:
    # voters.csv is written by Arrow when no value needs quoting; it must be DuckDB's CSV byte for byte.
    rows = [
        person(name="Nguyễn Văn An", personal_id=make_id(1980, False, 1)),
        person(name="Hoàng Thị Ánh", gender="F", personal_id=make_id(1980, True, 2)),
        person(name="Hà Văn Ưng", personal_id=make_id(1980, False, 3), ethnicity="H'Mông"),
    ]
    r = run(rows)
    assert len(r.voters) == 3
    assert (r.out / "voters.csv").read_bytes() == _duckdb_csv(r.out / "voters.parquet", tmp_path / "d.csv")


def test_a_name_with_a_comma_or_an_empty_ethnicity_is_quoted_as_duckdb_does(run: Run, tmp_path: Path) -> None:
    # Arrow refuses to write these unquoted; DuckDB then writes the CSV, quoting what needs it.
    comma = person(name='Nguyễn Văn "Tý", An', personal_id=make_id(1980, False, 1))
    blank = person(name="Lò Thị Bình", gender="F", ethnicity="", personal_id=make_id(1980, True, 2))
    for rows in ([comma], [blank]):
        r = run(rows)
        assert (r.out / "voters.csv").read_bytes() == _duckdb_csv(
            r.out / "voters.parquet", tmp_path / "d.csv"
        )
        assert [v["full_name"] for v in r.voters] == [rows[0]["full_name"]]
        assert [v["ethnicity"] for v in r.voters] == [rows[0]["ethnicity"]]
