"""Tables as downloads: CSV, JSON or Parquet from an Arrow table."""

from __future__ import annotations

import io
import json
from enum import StrEnum

import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from fastapi.responses import Response


class Format(StrEnum):
    json = "json"
    csv = "csv"
    parquet = "parquet"


MEDIA = {
    Format.json: "application/json",
    Format.csv: "text/csv; charset=utf-8",
    Format.parquet: "application/vnd.apache.parquet",
}


def table_response(table: pa.Table, fmt: Format, name: str) -> Response:
    """The table as a file download named ``name.<fmt>``."""
    if fmt is Format.parquet:
        buf = io.BytesIO()
        pq.write_table(table, buf, compression="zstd")
        body = buf.getvalue()
    elif fmt is Format.csv:
        buf = io.BytesIO()
        pacsv.write_csv(table, buf)
        body = buf.getvalue()
    else:
        body = json.dumps(table.to_pylist(), ensure_ascii=False, default=str).encode()
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}.{fmt.value}"'})
