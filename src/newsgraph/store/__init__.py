"""The embedded DuckDB store: batched, transactional, idempotent writes.

Re-ingesting an article whose id is already stored changes nothing. Only one process
may write a store file; readers open it read-only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import ArticleRecord
from .rows import records_to_rows
from .schema import CHILD_TABLES, TABLES, ddl

log = logging.getLogger(__name__)

__all__ = ["Store"]


class Store:
    def __init__(self, path: str | Path = "newsgraph.duckdb", *, read_only: bool = False) -> None:
        self.path = str(path)
        try:
            if read_only and not Path(self.path).exists():
                raise StoreError(f"store {self.path} does not exist; run 'newsgraph ingest' first")
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if not read_only:
            for stmt in ddl():
                self.con.execute(stmt)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        ids = list(set(ids))
        if not ids:
            return set()
        rel = self.con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids])
        return {r[0] for r in rel.fetchall()}

    def write(self, records: list[ArticleRecord]) -> int:
        """Store the records not yet stored, in one transaction; returns how many were new."""
        good = [r for r in records if not r.error]
        for r in records:
            if r.error:
                code, _, msg = r.error.partition(": ")
                self.add_error(r.source or r.id, code, msg)
        known = self.known_ids(r.id for r in good)
        new, seen = [], set()
        for r in good:
            if r.id not in known and r.id not in seen:
                seen.add(r.id)
                new.append(r)
        if not new:
            return 0
        columns = records_to_rows(new)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table in ["articles", *CHILD_TABLES]:
                cols = columns.get(table)
                if not cols or not next(iter(cols.values())):
                    continue
                arrow = pa.table(cols)  # noqa: F841  (read by DuckDB by name)
                names = ", ".join(f'"{c}"' for c, _ in TABLES[table])
                self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM arrow")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {exc}") from exc
        return len(new)

    def add_error(self, source: str, code: str, message: str) -> None:
        self.con.execute("INSERT INTO errors VALUES (?, ?, ?, ?)",
                         [source, code, message, dt.datetime.now()])

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    def record(self, article_id: str) -> ArticleRecord | None:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        return ArticleRecord.from_json(row[0]) if row else None
