"""Tables as downloads: CSV, JSON or Parquet, written in batches to a spool file and streamed.

A download of up to a million rows never holds its rows in memory at once. First the row
ids of the answer are sorted (one 8-byte id per row), then the rows are read ``BATCH_ROWS``
at a time, in that order, and appended to a temporary file; the file is unlinked as soon
as it is open, so nothing is left behind whatever happens to the request. The rows are
read under one read lock (one consistent answer; a write waits only while the file is
written, not while a slow client downloads it), then the file is sent in 1 MiB pieces.

CSV cells that a spreadsheet would take as a formula are written as text (see
:func:`newsgraph.exports.common.spreadsheet_safe`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from enum import StrEnum
from typing import IO, Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from fastapi.responses import StreamingResponse

from ..exports.common import FORMULA_STARTS, NUMBER_PATTERN
from .db import Database

BATCH_ROWS = 50_000
PIECE_BYTES = 1 << 20
# A download runs one query per batch under one time limit: this long, or the query time
# limit when that is longer.
DOWNLOAD_TIMEOUT_S = 300.0
_RISKY = "^[" + "".join("\\" + c if c in "-\\" else c for c in FORMULA_STARTS) + "]"


class Format(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


MEDIA = {
    Format.json: "application/json",
    Format.csv: "text/csv; charset=utf-8",
    Format.parquet: "application/vnd.apache.parquet",
}


def spreadsheet_safe_table(table: pa.Table) -> pa.Table:
    """``table`` with every string cell that starts like a formula prefixed with ``'``
    (numbers such as ``-3.5`` kept as they are), as :func:`spreadsheet_safe` does per cell."""
    columns = []
    for col in table.columns:
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            risky = pc.and_(pc.match_substring_regex(col, _RISKY),
                            pc.invert(pc.match_substring_regex(col, NUMBER_PATTERN)))
            col = pc.if_else(risky, pc.binary_join_element_wise("'", col, ""), col)
        columns.append(col)
    return pa.table(columns, names=table.column_names)


class _Writer:
    """Appends Arrow batches to an open binary file in one of the download formats."""

    def __init__(self, fh: IO[bytes], fmt: Format, schema: pa.Schema) -> None:
        self.fh, self.fmt, self.rows = fh, fmt, 0
        self._parquet = pq.ParquetWriter(fh, schema, compression="zstd") \
            if fmt is Format.parquet else None
        self._csv = pacsv.CSVWriter(fh, schema) if fmt is Format.csv else None
        if fmt is Format.json:
            fh.write(b"[")

    def write(self, table: pa.Table) -> None:
        """Append a batch: Arrow columns, or for JSON one column of JSON objects."""
        if self._parquet is not None:
            self._parquet.write_table(table)
        elif self._csv is not None:
            self._csv.write_table(spreadsheet_safe_table(table))
        else:
            column = table.column(0)
            for start in range(0, table.num_rows, 2000):  # a few MB of text at a time
                objects = column.slice(start, 2000).to_pylist()
                sep = ", " if self.rows or start else ""
                self.fh.write((sep + ", ".join(objects)).encode())
        self.rows += table.num_rows

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        elif self._csv is not None:
            self._csv.close()
        else:
            self.fh.write(b"]")
        self.fh.flush()


def spool(cur: duckdb.DuckDBPyConnection, fh: IO[bytes], fmt: Format, *, table: str,
          columns: list[str], where: str, params: list[Any], order: str, limit: int) -> int:
    """Write the first ``limit`` rows of ``table`` matching ``where``, in ``order``, to
    ``fh`` batch by batch; returns the number of rows."""
    keys = cur.execute(f"SELECT rowid FROM {table} WHERE {where} ORDER BY {order} LIMIT ?",
                       [*params, limit]).fetchnumpy()["rowid"]
    picked = ", ".join(f'e."{c}"' for c in columns)
    schema = cur.sql(f"SELECT {picked} FROM {table} e LIMIT 0").to_arrow_table().schema
    if fmt is Format.json:  # DuckDB writes the objects: no Python object per cell
        picked = "json_object(" + ", ".join(f"'{c}', e.\"{c}\"" for c in columns) + ")"
    writer = _Writer(fh, fmt, schema)
    for start in range(0, len(keys), BATCH_ROWS):
        batch = keys[start:start + BATCH_ROWS]
        wanted = pa.table({"rid": batch,  # noqa: F841 - read by DuckDB by name
                           "pos": np.arange(len(batch), dtype=np.int64)})
        rows = cur.sql(f"SELECT {picked} FROM wanted JOIN {table} e ON e.rowid = wanted.rid "
                       "ORDER BY wanted.pos").to_arrow_table()
        writer.write(rows if fmt is Format.json else rows.cast(schema))
    writer.close()
    return writer.rows


def _pieces(fh: IO[bytes]) -> Iterator[bytes]:
    try:
        fh.seek(0)
        while piece := fh.read(PIECE_BYTES):
            yield piece
    finally:
        fh.close()


def download(db: Database, fmt: Format, name: str, *, table: str, columns: list[str],
             where: str, params: list[Any], order: str, limit: int) -> StreamingResponse:
    """The matching rows as a file download named ``name.<fmt>``, streamed from a spool."""
    fh = tempfile.TemporaryFile(prefix="newsgraph-download-")  # unlinked already
    try:
        db.with_cursor(lambda cur: spool(cur, fh, fmt, table=table, columns=columns,
                                         where=where, params=params, order=order, limit=limit),
                       timeout_s=max(DOWNLOAD_TIMEOUT_S, db.timeout_s))
        size = os.fstat(fh.fileno()).st_size
    except BaseException:
        fh.close()
        raise
    return StreamingResponse(
        _pieces(fh), media_type=MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}.{fmt.value}"',
                 "Content-Length": str(size)})
