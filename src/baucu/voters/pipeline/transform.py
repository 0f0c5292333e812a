"""Population extract + voting-area plan → voter lists (spec/formats.md §6), set-based in DuckDB.

The law's parameters come from ``baucu.law.voters`` through ``rules``. Two short passes over the
extract collect its distinct names (cleaned and ranked in Vietnamese order once each) and residence
groups (matched to the plan once each); then one query classifies every row and sorts them all, the
listed voters first in the order of their lists. The sorted rows come back as Arrow batches: the
duplicated ids are found among them (``_Duplicates``), and ``list_files`` numbers and writes the lists.
Per citizen:

1. **Rejected** (``rejected.csv``): the row is wrong. Every problem of the row is reported, one line
   each, in the order of ``REJECTION_CODES``; a row with any problem is not listed. Every row that
   carries a duplicated personal_id is rejected (none of them is listed).
2. **Excluded** (``excluded.csv``): a valid row lawfully not listed: the status (Art. 30(1), or
   deceased; checked first, as the law core does), under 18 on election day (Art. 2), or a birth date
   the law core cannot settle, which a person must decide: ``manual_decision_birth_year`` (year only,
   in the cut-off year) and ``manual_decision_leap_day`` (born 29 February, law core docstring).
3. **Listed** (``voters.parquet``, ``voters.csv``) at the facility when ``facility_code`` is set, at the
   temporary residence when the voter asked for it and one is given, else at the permanent residence
   (§4); basis and contests from the law core (Art. 29(3), 29(5)). A temporary residence without a
   registration date is listed as ``temporary`` (NA + provincial) and reported in
   ``summary.json["manual_decisions"]`` because the law core marks it for a manual decision.

Order on a voting area's list: residence group in plan order, household (book number; members of a
household together, head first), Vietnamese name order (``COLLATE vi``), then personal_id so that the
order, and so ``seq`` (the voter-card number), is the same on every run.

All output is written to a temporary directory next to ``out`` and moved into place only when
everything succeeded: a failure leaves no partial output.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from baucu.voters.pipeline.encoding import VIETNAMESE_LETTERS
from baucu.voters.pipeline.list_files import write_lists
from baucu.voters.pipeline.plan import read_plan, residence_group_key
from baucu.voters.pipeline.problems import invalid
from baucu.voters.pipeline.read import load_extract
from baucu.voters.pipeline.rules import RuleParameters, rule_parameters, sql_list, sql_literal, sql_path

VOTER_COLUMNS = (
    "voting_area_id",
    "seq",
    "personal_id",
    "full_name",
    "birth_date",
    "gender",
    "ethnicity",
    "votes_na",
    "votes_provincial",
    "votes_commune",
    "basis",
)
REJECTED_COLUMNS = ("row", "personal_id", "code", "message")
EXCLUDED_COLUMNS = ("personal_id", "code")

# Stable codes of rejected rows, in reporting order, with their messages.
REJECTION_CODES: dict[str, str] = {
    "bad_personal_id": "personal_id is not 12 digits",
    "bad_birth_date": "birth_date is not YYYY-MM-DD or YYYY, or is before 1900 or after election day",
    "bad_gender": "gender is not M or F",
    "missing_full_name": "full_name is empty",
    "id_inconsistent_with_birth_year": "digits 4–6 of personal_id do not match the birth year",
    "id_inconsistent_with_sex": "digit 4 of personal_id does not match the gender",
    "duplicate_personal_id": "the same personal_id is on more than one row; none of them is listed",
    "unknown_status": "status is not one of the values of spec/formats.md §4",
    "unknown_commune": "the commune where the voter is listed is not in the voting-area plan",
    "unmapped_residence_group": "the residence group is not in the voting-area plan of its commune",
    "unknown_facility": "facility_code is not in the voting-area plan",
    "unknown_facility_kind": "facility_kind is not hospital, care, detention, compulsory or military",
    "bad_vote_at_temporary": "vote_at_temporary is not true or false",
    "bad_household_head": "household_head is not true or false",
    "bad_temporary_since": "temporary_since is not a date (YYYY-MM-DD)",
    "temporary_since_after_election_day": "temporary residence registered after election day",
}
MANUAL_EXCLUSIONS = ("manual_decision_birth_year", "manual_decision_leap_day")

Progress = Callable[[str], None]
# DuckDB's own cap (it spills to disk beyond it). The sorted rows are held as Arrow batches in Python
# until every id has been seen (see _Duplicates), on top of it: at 10 M citizens the process peaked at
# 2.8 GB with this cap, inside the 4 GB budget of docs/performance.md, as fast as with 2,500 MB (3.6 GB).
DEFAULT_MEMORY_LIMIT = "1800MB"
# A character that is not ASCII or a precomposed Vietnamese letter (see ``_classify``).
_NOT_SURELY_NFC = "[^\\x{1}-\\x{7F}" + VIETNAMESE_LETTERS + "]"
# A value that starts or ends with a space or a no-break space (see ``_trim`` in ``_classify``).
_PADDED = "t LIKE ' %' OR t LIKE '% ' OR t LIKE '\u00a0%' OR t LIKE '%\u00a0'"
# The columns kept of a row not listed.
_NOT_LISTED = pa.schema(
    [("row", pa.int64()), ("personal_id", pa.string()), ("problems", pa.int32()), ("exclusion", pa.string()),
     ("id_number", pa.int64())]
)  # fmt: skip
_DUPLICATE_BIT = 1 << list(REJECTION_CODES).index("duplicate_personal_id")


def _quiet(_: str) -> None:
    pass


def transform(
    election_day: dt.date,
    population: Path,
    areas: Path,
    out: Path,
    *,
    progress: Progress = _quiet,
    memory_limit: str | None = None,
    threads: int | None = None,
) -> dict[str, Any]:
    """Write the lists of §6 into ``out`` (replacing an earlier transform there); returns the summary."""
    started = time.monotonic()

    def stage(text: str) -> None:
        progress(f"{text} ({time.monotonic() - started:.1f} s)")

    out = out.resolve()
    _check_out(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        staging = work / "out"
        staging.mkdir()
        # Every output is ordered by an ORDER BY (kept whatever this setting); without it the scans,
        # joins and tables in between need not track row order.
        config: dict[str, Any] = {"temp_directory": str(work / "spill"), "preserve_insertion_order": False}
        config["memory_limit"] = memory_limit or DEFAULT_MEMORY_LIMIT
        if threads:
            config["threads"] = threads
        with duckdb.connect(config=config) as con:
            plan = read_plan(areas, work)
            stage(f"plan: {plan.groups.num_rows:,} residence groups, {plan.facilities.num_rows:,} facilities")
            rows = load_extract(con, population, work)
            stage(f"read: {rows:,} rows from {population.name}")
            params = rule_parameters(election_day)
            _classify(con, plan_tables=(plan.groups, plan.facilities), communes=plan.communes, p=params)
            stage("classified: validity, exclusions, basis, voting area")
            summary = _write(con, staging, params)
            summary["input"] = {"population": str(population), "areas": str(areas), "rows": rows}
            (staging / "summary.json").write_text(
                json.dumps(summary, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
            )
            stage(
                f"wrote: {summary['totals']['voters']:,} voters in {len(summary['voting_areas']):,} areas, "
                f"{summary['rejected']['rows']:,} rejected, {summary['excluded']['total']:,} excluded"
            )
        _replace(staging, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return summary


def _check_out(out: Path) -> None:
    """Refuse to replace a directory that is not empty and not an earlier transform's output."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / "summary.json").exists())):
        raise invalid(
            str(out),
            "spec/formats.md §6",
            "out_not_replaceable",
            f"{out}: exists and is not an earlier output of voters transform; choose an empty directory",
        )


def _replace(staging: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old.{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _classify(
    con: duckdb.DuckDBPyConnection,
    *,
    plan_tables: tuple[pa.Table, pa.Table],
    communes: frozenset[str],
    p: RuleParameters,
) -> None:
    groups, facilities = plan_tables
    con.register("plan_groups", groups)
    con.register("plan_facilities", facilities)
    con.register("plan_communes", pa.table({"commune_code": pa.array(sorted(communes), pa.string())}))
    # Voting areas by number in voting_area_id order: the list is sorted on the number, cheaper than the
    # text and in the same order.
    con.execute("""
        CREATE TEMP TABLE areas AS
        SELECT voting_area_id, CAST(row_number() OVER (ORDER BY voting_area_id) AS INTEGER) AS area_idx
        FROM (SELECT voting_area_id FROM plan_groups UNION SELECT voting_area_id FROM plan_facilities)
    """)
    e = sql_literal(p.election_day)
    # NFC-normalising a text costs more than the rest of its checks; a text of ASCII and precomposed
    # Vietnamese letters only is already NFC (none of them decomposes, combines or composes with what
    # precedes it), so only the others are normalised. Same result as nfc_normalize.
    con.execute(
        "CREATE TEMP MACRO _nfc(t) AS"
        f" CASE WHEN regexp_matches(t, '{_NOT_SURELY_NFC}') THEN nfc_normalize(t) ELSE t END"
    )
    # trim() copies every text it is given; most values have nothing to trim, and those that have
    # start or end with a space or a no-break space (_PADDED). Names are trimmed in full, once per
    # distinct name, below.
    con.execute(f"CREATE TEMP MACRO _trim(t) AS CASE WHEN {_PADDED} THEN trim(t) ELSE t END")
    # Names: cleaned (trim, NFC) and ranked in Vietnamese order (COLLATE vi) once per distinct text,
    # about 2 % of the rows. Sorting the list by the rank gives the order of sorting it by
    # ``full_name COLLATE vi`` (names equal under the collation share a rank) without an ICU sort key
    # per voter.
    con.execute("""
        CREATE TEMP TABLE names AS
        SELECT raw_name, full_name,
            CAST(dense_rank() OVER by_name AS INTEGER) AS name_rank,
            CAST(row_number() OVER by_name AS INTEGER) AS name_id
        FROM (SELECT raw_name, NULLIF(_nfc(trim(raw_name)), '') AS full_name
              FROM (SELECT DISTINCT full_name AS raw_name FROM raw WHERE full_name IS NOT NULL))
        WINDOW by_name AS (ORDER BY full_name COLLATE vi)
    """)
    # Where each citizen is listed (spec/formats.md §4), before any check.
    con.execute("""
        CREATE TEMP VIEW placed AS
        SELECT *,
            facility_code IS NOT NULL AS at_facility,
            facility_code IS NULL AND vote_at_temporary = 'true'
                AND temporary_commune_code IS NOT NULL AS at_temp,
            CASE WHEN at_temp THEN temporary_commune_code ELSE permanent_commune_code END AS list_commune,
            CASE WHEN at_temp THEN temporary_residence_group ELSE permanent_residence_group END AS list_group
        FROM (
            SELECT row,
                NULLIF(_trim(personal_id), '') AS personal_id,
                full_name AS raw_name,
                NULLIF(_trim(birth_date), '') AS birth_date,
                upper(_trim(gender)) AS gender,
                _nfc(_trim(ethnicity)) AS ethnicity,
                _trim(permanent_commune_code) AS permanent_commune_code,
                permanent_residence_group,
                NULLIF(_trim(temporary_commune_code), '') AS temporary_commune_code,
                temporary_residence_group,
                NULLIF(_trim(temporary_since), '') AS temporary_since,
                NULLIF(lower(_trim(vote_at_temporary)), '') AS vote_at_temporary,
                NULLIF(_trim(facility_code), '') AS facility_code,
                NULLIF(lower(_trim(facility_kind)), '') AS facility_kind,
                coalesce(_trim(status), '') AS status,
                NULLIF(_trim(household_id), '') AS household_id,
                NULLIF(lower(_trim(household_head)), '') AS household_head
            FROM raw)
    """)
    # Residence groups are matched on the law core's match key, computed once per distinct name: those
    # of the permanent and of the temporary residences, as ``placed`` reads them (a superset of the
    # groups where citizens are listed, from two columns each instead of the seven that decide).
    names = con.execute("""
        SELECT _trim(permanent_commune_code), permanent_residence_group FROM raw
        WHERE permanent_residence_group IS NOT NULL
        UNION
        SELECT NULLIF(_trim(temporary_commune_code), ''), temporary_residence_group FROM raw
        WHERE temporary_residence_group IS NOT NULL
    """).fetchall()
    con.register(
        "group_names",
        pa.table(
            {
                "list_commune": pa.array([n[0] for n in names], pa.string()),
                "list_group": pa.array([n[1] for n in names], pa.string()),
                "group_key": pa.array([residence_group_key(n[1]) for n in names], pa.string()),
            }
        ),
    )
    con.execute("""
        CREATE TEMP TABLE group_areas AS
        SELECT n.list_commune, n.list_group, a.area_idx, a.voting_area_id,
            CAST(g.group_order AS INTEGER) AS group_order
        FROM group_names n JOIN plan_groups g ON g.commune_code = n.list_commune AND g.group_key = n.group_key
            JOIN areas a USING (voting_area_id)
    """)
    con.execute("""
        CREATE TEMP TABLE facility_areas AS
        SELECT facility_code, a.area_idx, a.voting_area_id
        FROM plan_facilities JOIN areas a USING (voting_area_id)
    """)
    # Each row's problems as a bit mask (bit i: the i-th code of REJECTION_CODES); the codes are spelled
    # out only for the few rejected rows, when rejected.csv is written.
    checks = {
        "bad_personal_id": "NOT id_ok",
        "bad_birth_date": "NOT birth_ok",
        "bad_gender": "NOT coalesce(gender_ok, false)",
        "missing_full_name": "full_name IS NULL",
        "id_inconsistent_with_birth_year": (
            "id_ok AND birth_ok AND (TRY_CAST(substr(personal_id, 5, 2) AS INTEGER) <> byear % 100"
            " OR id_century_sex // 2 <> byear // 100 - 19)"
        ),
        "id_inconsistent_with_sex": (
            "id_ok AND gender_ok AND id_century_sex % 2 <> CAST(gender = 'F' AS INTEGER)"
        ),
        "duplicate_personal_id": "false",  # found after the sort, see _Duplicates
        "unknown_status": f"status NOT IN {sql_list(p.known_statuses)}",
        "unknown_commune": "NOT at_facility AND NOT coalesce(commune_known, false)",
        "unmapped_residence_group": "NOT at_facility AND commune_known AND group_area IS NULL",
        "unknown_facility": "at_facility AND facility_area IS NULL",
        "unknown_facility_kind": f"at_facility AND facility_kind NOT IN {sql_list(p.facility_kinds)}",
        "bad_vote_at_temporary": "vote_at_temporary NOT IN ('true', 'false')",
        "bad_household_head": "household_head NOT IN ('true', 'false')",
        "bad_temporary_since": "at_temp AND temporary_since IS NOT NULL AND since IS NULL",
        "temporary_since_after_election_day": f"at_temp AND since > {e}",
    }
    assert tuple(checks) == tuple(REJECTION_CODES)
    problems = " | ".join(
        f"CASE WHEN {c} THEN {1 << i} ELSE 0 END" for i, c in enumerate(checks.values()) if c != "false"
    )
    # A basis by its position in the law core's table (_write turns it back into basis and contests).
    basis_code = (
        "CAST(CASE basis "
        + " ".join(f"WHEN {sql_literal(b)} THEN {i}" for i, (b, *_) in enumerate(p.contests))
        + " END AS UTINYINT) AS basis_code"
    )
    con.execute(f"""
        CREATE TEMP VIEW classified AS
        WITH parsed AS (
            SELECT c.*, nm.full_name, nm.name_rank, nm.name_id,
                regexp_full_match(coalesce(personal_id, ''), '[0-9]{{12}}') AS id_ok,
                CASE WHEN regexp_full_match(birth_date, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')
                     THEN try_cast(birth_date AS DATE) END AS bdate,
                -- strlen (bytes, constant time) first: the expression is tried on every row.
                CASE WHEN strlen(birth_date) = 4 AND regexp_full_match(birth_date, '[0-9]{{4}}')
                     THEN CAST(birth_date AS INTEGER) END AS byear_only,
                CASE WHEN regexp_full_match(temporary_since, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')
                     THEN try_cast(temporary_since AS DATE) END AS since,
                coalesce(year(bdate), byear_only) AS byear,
                coalesce(byear >= 1900 AND coalesce(bdate <= {e}, byear_only <= year({e})), false)
                    AS birth_ok,
                gender IN ('M', 'F') AS gender_ok,
                -- TRY_CAST: a malformed id is rejected as bad_personal_id, never fatal for the run.
                TRY_CAST(substr(personal_id, 4, 1) AS INTEGER) AS id_century_sex,
                ga.area_idx AS group_area, ga.group_order, ga.voting_area_id AS group_area_id,
                fa.area_idx AS facility_area, fa.voting_area_id AS facility_area_id,
                list_commune IN (SELECT commune_code FROM plan_communes) AS commune_known
            FROM placed c
            LEFT JOIN names nm USING (raw_name)
            LEFT JOIN group_areas ga USING (list_commune, list_group)
            LEFT JOIN facility_areas fa USING (facility_code)
        ),
        checked AS (
            SELECT *, {problems} AS problems
            FROM parsed
        )
        SELECT *, problems = 0 AND exclusion IS NULL AS listed, {basis_code}
        FROM (
            SELECT row, personal_id, full_name, name_rank, name_id, birth_date, gender, ethnicity,
                household_id, coalesce(household_head = 'true', false) AS head,
                coalesce(group_order, 0) AS group_order,
                CASE WHEN at_facility THEN facility_area ELSE group_area END AS area_idx,
                CASE WHEN at_facility THEN facility_area_id ELSE group_area_id END AS voting_area_id,
                problems,
                CASE WHEN problems <> 0 THEN NULL
                     WHEN status IN {sql_list(p.not_listed_statuses)} THEN status
                     WHEN bdate = {sql_literal(p.manual_birth_date)} THEN 'manual_decision_leap_day'
                     WHEN bdate > {sql_literal(p.latest_birth_date)} THEN 'under_age'
                     WHEN byear_only = {sql_literal(p.manual_birth_year)} THEN 'manual_decision_birth_year'
                     WHEN byear_only > {p.latest_certain_birth_year} THEN 'under_age'
                END AS exclusion,
                CASE WHEN at_facility THEN 'facility'
                     WHEN at_temp AND (since IS NULL OR since > {sql_literal(p.temporary_12m_since)})
                          THEN 'temporary'
                     WHEN at_temp THEN 'temporary_12m'
                     ELSE 'permanent' END AS basis,
                at_temp AND since IS NULL AS since_unknown,
                -- The id as a number where it is 12 digits (for _Duplicates).
                CASE WHEN id_ok THEN CAST(personal_id AS BIGINT) END AS id_number
            FROM checked)
    """)


def _write(con: duckdb.DuckDBPyConnection, staging: Path, p: RuleParameters) -> dict[str, Any]:
    # One pass over the classified rows, sorted: the listed voters first, in the order of their lists
    # (area, then residence group in plan order, household with its head first, Vietnamese name order,
    # id), then the rows not listed in input order. The listed go to list_files, which numbers and
    # writes them; the others (about a quarter) are kept for rejected.csv and excluded.csv. No table of
    # the ten million classified rows is built, and what goes through the sort is kept small: the area,
    # the name, the gender, the basis and the exclusion by number (turned back into texts and contests
    # by ``_ListColumns`` and ``not_listed_columns``), and for a row not listed only what rejected.csv
    # and excluded.csv need.
    # An exclusion by its position in this list (a number is cheaper to sort than a text).
    exclusions = [*p.not_listed_statuses, "under_age", *MANUAL_EXCLUSIONS]
    exclusion_list = "[" + ", ".join(sql_literal(x) for x in exclusions) + "]"
    query = f"""
        SELECT listed, area_idx, CASE WHEN listed THEN name_id END AS name_id, personal_id,
            CASE WHEN listed THEN birth_date END AS birth_date,
            CASE WHEN listed THEN gender = 'F' END AS female,
            CASE WHEN listed THEN ethnicity END AS ethnicity,
            CASE WHEN listed THEN basis_code END AS basis_code,
            listed AND since_unknown AS since_unknown, row, problems, id_number,
            CAST(list_position({exclusion_list}, exclusion) AS UTINYINT) AS exclusion_code
        FROM classified
        -- The key packed into three columns (a shorter key sorts faster): the listed first, by area
        -- and residence group, the others by input row; household; head first, name rank, id (a
        -- listed voter's personal_id is 12 digits, below 2^40: as a number it sorts as the text does).
        ORDER BY
            CASE WHEN listed THEN (CAST(area_idx AS BIGINT) << 32) | group_order
                 ELSE (1::BIGINT << 62) | row END,
            CASE WHEN listed THEN household_id END NULLS LAST,
            CASE WHEN listed THEN (CAST(NOT head AS HUGEINT) << 71) | (CAST(name_rank AS HUGEINT) << 40)
                                  | TRY_CAST(personal_id AS BIGINT) END
    """
    columns = _ListColumns(con, p)
    # The whole result at once: DuckDB builds an Arrow table on all its threads, a reader on one.
    result = con.sql(query).to_arrow_table()
    exclusion_texts = pa.array([None, *exclusions], pa.string())  # list_position counts from 1

    def not_listed_columns(batch: pa.RecordBatch) -> pa.RecordBatch:
        code = pc.fill_null(batch.column("exclusion_code"), 0).cast(pa.int32())
        return pa.RecordBatch.from_arrays(
            [*(batch.column(c) for c in ("row", "personal_id", "problems")), exclusion_texts.take(code),
             batch.column("id_number")],
            schema=_NOT_LISTED,
        )  # fmt: skip

    # The listed rows are the first ``n_listed`` (sorted so): two slices, nothing copied.
    n_listed = pc.sum(result.column("listed")).as_py() or 0
    listed_parts = result.slice(0, n_listed).to_batches()
    not_listed_parts = [not_listed_columns(b) for b in result.slice(n_listed).to_batches()]
    # Only now, with every id seen, are the duplicates known: the lists are written after.
    duplicates = _Duplicates(listed_parts + not_listed_parts)
    kept: list[tuple[pa.RecordBatch, pa.Array | None]] = []  # a part, and which of its rows to keep
    since_unknown: list[pa.RecordBatch] = []
    for part in listed_parts:
        twice = duplicates.among(part)
        keep = None
        if twice is not None:
            not_listed_parts.append(not_listed_columns(part.filter(twice)))
            keep = pc.invert(twice)
        unknown = part.column("since_unknown")
        if pc.any(unknown).as_py():
            if twice is not None:
                unknown = pc.and_(unknown, keep)
            since_unknown.append(part.filter(unknown).select(["row", "personal_id"]))
        kept.append((part, keep))

    def lists() -> Iterator[pa.RecordBatch]:  # filtered here, while write_lists's threads write
        for part, keep in kept:
            if keep is not None:
                part = part.filter(keep)
            if part.num_rows:
                yield columns(part)

    not_listed = pa.Table.from_batches([duplicates.rejected(b) for b in not_listed_parts], _NOT_LISTED)
    unknown_schema = pa.schema([result.schema.field("row"), result.schema.field("personal_id")])
    # rejected.csv, excluded.csv and their counts (DuckDB, on a cursor of its own) while the lists are
    # written (Arrow's writers).
    others = _NotListedWriter(con, not_listed, pa.Table.from_batches(since_unknown, unknown_schema), staging)
    parquet = staging / "voters.parquet"
    try:
        write_lists(con, lists(), columns.schema, parquet, staging / "voters.csv")
    finally:
        not_listed_summary = others.result()
    return _summary(con, parquet, p, not_listed_summary)


class _NotListedWriter(threading.Thread):
    """Writes rejected.csv and excluded.csv and counts them, in a thread; ``result`` waits for it."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, not_listed: pa.Table, since_unknown: pa.Table, staging: Path
    ) -> None:
        super().__init__(daemon=True)
        self.cursor = con.cursor()
        self.cursor.register("not_listed", not_listed)
        self.cursor.register("since_unknown", since_unknown)
        self.staging = staging
        self.summary: dict[str, Any] = {}
        self.error: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.summary = _write_not_listed(self.cursor, self.staging)
        except BaseException as exc:  # re-raised by result() in the caller's thread
            self.error = exc

    def result(self) -> dict[str, Any]:
        self.join()
        self.cursor.close()
        if self.error is not None:
            raise self.error
        return self.summary


def _write_not_listed(con: duckdb.DuckDBPyConnection, staging: Path) -> dict[str, Any]:
    messages = pa.table(
        {
            "code": pa.array(list(REJECTION_CODES), pa.string()),
            "message": pa.array(list(REJECTION_CODES.values()), pa.string()),
            "priority": pa.array(range(len(REJECTION_CODES)), pa.int64()),
        }
    )
    con.register("rejection_messages", messages)
    con.execute(f"""
        COPY (
            SELECT row, personal_id, code, m.message
            FROM (SELECT row, personal_id, problems FROM not_listed WHERE problems <> 0) c
            JOIN rejection_messages m ON (c.problems >> m.priority) & 1 = 1
            ORDER BY row, m.priority
        ) TO '{sql_path(staging / "rejected.csv")}' (HEADER, DELIMITER ',')
    """)
    con.execute(f"""
        COPY (SELECT personal_id, exclusion AS code FROM not_listed WHERE exclusion IS NOT NULL ORDER BY row)
        TO '{sql_path(staging / "excluded.csv")}' (HEADER, DELIMITER ',')
    """)
    return _not_listed_summary(con)


class _Duplicates:
    """The personal_ids on more than one row (spec/formats.md §6: every such row is rejected, none
    listed), found in the sorted batches: the 12-digit ids as numbers, sorted (numpy sorts ten million
    in a fraction of the time DuckDB takes to group their texts), the others, few, as texts."""

    def __init__(self, batches: list[pa.RecordBatch]) -> None:
        numbers = [pc.drop_null(b.column("id_number")).to_numpy() for b in batches]
        ids = np.sort(np.concatenate(numbers)) if numbers else np.empty(0, np.int64)
        self.numbers = pa.array(np.unique(ids[1:][ids[1:] == ids[:-1]]), pa.int64())
        texts = [b.filter(pc.is_null(b.column("id_number"))).column("personal_id") for b in batches]
        counts = pc.value_counts(pa.chunked_array(texts, pa.string()).combine_chunks())
        self.texts = pc.drop_null(counts.filter(pc.greater(counts.field("counts"), 1)).field("values"))
        self.any = len(self.numbers) > 0 or len(self.texts) > 0

    def among(self, batch: pa.RecordBatch) -> pa.Array | None:
        """Which rows of ``batch`` carry a duplicated id (None: none)."""
        if not self.any:
            return None
        numbers = batch.column("id_number")
        twice = pc.is_in(numbers, value_set=self.numbers)
        if len(self.texts) and numbers.null_count:  # an id that is not 12 digits (not on a list)
            texts = pc.is_in(batch.column("personal_id"), value_set=self.texts)
            twice = pc.or_(twice, pc.and_(pc.is_null(numbers), texts))
        twice = pc.fill_null(twice, False)
        return twice if pc.any(twice).as_py() else None

    def rejected(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        """``batch`` (the columns of _NOT_LISTED) with its duplicated ids rejected: the problem added,
        the exclusion (a lawful reason not to list a valid row) removed."""
        twice = self.among(batch)
        if twice is None:
            return batch
        problems = batch.column("problems")
        return pa.RecordBatch.from_arrays(
            [
                batch.column("row"),
                batch.column("personal_id"),
                pc.if_else(
                    twice, pc.bit_wise_or(problems, pa.scalar(_DUPLICATE_BIT, problems.type)), problems
                ),
                pc.if_else(twice, pa.scalar(None, pa.string()), batch.column("exclusion")),
                batch.column("id_number"),
            ],
            schema=batch.schema,
        )


class _ListColumns:
    """A sorted batch's columns as list_files takes them: the area's number, then the columns of
    voters.parquet but ``seq``. The voting area, name, gender and basis are dictionary arrays over the
    tables of areas, names, genders and bases (no text is copied); the contests are looked up by basis."""

    def __init__(self, con: duckdb.DuckDBPyConnection, p: RuleParameters) -> None:
        self.areas = (
            con.sql("SELECT voting_area_id FROM areas ORDER BY area_idx").to_arrow_table()[0].combine_chunks()
        )
        self.names = (
            con.sql("SELECT full_name FROM names ORDER BY name_id").to_arrow_table()[0].combine_chunks()
        )
        self.basis = pa.array([b for b, *_ in p.contests], pa.string())
        self.genders = pa.array(["M", "F"], pa.string())  # by ``female``
        self.votes = [pa.array([flags[i] for _, *flags in p.contests], pa.bool_()) for i in range(3)]
        text = pa.dictionary(pa.int32(), pa.string())
        self.schema = pa.schema(
            [("area_idx", pa.int32()), ("voting_area_id", text), ("personal_id", pa.string()),
             ("full_name", text), ("birth_date", pa.string()), ("gender", text),
             ("ethnicity", pa.string()), ("votes_na", pa.bool_()), ("votes_provincial", pa.bool_()),
             ("votes_commune", pa.bool_()), ("basis", text)]
        )  # fmt: skip

    def __call__(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        area = batch.column("area_idx").cast(pa.int32())
        basis = batch.column("basis_code").cast(pa.int32())
        return pa.RecordBatch.from_arrays(
            [
                area,
                pa.DictionaryArray.from_arrays(pc.subtract(area, 1), self.areas),
                batch.column("personal_id"),
                pa.DictionaryArray.from_arrays(pc.subtract(batch.column("name_id"), 1), self.names),
                batch.column("birth_date"),
                pa.DictionaryArray.from_arrays(batch.column("female").cast(pa.int32()), self.genders),
                batch.column("ethnicity"),
                *(v.take(basis) for v in self.votes),
                pa.DictionaryArray.from_arrays(basis, self.basis),
            ],
            schema=self.schema,
        )


def _counts(rows: list[tuple[Any, ...]]) -> dict[str, int]:
    return {str(k): int(v) for k, v in rows}


def _not_listed_summary(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The counts of the rows not listed, and the listed voters whose temporary residence has no date."""
    rejected_by_code = _counts(
        con.execute(
            "SELECT m.code, count(*) FROM (SELECT problems FROM not_listed WHERE problems <> 0) c"
            " JOIN rejection_messages m ON (c.problems >> m.priority) & 1 = 1 GROUP BY m.code ORDER BY m.code"
        ).fetchall()
    )
    rejected_rows = con.execute("SELECT count(*) FROM not_listed WHERE problems <> 0").fetchall()[0][0]
    excluded = _counts(
        con.execute(
            "SELECT exclusion, count(*) FROM not_listed WHERE exclusion IS NOT NULL GROUP BY 1 ORDER BY 1"
        ).fetchall()
    )
    since_unknown = [
        r[0] for r in con.execute("SELECT personal_id FROM since_unknown ORDER BY row").fetchall()
    ]
    return {
        "rejected": {"rows": int(rejected_rows), "by_code": rejected_by_code},
        "excluded": {"total": sum(excluded.values()), "by_code": excluded},
        "manual_decisions": {
            code: {"count": excluded.get(code, 0), "listed": False, "where": "excluded.csv"}
            for code in MANUAL_EXCLUSIONS
        }
        | {
            "temporary_since_unknown": {
                "count": len(since_unknown),
                "listed": True,
                "basis": "temporary",
                "personal_ids": since_unknown,
            }
        },
    }


def _summary(
    con: duckdb.DuckDBPyConnection, voters_parquet: Path, p: RuleParameters, not_listed: dict[str, Any]
) -> dict[str, Any]:
    rel = con.execute(f"""
        SELECT voting_area_id, count(*) AS voters,
            count_if(gender = 'M') AS male, count_if(gender = 'F') AS female,
            count_if(votes_na) AS na, count_if(votes_provincial) AS provincial,
            count_if(votes_commune) AS commune,
            count_if(basis = 'permanent') AS permanent, count_if(basis = 'temporary_12m') AS temporary_12m,
            count_if(basis = 'temporary') AS temporary, count_if(basis = 'facility') AS facility
        FROM read_parquet('{sql_path(voters_parquet)}')
        GROUP BY voting_area_id ORDER BY voting_area_id
    """)
    names = [d[0] for d in rel.description or []]
    areas = [dict(zip(names, r, strict=True)) for r in rel.fetchall()]
    totals = {k: sum(a[k] for a in areas) for k in names[1:]}
    return {
        "election_day": p.election_day.isoformat(),
        "rules": {
            "latest_eligible_birth_date": p.latest_birth_date.isoformat(),
            "temporary_12m_since_cutoff": p.temporary_12m_since.isoformat(),
            "source": "baucu.law.voters.pipeline_parameters",
        },
        "totals": totals,
        "voting_areas": areas,
        "rejected": not_listed["rejected"],
        "excluded": not_listed["excluded"],
        "manual_decisions": not_listed["manual_decisions"],
    }
