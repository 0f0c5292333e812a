"""Open a population extract (spec/formats.md §4) as a DuckDB table of text columns plus ``row``.

Accepted: CSV (UTF-8 with or without BOM; Windows-1258 is converted, TCVN3 refused, see
``encoding``), Parquet, XLSX (first sheet). Every column is read as text and checked later in SQL, so a
bad value becomes a rejected row rather than a failed file. ``row`` is the 1-based number of the data
row in the input (the header is not counted: the first citizen is row 1, which is line 2 of a CSV file
or of a spreadsheet).
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv

from baucu.voters.pipeline.encoding import ensure_utf8
from baucu.voters.pipeline.problems import InvalidInput, invalid
from baucu.voters.pipeline.rules import sql_path

# The columns of spec/formats.md §4, in the order of its table (the generator writes them so).
COLUMNS = (
    "personal_id",
    "full_name",
    "birth_date",
    "gender",
    "ethnicity",
    "permanent_commune_code",
    "permanent_residence_group",
    "temporary_commune_code",
    "temporary_residence_group",
    "temporary_since",
    "vote_at_temporary",
    "facility_code",
    "facility_kind",
    "status",
    "household_id",
    "household_head",
)
REQUIRED = (
    "personal_id",
    "full_name",
    "birth_date",
    "gender",
    "ethnicity",
    "permanent_commune_code",
    "permanent_residence_group",
    "status",
)
OPTIONAL = tuple(c for c in COLUMNS if c not in REQUIRED)
_RULE = "spec/formats.md §4"
_BATCH = 64 << 20


def load_extract(con: duckdb.DuckDBPyConnection, path: Path, workdir: Path, table: str = "raw") -> int:
    """Create ``table`` (``row`` BIGINT + the §4 columns as VARCHAR; a view over a Parquet file, else a
    temporary table); returns its number of rows."""
    if not path.is_file():
        raise invalid(str(path), _RULE, "file_not_found", f"{path}: no such file")
    suffix = path.suffix.lower()
    try:
        if suffix == ".parquet":
            _load_parquet(con, path, table)
        elif suffix == ".xlsx":
            _load_arrow(con, _xlsx_table(path), table)
        else:
            _load_csv(con, ensure_utf8(path, workdir), path, table)
    except InvalidInput:
        raise
    except (pa.ArrowInvalid, duckdb.Error, OSError, ValueError, KeyError) as exc:
        raise invalid(str(path), _RULE, "unreadable_file", f"{path}: cannot be read: {exc}") from exc
    count = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0]
    return int(count[0])


def _check_columns(path: Path, present: list[str]) -> None:
    missing = [c for c in REQUIRED if c not in present]
    if missing:
        raise InvalidInput(
            [
                invalid(
                    f"{path}: header, column {c}",
                    _RULE,
                    "missing_column",
                    f"{path}: required column '{c}' is missing",
                ).problems[0]
                for c in missing
            ]
        )


def _select_list(present: list[str]) -> str:
    return ", ".join(
        f'CAST("{c}" AS VARCHAR) AS {c}' if c in present else f"NULL::VARCHAR AS {c}" for c in COLUMNS
    )


def _load_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    source = f"read_parquet('{sql_path(path)}', file_row_number = true)"
    present = [str(r[0]).strip() for r in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]
    _check_columns(path, present)
    select = _select_list(present)
    # A view, not a copy: the transform reads the file once per pass, only the columns each pass needs.
    con.execute(f"CREATE TEMP VIEW {table} AS SELECT file_row_number + 1 AS row, {select} FROM {source}")


def _header(path: Path) -> list[str]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return [h.strip() for h in next(csv.reader(f), [])]


def _load_csv(con: duckdb.DuckDBPyConnection, utf8: Path, original: Path, table: str) -> None:
    header = _header(utf8)
    _check_columns(original, header)
    if len(set(header)) != len(header):
        raise invalid(
            f"{original}: header", _RULE, "duplicate_column", f"{original}: a column name is repeated"
        )
    wanted = [c for c in COLUMNS if c in header]
    reader = pa_csv.open_csv(
        utf8,
        read_options=pa_csv.ReadOptions(block_size=_BATCH, column_names=header, skip_rows=1),
        convert_options=pa_csv.ConvertOptions(
            column_types={c: pa.string() for c in header}, include_columns=wanted, strings_can_be_null=False
        ),
    )
    schema = pa.schema([("row", pa.int64())] + [(c, pa.string()) for c in wanted])

    def numbered() -> Iterator[pa.RecordBatch]:
        start = 1
        for batch in reader:
            rows = pa.array(range(start, start + batch.num_rows), pa.int64())
            yield pa.RecordBatch.from_arrays([rows, *batch.columns], schema=schema)
            start += batch.num_rows

    stream = pa.RecordBatchReader.from_batches(schema, numbered())
    con.register("_extract_stream", stream)
    select = ", ".join(c if c in wanted else f"NULL::VARCHAR AS {c}" for c in COLUMNS)
    con.execute(f"CREATE TEMP TABLE {table} AS SELECT row, {select} FROM _extract_stream")
    con.unregister("_extract_stream")


def _load_arrow(con: duckdb.DuckDBPyConnection, data: pa.Table, table: str) -> None:
    con.register("_extract_table", data)
    con.execute(f"CREATE TEMP TABLE {table} AS SELECT * FROM _extract_table")
    con.unregister("_extract_table")


def _cell(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _xlsx_table(path: Path) -> pa.Table:
    """The first sheet as text columns. XLSX is for small extracts: openpyxl reads it cell by cell."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows, ())]
        _check_columns(path, header)
        index = {c: header.index(c) for c in COLUMNS if c in header}
        values: dict[str, list[str | None]] = {c: [] for c in index}
        numbers: list[int] = []
        for number, row in enumerate(rows, start=1):
            if all(v is None for v in row):
                continue  # blank lines are not citizens; row numbers still count them
            numbers.append(number)
            for c, i in index.items():
                values[c].append(_cell(row[i]) if i < len(row) else None)
    finally:
        book.close()
    n = len(numbers)
    columns = {"row": pa.array(numbers, pa.int64())}
    for c in COLUMNS:
        columns[c] = pa.array(values[c], pa.string()) if c in values else pa.nulls(n, pa.string())
    return pa.table(columns)
