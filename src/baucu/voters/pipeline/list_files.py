"""Write the voter lists (``voters.parquet`` and ``voters.csv``, spec/formats.md §6) from Arrow batches.

The batches hold the listed voters in the order of their lists, with the area's number first
(``area_idx``). ``seq`` (the voter-card number) is numbered here, from 1 in each area, as the batches
go by (no window over the sorted rows, no table of them); two threads write the batches: one the
Parquet file (snappy, row groups of about a million rows), the other the CSV file. Arrow's writers
release the GIL and cost less than half of DuckDB's ``COPY`` for the same rows.

The CSV is byte for byte what DuckDB's ``COPY … (HEADER, DELIMITER ',')`` writes: no value is
quoted, because none needs it. Arrow refuses (``ArrowInvalid``) a value with a comma, a quote or a
line break when nothing is quoted, and an empty text would be written as DuckDB writes NULL; in either
case DuckDB writes the CSV from the Parquet file, quoting what needs it.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from baucu.voters.pipeline.rules import sql_path

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
    # Statistics (min/max per page) only where a reader filters: by area and number. For the other
    # columns they cost a sixth of the writing and serve no query.
    # The Arrow schema is not stored: a column given as a dictionary array reads back as plain text.
    writer = pq.ParquetWriter(
        path, schema, compression="snappy", write_statistics=["voting_area_id", "seq"], store_schema=False
    )
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

    texts = [i for i, f in enumerate(schema) if pa.types.is_string(f.type)]

    def write(batch: pa.RecordBatch) -> None:
        for i in texts:
            if pc.any(pc.equal(batch.column(i), "")).as_py():
                raise pa.ArrowInvalid("an empty text would be written as NULL is")
        writer.write_batch(batch)

    def close() -> None:
        writer.close()
        out.close()

    return _Writer(write, close)


class _Numbering:
    """``seq`` for consecutive batches of a list sorted by area: 1, 2, … within each area."""

    def __init__(self) -> None:
        self.area = -1
        self.seq = 0

    def __call__(self, areas: np.ndarray) -> np.ndarray:
        n = len(areas)
        at = np.arange(n, dtype=np.int64)
        new_area = np.empty(n, dtype=bool)
        new_area[0] = areas[0] != self.area
        np.not_equal(areas[1:], areas[:-1], out=new_area[1:])
        run_start = np.maximum.accumulate(np.where(new_area, at, 0))
        seq = at - run_start + 1
        # The rows before the batch's first new area continue the previous batch's last area.
        seq[~np.logical_or.accumulate(new_area)] += self.seq
        self.area, self.seq = int(areas[-1]), int(seq[-1])
        return seq


def write_lists(
    con: duckdb.DuckDBPyConnection,
    batches: Iterable[pa.RecordBatch],
    schema: pa.Schema,
    parquet: Path,
    csv: Path,
) -> None:
    """Write ``batches`` (``area_idx``, ``voting_area_id``, then the columns after ``seq``; ``schema``)
    to ``parquet`` and ``csv``, with ``seq`` after ``voting_area_id``."""
    fields = list(schema)[1:]
    out_schema = pa.schema([fields[0], pa.field("seq", pa.int64()), *fields[1:]])
    numbering = _Numbering()
    writers = [_parquet_writer(parquet, out_schema), _csv_writer(csv, out_schema)]
    for w in writers:
        w.start()
    try:
        for batch in batches:
            if not batch.num_rows:
                continue
            seq = numbering(batch.column(0).to_numpy())
            columns = batch.columns
            out = pa.RecordBatch.from_arrays([columns[1], pa.array(seq), *columns[2:]], schema=out_schema)
            for w in writers:
                w.batches.put(out)
    finally:
        for w in writers:
            w.batches.put(None)
        for w in writers:
            w.join()
    parquet_error, csv_error = writers[0].error, writers[1].error
    if parquet_error is not None:
        raise parquet_error
    if isinstance(csv_error, pa.ArrowInvalid):
        con.execute("SET preserve_insertion_order = true")  # the CSV in the Parquet file's order
        source = f"SELECT * FROM read_parquet('{sql_path(parquet)}')"
        con.execute(f"COPY ({source}) TO '{sql_path(csv)}' (HEADER, DELIMITER ',')")
        con.execute("SET preserve_insertion_order = false")
    elif csv_error is not None:
        raise csv_error
