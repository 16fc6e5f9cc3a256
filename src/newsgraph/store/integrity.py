"""Is the store file whole? A cheap check on every open, a full one on demand.

DuckDB keeps a checksum on every block and verifies it whenever a block is read, but a
query reads only the blocks it needs: ``count(*)`` answers from metadata, so a store
truncated to half its size still reports full counts. Hence:

* :func:`check` (every open, milliseconds, metadata only): every block the tables' data
  lives in must lie inside the file (a truncated copy, an interrupted copy or download, a
  disk that filled up mid-copy fail here);
* :func:`verify` (``newsgraph stats``, ``export``, the server once at start): every
  column of every table is read, so every block's checksum is verified (flipped bytes
  fail here; about a second per million events);
* :func:`damage` turns DuckDB's own corruption and I/O errors, met by any query, into the
  same E040 with what to do.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import StoreError

HEADER_BYTES = 3 * 4096  # DuckDB's file header and its two database headers
_DAMAGE = ("corrupt", "checksum", "could not read enough bytes", "not a valid duckdb",
           "file is truncated", "no space left on device", "input/output error")


def advice(path: str) -> str:
    return (f"the store {path} is damaged; restore it from a backup, or rebuild it into a "
            "new file with 'newsgraph ingest' (the Parquet lake, if you keep one, holds "
            "the same rows); nothing will be written into it")


def damage(path: str, exc: BaseException) -> StoreError | None:
    """E040 for a DuckDB error that means the file is damaged or unreadable, else None."""
    text = str(exc)
    if isinstance(exc, duckdb.Error) and any(m in text.lower() for m in _DAMAGE):
        return StoreError(f"{advice(path)} ({type(exc).__name__}: {text[:300]})")
    return None


def _tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_catalog = current_database()").fetchall()]


def check(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """The cheap check: E040 when a block that holds table data lies past the end of the
    file (it was cut short). Reads the storage metadata only."""
    file = Path(path)
    if not file.is_file():
        return
    try:
        tables = _tables(con)
        if not tables:
            return
        parts = " UNION ALL ".join(
            "SELECT max(block_id) AS b, max(list_max(additional_block_ids)) AS x "
            f"FROM pragma_storage_info('{t}') WHERE persistent" for t in tables)
        last, extra = con.execute(f"SELECT max(b), max(x) FROM ({parts})").fetchone() or (0, 0)
        (block_size,) = con.execute("SELECT block_size FROM pragma_database_size() WHERE "
                                    "database_name = current_database()").fetchone() or (0,)
    except duckdb.Error as exc:
        raise damage(path, exc) or StoreError(f"cannot check store {path}: {exc}") from exc
    highest = max(v for v in (last, extra, -1) if v is not None)
    need = HEADER_BYTES + int(block_size) * (highest + 1)
    have = file.stat().st_size
    if have < need:
        raise StoreError(f"{advice(path)} (the file is {have:,} bytes but its tables use "
                         f"blocks up to byte {need:,}: it was cut short)")


def verify(con: duckdb.DuckDBPyConnection, path: str) -> None:
    """The full check: read every column of every table (DuckDB verifies each block's
    checksum as it reads it); E040 naming the first damaged table."""
    check(con, path)
    for table in _tables(con):
        try:
            con.execute(f'SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM "{table}"').fetchall()
        except duckdb.Error as exc:
            found = damage(path, exc)
            if found:
                raise StoreError(f"{found.message} (in table {table})") from exc
            raise
