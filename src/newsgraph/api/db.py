"""The store as the server sees it: a read-only connection, and a writer only while writing.

The server reads through a read-only connection, so other processes (``newsgraph stats``,
``export``, ``dyad``, a notebook) can read the same file while it runs. A write waits for
the reads in flight, closes the reader, writes through a short-lived read-write store and
reopens the reader (which then sees the write). Reads run on a cursor of their own, are
parameterised, must be SELECT statements, and are cancelled after ``query_timeout_ms``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from ..model import ArticleRecord
from ..settings import Settings
from ..store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = ["Database", "QueryTimeout", "Rows"]


class QueryTimeout(Exception):
    """A query ran longer than the configured limit and was cancelled."""


class Rows:
    """Column names and tuples of one query result."""

    def __init__(self, columns: list[str], rows: list[tuple]) -> None:
        self.columns = columns
        self.rows = rows

    def dicts(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, r, strict=True)) for r in self.rows]

    def first(self) -> dict[str, Any] | None:
        return dict(zip(self.columns, self.rows[0], strict=True)) if self.rows else None


def _check_read_only(sql: str) -> None:
    head = sql.lstrip().split(None, 1)[0].upper() if sql.strip() else ""
    if head not in ("SELECT", "WITH"):
        raise ValueError(f"read queries must be SELECT statements, not {head or 'empty'}")


class _ReadWriteLock:
    """Many readers or one writer; a waiting writer lets no new reader in."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting = 0

    @contextmanager
    def read(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writing and not self._waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        with self._cond:
            self._waiting += 1
            self._cond.wait_for(lambda: not self._writing and not self._readers)
            self._waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class Database:
    """The store as the server sees it."""

    WRITE_WAIT_S = 30.0  # a write waits this long for other processes' readers to let go

    def __init__(self, settings: Settings) -> None:
        self.path = settings.store
        if not Path(self.path).exists():
            Store(self.path).close()  # create the file and its tables
        self.store = Store(self.path, read_only=True)
        self.timeout_s = max(settings.query_timeout_ms, 1) / 1000
        self._lock = _ReadWriteLock()

    def close(self) -> None:
        with self._lock.write():
            self.store.close()

    def with_cursor(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``fn(cursor)`` on a cursor of its own, cancelled after the query time limit."""
        with self._lock.read():
            cur = self.store.con.cursor()
            timer = threading.Timer(self.timeout_s, cur.interrupt)
            timer.start()
            try:
                return fn(cur)
            except duckdb.InterruptException as exc:
                raise QueryTimeout(f"query cancelled after {self.timeout_s:g} s") from exc
            finally:
                timer.cancel()
                cur.close()

    def _run(self, sql: str, params: Sequence[Any], fetch: str) -> Any:
        _check_read_only(sql)

        def run(cur: duckdb.DuckDBPyConnection) -> Any:
            if fetch == "arrow":
                return cur.sql(sql, params=list(params)).to_arrow_table()
            res = cur.execute(sql, list(params))
            return Rows([d[0] for d in res.description], res.fetchall())

        return self.with_cursor(run)

    def query(self, sql: str, params: Sequence[Any] = ()) -> Rows:
        return self._run(sql, params, "rows")

    def arrow(self, sql: str, params: Sequence[Any] = ()) -> pa.Table:
        return self._run(sql, params, "arrow")

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        with self._lock.read():
            return self.store.known_ids(ids)

    def with_writer(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``fn`` on a short-lived read-write connection (as ``write`` does)."""
        with self._lock.write():
            self.store.close()
            try:
                with Store(self.path, wait_s=self.WRITE_WAIT_S) as writer:
                    return fn(writer.con)
            finally:
                self.store = Store(self.path, read_only=True)

    def write(self, records: list[ArticleRecord]) -> int:
        """Store records through a short-lived writer; returns how many were new."""
        with self._lock.write():
            self.store.close()
            try:
                with Store(self.path, wait_s=self.WRITE_WAIT_S) as writer:
                    return writer.write(records)
            finally:
                self.store = Store(self.path, read_only=True)
