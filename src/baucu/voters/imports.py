"""Import of a population-database extract into an election's voter lists (issue 6), all-or-nothing.

``do_import_voter_extract(election, province, path, *, actor)``:

1. builds the voting-area plan of spec/formats.md §5 from the election's ``VotingArea`` rows of the
   province: one row per residence group (``VotingArea.residence_groups``, one per line) and one per
   facility area. **A facility area's facility code is ``VotingArea.facility``, stripped and
   NFC-normalised**: the "facility served" field holds the code the population extract puts in
   ``facility_code`` (e.g. ``BV2001`` or the facility's name as the extract spells it);
   ``voting_area_id`` is ``VotingArea.id``;
2. runs the pure transform (``baucu.voters.pipeline.transform.transform``) into a temporary directory;
3. in ONE transaction replaces the province's lists for the election: deletes its ``Voter`` rows,
   loads the new ones (PostgreSQL: ``COPY`` through psycopg 3; SQLite: batched ``executemany``),
   stores every rejected row (``RejectedRow``) and the counts, and writes the audit event. Any failure
   rolls all of it back, so the previous lists stay as they were; a re-import of the same file gives
   the same lists (idempotent).

The single-listing constraint (Art. 29(1), ``voters_single_listing``) is the database's: an identity
number already listed in another province of the same election makes the load fail, with the ids named.

``VoterImport`` is written outside the load transaction so its ``stage`` is visible to the progress
page while the load runs, and a failure is kept with its error.
"""

from __future__ import annotations

import hashlib
import json
import queue
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from baucu.accounts.actor import Actor
from baucu.accounts.jurisdiction import Jurisdiction
from baucu.accounts.permissions import Permission
from baucu.accounts.scoping import unscoped
from baucu.audit.actions import AuditAction
from baucu.audit.events import record_event
from baucu.elections.models import Election, VotingArea
from baucu.law.collation import normalize
from baucu.law.outcome import InvalidInput
from baucu.units.models import Province
from baucu.voters.models import RejectedRow, Voter, VoterImport
from baucu.voters.pipeline.rules import sql_path

Progress = Callable[[str], None]
PLAN_RULE = "spec/formats.md §5"
SINGLE_LISTING_RULE = "Art. 29(1)"
_BATCH = 20_000  # SQLite executemany batch
_MAX_NAMED = 20  # ids named in a single-listing error
_SQLITE_LOAD_CACHE_KIB = 256 * 1024  # page cache of a bulk load on SQLite
# From this many voters on, the load drops the table's secondary indexes (and on PostgreSQL its unique
# and foreign-key constraints) and builds them again after the bulk write, in the same transaction.
BULK_THRESHOLD = 50_000

# Column order of the load (COPY and INSERT alike).
LOAD_COLUMNS = (
    "election_id",
    "province_id",
    "commune_id",
    "voting_area_id",
    "seq",
    "personal_id",
    "full_name",
    "birth_date",
    "birth_year",
    "gender",
    "ethnicity",
    "residence_group",
    "household_id",
    "household_head",
    "permanent_residence",
    "temporary_residence",
    "basis",
    "votes_na",
    "votes_provincial",
    "votes_commune",
    "status",
    "note",
    "temporary_since",
    "voter_import_id",
)


@dataclass(frozen=True)
class ImportProblem:
    """One problem for a person: where (file, row, field), which rule, what is wrong."""

    file: str
    row: int | None
    field: str
    rule: str
    code: str
    message: str

    def __str__(self) -> str:
        where = ", ".join(p for p in (self.file, f"row {self.row}" if self.row else "", self.field) if p)
        return f"{where}: {self.message} [{self.rule}, {self.code}]"


class VoterImportError(Exception):
    """The import was refused; nothing was written to the lists. ``voter_import`` keeps the error."""

    def __init__(self, problems: list[ImportProblem], voter_import: VoterImport | None = None) -> None:
        self.problems = problems
        self.voter_import = voter_import
        super().__init__("; ".join(str(p) for p in problems[:5]))


def _quiet(_: str) -> None:
    pass


def province_jurisdiction(province: Province) -> Jurisdiction:
    return Jurisdiction.province(province.code)


def may_import(actor: Actor, province: Province) -> bool:
    where = province_jurisdiction(province)
    return actor.can(Permission.MANAGE_VOTER_LIST, where) or actor.can(Permission.CHANGE, where)


def facility_code(area: VotingArea) -> str:
    """The facility code of a facility area in the plan (see the module docstring)."""
    return normalize(area.facility.strip()) if area.facility else ""


def plan_rows(election: Election, province: Province) -> list[tuple[str, str, str, str]]:
    """The §5 plan: (commune_code, residence_group, facility_code, voting_area_id) per row."""
    rows: list[tuple[str, str, str, str]] = []
    with unscoped("voter import: the plan of the province being imported"):
        areas = VotingArea.objects.filter(election=election, province=province).order_by(
            "commune_id", "number"
        )
        for area in areas:
            for group in area.residence_group_list:
                rows.append((area.commune_id, group, "", str(area.pk)))
            if area.kind != VotingArea.Kind.RESIDENTIAL and facility_code(area):
                rows.append((area.commune_id, "", facility_code(area), str(area.pk)))
    return rows


def write_plan(rows: list[tuple[str, str, str, str]], path: Path) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["commune_code", "residence_group", "facility_code", "voting_area_id"])
        writer.writerows(rows)
    return path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def start_voter_import(
    election: Election, province: Province, source_name: str, *, actor: Actor
) -> VoterImport:
    """The ``VoterImport`` record an import reports its progress on (status running)."""
    record = VoterImport(
        election=election,
        province=province,
        source_name=source_name[:300],
        source_sha256="",
        stage="queued",
        started_by=actor.username[:150],
    )
    record.save()
    return record


def do_import_voter_extract(
    election: Election,
    province: Province,
    population_path: Path,
    *,
    actor: Actor,
    progress: Progress | None = None,
    voter_import: VoterImport | None = None,
    source_name: str | None = None,
) -> VoterImport:
    """Replace the province's voter lists of ``election`` with those of the extract (all-or-nothing).

    Raises ``VoterImportError`` (problems with file, row, field, rule) when nothing was written.
    """
    from baucu.voters.pipeline.transform import transform

    say = progress or _quiet
    if not may_import(actor, province):
        raise PermissionError("the actor may not import the voter lists of this province")
    record = voter_import or start_voter_import(
        election, province, source_name or population_path.name, actor=actor
    )

    def stage(text: str) -> None:
        record.stage = text[:60]
        record.save(update_fields=["stage"])
        say(text)

    try:
        stage("checking the file")
        if not population_path.is_file():
            raise VoterImportError(
                [
                    ImportProblem(
                        str(population_path), None, "", "spec/formats.md §4", "file_not_found", "no such file"
                    )
                ]
            )
        record.source_sha256 = _sha256(population_path)
        record.save(update_fields=["source_sha256"])
        rows = plan_rows(election, province)
        if not rows:
            raise VoterImportError(
                [
                    ImportProblem(
                        "voting areas",
                        None,
                        "residence_groups",
                        PLAN_RULE,
                        "empty_plan",
                        f"election {election.pk} has no voting areas with residence groups in province "
                        f"{province.code}: set up the voting areas first",
                    )
                ]
            )
        work = Path(tempfile.mkdtemp(prefix="baucu-voter-import-"))
        try:
            plan = write_plan(rows, work / "plan.csv")
            stage("transforming")
            try:
                summary = transform(
                    election.day,
                    population_path,
                    plan,
                    work / "out",
                    progress=lambda t: say(f"transform: {t}"),
                )
            except InvalidInput as exc:
                raise VoterImportError(
                    [
                        ImportProblem(
                            str(population_path) if "plan" not in p.where else "voting areas",
                            None,
                            p.where,
                            p.rule,
                            p.code,
                            p.message,
                        )
                        for p in exc.problems
                    ]
                ) from exc
            _load(
                election, province, record, work / "out", summary, stage, actor=actor,
                population=population_path, work=work,
            )  # fmt: skip
        finally:
            shutil.rmtree(work, ignore_errors=True)
    except VoterImportError as exc:
        _fail(record, exc, actor)
        exc.voter_import = record
        raise
    except Exception as exc:
        _fail(
            record,
            VoterImportError([ImportProblem(record.source_name, None, "", "", "failed", str(exc))]),
            actor,
        )
        raise
    say(
        f"done: {record.voters_listed:,} voters listed, {record.rows_rejected:,} rows rejected, "
        f"{record.rows_excluded:,} excluded"
    )
    return record


def _fail(record: VoterImport, exc: VoterImportError, actor: Actor) -> None:
    record.status = VoterImport.Status.FAILED
    record.stage = "failed"
    record.error = "\n".join(str(p) for p in exc.problems)[:20_000]
    record.finished_at = timezone.now()
    record.save(update_fields=["status", "stage", "error", "finished_at"])
    with transaction.atomic():
        record_event(
            AuditAction.VOTER_IMPORT_FAILED,
            actor=actor,
            jurisdiction=province_jurisdiction(record.province),
            election_key=str(record.election_id),
            object_type="voter_import",
            object_id=record.pk,
            new_value={
                "file": record.source_name,
                "sha256": record.source_sha256,
                "problems": len(exc.problems),
            },
            disposition="failure",
        )


def do_fail_voter_import(record: VoterImport, reason: str, *, actor: Actor) -> None:
    """Record an import that ended without running to the end (its background worker died)."""
    problem = ImportProblem(record.source_name, None, "", "", "abandoned", reason)
    _fail(record, VoterImportError([problem]), actor)


def _stored_summary(summary: dict[str, Any]) -> dict[str, Any]:
    """summary.json without the personal ids it lists (those stay in the lists themselves)."""
    stored = json.loads(json.dumps(summary, default=str))
    unknown = stored.get("manual_decisions", {}).get("temporary_since_unknown", {})
    unknown.pop("personal_ids", None)
    stored.pop("input", None)
    return stored


# Columns that vary per voter; the others are the same for the whole load (constants in the SQL).
VARYING_COLUMNS = tuple(
    c for c in LOAD_COLUMNS if c not in ("election_id", "province_id", "status", "note", "voter_import_id")
)  # in load order


def _constants(election: Election, province: Province, record: VoterImport) -> dict[str, str]:
    if not province.code.isdigit():
        raise ValueError(f"province code {province.code!r} is not numeric")
    return {
        "election_id": str(int(election.pk)),
        "province_id": f"'{province.code}'",
        "status": "'listed'",
        "note": "''",
        "voter_import_id": str(int(record.pk)),
    }


def _load_sql(out: Path, constants: dict[str, str], *, sqlite: bool) -> str:
    """The rows to load, in list order: the varying columns (SQLite) or every column (COPY)."""
    parquet = sql_path(out / "voters.parquet")
    flag = "CAST({} AS INTEGER)" if sqlite else "{}"
    varying = {
        "commune_id": "a.commune_id",
        "voting_area_id": "CAST(v.voting_area_id AS BIGINT)",
        "seq": "v.seq",
        "personal_id": "v.personal_id",
        "full_name": "v.full_name",
        "birth_date": "CASE WHEN length(v.birth_date) = 10 THEN v.birth_date END",
        "birth_year": "CAST(substr(v.birth_date, 1, 4) AS INTEGER)",
        "gender": "v.gender",
        "ethnicity": "coalesce(v.ethnicity, '')",
        "basis": "v.basis",
        "votes_na": flag.format("v.votes_na"),
        "votes_provincial": flag.format("v.votes_provincial"),
        "votes_commune": flag.format("v.votes_commune"),
        # From the extract (formats.md §4), joined back by identity number: §6's columns are fixed.
        "residence_group": "coalesce(r.residence_group, '')",
        "household_id": "coalesce(r.household_id, '')",
        "household_head": flag.format("coalesce(r.household_head, false)"),
        "permanent_residence": "coalesce(r.permanent_residence, '')",
        "temporary_residence": "coalesce(r.temporary_residence, '')",
        "temporary_since": "r.temporary_since",
    }
    columns = VARYING_COLUMNS if sqlite else LOAD_COLUMNS
    select = ", ".join(f"{varying.get(c) or constants[c]} AS {c}" for c in columns)
    return f"""
        SELECT {select}
        FROM read_parquet('{parquet}') v JOIN area_communes a USING (voting_area_id)
        LEFT JOIN residence r ON r.personal_id = v.personal_id
        ORDER BY v.voting_area_id, v.seq
    """


def _commune_names() -> Any:
    import pyarrow as pa

    from baucu.units.models import Commune

    pairs = list(Commune.objects.values_list("code", "name"))
    return pa.table(
        {
            "code": pa.array([c for c, _ in pairs], pa.string()),
            "name": pa.array([n for _, n in pairs], pa.string()),
        }
    )


def _residence_table(con: duckdb.DuckDBPyConnection, population: Path, out: Path, work: Path) -> None:
    """``residence``: the residence and household of every listed voter, from the extract itself.

    §6's outputs carry no residence (their columns are a fixed contract), so the extract is read again
    through the pipeline's reader and joined to ``voters.parquet`` by identity number (unique among the
    listed voters: a duplicated id is rejected). Texts are trimmed and NFC-normalised as the transform
    does; an address is "<residence group>, <commune name>" (Form 31 columns 7a, 7b).
    """
    from baucu.voters.pipeline.read import load_extract

    parquet = sql_path(out / "voters.parquet")
    load_extract(con, population, work, table="extract")
    con.register("commune_names", _commune_names())
    con.execute(f"""
        CREATE TEMP TABLE residence AS
        WITH listed AS (SELECT personal_id, voting_area_id, basis FROM read_parquet('{parquet}')),
        x AS (
            SELECT trim(e.personal_id) AS personal_id, l.basis,
                NULLIF(nfc_normalize(trim(e.permanent_residence_group)), '') AS p_group,
                NULLIF(trim(e.permanent_commune_code), '') AS p_code,
                NULLIF(nfc_normalize(trim(e.temporary_residence_group)), '') AS t_group,
                NULLIF(trim(e.temporary_commune_code), '') AS t_code,
                NULLIF(nfc_normalize(trim(e.household_id)), '') AS household_id,
                lower(trim(e.household_head)) = 'true' AS household_head,
                CASE WHEN regexp_full_match(trim(e.temporary_since), '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}')
                     THEN try_cast(trim(e.temporary_since) AS DATE) END AS since
            FROM extract e JOIN listed l ON l.personal_id = trim(e.personal_id)
        )
        SELECT x.personal_id,
            CASE WHEN x.basis = 'facility' THEN NULL
                 WHEN x.basis = 'permanent' THEN x.p_group ELSE x.t_group END AS residence_group,
            x.household_id,
            x.household_head,
            CASE WHEN x.p_code IS NOT NULL OR x.p_group IS NOT NULL THEN
                concat_ws(', ', x.p_group, coalesce(pn.name, x.p_code)) END AS permanent_residence,
            CASE WHEN x.t_code IS NOT NULL OR x.t_group IS NOT NULL THEN
                concat_ws(', ', x.t_group, coalesce(tn.name, x.t_code)) END AS temporary_residence,
            CAST(x.since AS VARCHAR) AS temporary_since
        FROM x
        LEFT JOIN commune_names pn ON pn.code = x.p_code
        LEFT JOIN commune_names tn ON tn.code = x.t_code
    """)


def _area_communes(election: Election, province: Province) -> Any:
    import pyarrow as pa

    with unscoped("voter import: communes of the voting areas"):
        pairs = list(
            VotingArea.objects.filter(election=election, province=province).values_list("pk", "commune_id")
        )
    return pa.table(
        {
            "voting_area_id": pa.array([str(pk) for pk, _ in pairs], pa.string()),
            "commune_id": pa.array([c for _, c in pairs], pa.string()),
        }
    )


def _load(
    election: Election,
    province: Province,
    record: VoterImport,
    out: Path,
    summary: dict[str, Any],
    stage: Progress,
    *,
    actor: Actor,
    population: Path,
    work: Path,
) -> None:
    sqlite = connection.vendor == "sqlite"
    totals = summary["totals"]
    with duckdb.connect(config={"temp_directory": str(work / "spill")}) as con:
        con.register("area_communes", _area_communes(election, province))
        stage("reading the residences")
        _residence_table(con, population, out, work)
        rejected = con.execute(
            f"SELECT row, coalesce(personal_id, ''), code, message FROM read_csv("
            f"'{str(out / 'rejected.csv').replace(chr(39), chr(39) * 2)}', header=true, all_varchar=true)"
        ).fetchall()
        stage("loading the lists")
        try:
            with transaction.atomic():
                later = _later_records(election, province)
                if later:
                    # Replacing the lists would orphan what was recorded against them after posting.
                    raise VoterImportError(
                        [
                            ImportProblem(
                                "voter lists",
                                None,
                                "",
                                "Art. 29–34",
                                "lists_have_later_records",
                                "the province's lists already have records that refer to listed voters "
                                f"({', '.join(later)}); a new import would orphan them",
                            )
                        ]
                    )
                with connection.cursor() as cursor:
                    constants = _constants(election, province, record)
                    sql = _load_sql(out, constants, sqlite=sqlite)
                    bulk = int(totals.get("voters", 0)) >= BULK_THRESHOLD
                    if sqlite:
                        with _sqlite_indexes_rebuilt(cursor, enabled=bulk):
                            _delete_lists(cursor, election, province)
                            _insert_sqlite(cursor, con, sql, constants)
                    else:
                        with _postgresql_constraints_rebuilt(cursor, enabled=bulk):
                            _delete_lists(cursor, election, province)
                            _copy_postgresql(cursor, con, sql, out)
                RejectedRow.objects.bulk_create(
                    (
                        RejectedRow(
                            voter_import=record,
                            row=int(r[0]),
                            personal_id=(r[1] or "")[:32],
                            code=r[2][:60],
                            message=r[3],
                        )
                        for r in rejected
                    ),
                    batch_size=2000,
                )
                record.status = VoterImport.Status.SUCCEEDED
                record.stage = "done"
                record.rows_read = int(summary.get("input", {}).get("rows", 0))
                record.voters_listed = int(totals.get("voters", 0))
                record.rows_rejected = int(summary["rejected"]["rows"])
                record.rows_excluded = int(summary["excluded"]["total"])
                record.summary = _stored_summary(summary)
                record.finished_at = timezone.now()
                record.save()
                record_event(
                    AuditAction.VOTER_LISTS_IMPORTED,
                    actor=actor,
                    jurisdiction=province_jurisdiction(province),
                    election_key=str(election.pk),
                    object_type="voter_import",
                    object_id=record.pk,
                    new_value={
                        "file": record.source_name,
                        "sha256": record.source_sha256,
                        "rows": record.rows_read,
                        "voters": record.voters_listed,
                        "rejected": record.rows_rejected,
                        "excluded": record.rows_excluded,
                        "voting_areas": len(summary.get("voting_areas", [])),
                    },
                )
        except (IntegrityError, _driver_integrity_error()) as exc:
            # The driver's own error too: the load writes below Django's cursor wrapper.
            raise VoterImportError(_single_listing_problems(election, province, con, out, exc)) from exc


def _later_records(election: Election, province: Province) -> list[str]:
    """Models with rows that refer to a voter of these lists (changes, certificates, complaints)."""
    found = []
    for relation in Voter._meta.related_objects:
        field, model = relation.field, relation.related_model
        if isinstance(model, str) or model is Voter or not getattr(field, "concrete", False):
            continue
        rows = model._base_manager.filter(
            **{f"{field.name}__election": election, f"{field.name}__province": province}
        )
        if rows.exists():
            found.append(str(model._meta.verbose_name))
    return sorted(set(found))


def _delete_lists(cursor: Any, election: Election, province: Province) -> None:
    cursor.execute(
        "DELETE FROM voters_voter WHERE election_id = %s AND province_id = %s", [election.pk, province.code]
    )


@contextmanager
def _sqlite_indexes_rebuilt(cursor: Any, *, enabled: bool = True) -> Iterator[None]:
    """Drop the secondary indexes for the bulk write and build them again after it (SQLite).

    Inside the load transaction: SQLite's DDL is transactional, so a failure restores them, and other
    connections keep reading the committed lists with their indexes until the commit. Rebuilding a
    B-tree from sorted rows is many times faster than updating nine of them row by row; the unique
    ones (``voters_single_listing``) are checked again as they are rebuilt.
    """
    if not enabled:
        yield
        return
    cursor.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'voters_voter' "
        "AND sql IS NOT NULL ORDER BY name"
    )
    indexes = cursor.fetchall()
    # SQLite's default page cache (2 MB) makes the delete, the writes and the index builds of a
    # province go to the file system page by page; a larger one for the load only, then the old one.
    cursor.execute("PRAGMA cache_size")
    (cache_size,) = cursor.fetchone()
    cursor.execute(f"PRAGMA cache_size = {-_SQLITE_LOAD_CACHE_KIB}")
    try:
        for name, _ in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
        yield
        for _, ddl in indexes:
            cursor.execute(ddl)
    finally:
        cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")


@contextmanager
def _postgresql_constraints_rebuilt(cursor: Any, *, enabled: bool = True) -> Iterator[None]:
    """Drop the secondary indexes, unique and foreign-key constraints for the COPY; add them back after.

    Inside the load transaction (PostgreSQL's DDL is transactional: a failure restores them). Adding
    them back checks every row set-based (one index build, one anti-join per foreign key) instead of a
    B-tree update per index and a deferred trigger per foreign key for every row, which made the COPY
    of a province several times slower. The price: ``ALTER TABLE`` holds an exclusive lock on
    ``voters_voter`` until the commit, so reads of the lists wait for the load (seconds; a province is
    imported a few times before the lists are posted). Partitioning the table by province would remove
    that (docs/performance.md).
    """
    if not enabled:
        yield
        return
    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    # No table can be altered while it has pending (deferred) trigger events: fire those of the
    # enclosing transaction now; Django's constraints are all INITIALLY DEFERRED again after.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE conrelid = 'voters_voter'::regclass AND contype IN ('u', 'f') ORDER BY contype DESC, conname"
    )
    constraints = cursor.fetchall()
    cursor.execute(
        "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
        "JOIN pg_class c ON c.oid = i.indexrelid "
        "WHERE i.indrelid = 'voters_voter'::regclass AND NOT i.indisprimary "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) ORDER BY c.relname"
    )
    indexes = cursor.fetchall()
    # Foreign keys of other tables to voters (list changes, certificates): checked set-based as well
    # when added back, so the DELETE of the old lists queues no trigger per removed voter.
    cursor.execute(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE confrelid = 'voters_voter'::regclass AND conrelid <> 'voters_voter'::regclass "
        "AND contype = 'f' ORDER BY 1, 2"
    )
    referring = cursor.fetchall()
    for table, name, _ in referring:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in constraints:
        cursor.execute(f'ALTER TABLE voters_voter DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        cursor.execute(f'DROP INDEX "{name}"')
    yield
    # Fire the deferred checks the DELETE queued (rows of other tables referring to removed voters):
    # PostgreSQL builds no index on a table with pending trigger events.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    for _, ddl in indexes:
        cursor.execute(ddl)
    for name, ddl in reversed(constraints):  # unique first, then the foreign keys
        cursor.execute(f'ALTER TABLE voters_voter ADD CONSTRAINT "{name}" {ddl}')
    for table, name, ddl in referring:
        cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {ddl}')


def _driver_integrity_error() -> type[Exception]:
    error: type[Exception] = connection.Database.IntegrityError  # type: ignore[attr-defined]
    return error


def _insert_sqlite(cursor: Any, con: duckdb.DuckDBPyConnection, sql: str, constants: dict[str, str]) -> None:
    """Batched executemany; DuckDB makes the next batch in a thread while SQLite writes this one."""
    values = ", ".join("%s" if c in VARYING_COLUMNS else constants[c] for c in LOAD_COLUMNS)
    insert = f"INSERT INTO voters_voter ({', '.join(LOAD_COLUMNS)}) VALUES ({values})"
    batches: queue.Queue[list[tuple[Any, ...]] | BaseException | None] = queue.Queue(maxsize=2)

    def produce() -> None:
        try:
            result = con.execute(sql)
            while batch := result.fetchmany(_BATCH):
                batches.put(batch)
            batches.put(None)
        except BaseException as exc:  # handed to the writer, which raises it
            batches.put(exc)

    producer = threading.Thread(target=produce, name="voter-import-reader", daemon=True)
    producer.start()
    raw = cursor.cursor  # below Django's debug wrapper: the query is converted once per batch
    try:
        while (item := batches.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            raw.executemany(insert, item)
    finally:
        while producer.is_alive():  # unblock a producer waiting on a full queue after a failure
            with suppress(queue.Empty):
                batches.get(timeout=0.1)
        producer.join()


def _copy_postgresql(cursor: Any, con: duckdb.DuckDBPyConnection, sql: str, out: Path) -> None:
    """COPY FROM STDIN in CSV, written by DuckDB: no Python object per voter."""
    csv_path = out / "load.csv"
    con.execute(
        f"COPY ({sql}) TO '{str(csv_path).replace(chr(39), chr(39) * 2)}' (HEADER false, DELIMITER ',')"
    )
    columns = ", ".join(LOAD_COLUMNS)
    statement = f"COPY voters_voter ({columns}) FROM STDIN (FORMAT csv)"
    with cursor.cursor.copy(statement) as copy, csv_path.open("rb") as f:
        for block in _blocks(f):
            copy.write(block)


def _blocks(f: Any) -> Iterator[bytes]:
    while block := f.read(1 << 20):
        yield block


def _single_listing_problems(
    election: Election, province: Province, con: duckdb.DuckDBPyConnection, out: Path, exc: Exception
) -> list[ImportProblem]:
    """Name the identity numbers already listed in another province of the election (Art. 29(1))."""
    parquet = sql_path(out / "voters.parquet")
    ids = [r[0] for r in con.execute(f"SELECT personal_id FROM read_parquet('{parquet}')").fetchall()]
    clashes: list[tuple[str, str]] = []
    with unscoped("voter import: single-listing check"):
        for start in range(0, len(ids), 5000):
            chunk = ids[start : start + 5000]
            clashes += list(
                Voter.objects.filter(election=election, personal_id__in=chunk, status=Voter.Status.LISTED)
                .exclude(province=province)
                .values_list("personal_id", "province_id")[: _MAX_NAMED - len(clashes)]
            )
            if len(clashes) >= _MAX_NAMED:
                break
    if not clashes:
        text = str(exc)
        if "foreign key" in text and "voters_voter" in text:
            # A list change, certificate or complaint recorded after posting points at a listed voter:
            # replacing the lists would orphan it, so the import refuses (nothing is lost).
            return [
                ImportProblem(
                    "voter lists",
                    None,
                    "",
                    "Art. 29–34",
                    "lists_have_later_records",
                    "the province's lists already have recorded changes, certificates or complaints that "
                    f"refer to listed voters; a new import would orphan them ({text.splitlines()[0]})",
                )
            ]
        return [ImportProblem("voter lists", None, "", "database constraint", "integrity_error", text)]
    return [
        ImportProblem(
            "voters.parquet",
            None,
            "personal_id",
            SINGLE_LISTING_RULE,
            "already_listed_elsewhere",
            f"identity number {pid} is already listed in province {where} for this election: a voter is "
            "listed in one place only; correct the extract or remove the other listing first",
        )
        for pid, where in clashes
    ]
