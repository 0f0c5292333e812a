"""Writers for synthetic extracts and plans: CSV (UTF-8), Parquet, XLSX (small sizes only)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

FORMATS = ("csv", "parquet", "xlsx")
# XLSX is written cell by cell (openpyxl); beyond this it is slow and Excel's row limit is near.
XLSX_MAX_ROWS = 200_000


def write_tables(tables: Iterable[pa.Table], path: Path, fmt: str) -> int:
    """Write the chunks to ``path`` in ``fmt``; returns the number of rows written."""
    if fmt == "parquet":
        return _write_parquet(tables, path)
    if fmt == "csv":
        return _write_csv(tables, path)
    if fmt == "xlsx":
        return _write_xlsx(pa.concat_tables(list(tables)), path)
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def _write_parquet(tables: Iterable[pa.Table], path: Path) -> int:
    rows = 0
    writer: pq.ParquetWriter | None = None
    try:
        for table in tables:
            if writer is None:
                writer = pq.ParquetWriter(path, table.schema, compression="zstd")
            writer.write_table(table, row_group_size=1_000_000)
            rows += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    return rows


def _write_csv(tables: Iterable[pa.Table], path: Path) -> int:
    rows = 0
    options = pa_csv.WriteOptions(include_header=True, quoting_style="needed")
    writer: pa_csv.CSVWriter | None = None
    try:
        for table in tables:
            if writer is None:
                writer = pa_csv.CSVWriter(path, table.schema, write_options=options)
            writer.write_table(table)
            rows += table.num_rows
    finally:
        if writer is not None:
            writer.close()
    return rows


def _write_xlsx(table: pa.Table, path: Path) -> int:
    if table.num_rows > XLSX_MAX_ROWS:
        raise ValueError(f"XLSX is for small extracts (at most {XLSX_MAX_ROWS:,} rows); use csv or parquet")
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("population")
    sheet.append(table.column_names)
    columns = [table.column(i).to_pylist() for i in range(table.num_columns)]
    for row in zip(*columns, strict=True):  # XLSX only: bounded by XLSX_MAX_ROWS
        sheet.append(list(row))
    book.save(path)
    return table.num_rows
