"""Write the voter lists (``voters.parquet`` and ``voters.csv``, spec/formats.md §6) from one query.

The rows are read once from DuckDB as Arrow batches, in the query's order, and two threads write
them: one the Parquet file (snappy, row groups of about a million rows), the other the CSV file. Arrow's
writers release the GIL and cost less than half of DuckDB's ``COPY`` for the same rows, which would
also read them twice.

The CSV is byte for byte what DuckDB's ``COPY … (HEADER, DELIMITER ',')`` writes: no value is
quoted, because none needs it. Arrow refuses (``ArrowInvalid``) a value with a comma, a quote or a
line break when nothing is quoted, and an empty text would be written as DuckDB writes NULL; in either
case the CSV is written again by DuckDB, which quotes what needs it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

_BATCH_ROWS = 1 << 17
_ROW_GROUP_ROWS = 1 << 20
_QUEUE_BATCHES = 8


class _Writer(threading.Thread):
    """A thread that feeds the batches of a queue to ``write`` in order, then ``close``."""

    def __init__(self, write: Callable[[pa.RecordBatch], None], close: Callable[[], None]) -> None:
        super().__init__(daemon=True)
        self.batches: queue.Queue[pa.RecordBatch | None] = queue.Queue(maxsize=_QUEUE_BATCHES)
        self._write = write
        self._close = close
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while (batch := self.batches.get()) is not None:
                if self.error is None:
                    self._write(batch)
        except BaseException as exc:  # reported by write_lists; the queue is drained below
            self.error = exc
            while self.batches.get() is not None:
                pass
        finally:
            try:
                self._close()
            except BaseException as exc:
                self.error = self.error or exc


def _parquet_writer(path: Path, schema: pa.Schema) -> _Writer:
    writer = pq.ParquetWriter(path, schema, compression="snappy")
    pending: list[pa.RecordBatch] = []

    def flush() -> None:
        if pending:
            writer.write_table(pa.Table.from_batches(pending, schema=schema), row_group_size=_ROW_GROUP_ROWS)
            pending.clear()

    def write(batch: pa.RecordBatch) -> None:
        pending.append(batch)
        if sum(b.num_rows for b in pending) >= _ROW_GROUP_ROWS:
            flush()

    def close() -> None:
        flush()
        writer.close()

    return _Writer(write, close)


def _csv_writer(path: Path, schema: pa.Schema) -> _Writer:
    out = path.open("wb")
    out.write((",".join(schema.names) + "\n").encode("utf-8"))
    writer = pa_csv.CSVWriter(
        out, schema, write_options=pa_csv.WriteOptions(include_header=False, quoting_style="none")
    )

    def close() -> None:
        writer.close()
        out.close()

    return _Writer(writer.write_batch, close)


def write_lists(
    con: duckdb.DuckDBPyConnection, query: str, parquet: Path, csv: Path, *, plain_csv: bool
) -> None:
    """Write the rows of ``query`` (in its order) to ``parquet`` and ``csv``.

    ``plain_csv``: the caller knows that no text in the rows is empty; otherwise DuckDB writes the CSV.
    """
    reader = con.sql(query).to_arrow_reader(_BATCH_ROWS)
    writers = [_parquet_writer(parquet, reader.schema)]
    if plain_csv:
        writers.append(_csv_writer(csv, reader.schema))
    for w in writers:
        w.start()
    try:
        for batch in reader:
            for w in writers:
                w.batches.put(batch)
    finally:
        for w in writers:
            w.batches.put(None)
        for w in writers:
            w.join()
    if writers[0].error is not None:
        raise writers[0].error
    csv_error = writers[1].error if plain_csv else None
    if not plain_csv or isinstance(csv_error, pa.ArrowInvalid):
        con.execute(f"COPY ({query}) TO '{_sql_path(csv)}' (HEADER, DELIMITER ',')")
    elif csv_error is not None:
        raise csv_error


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
