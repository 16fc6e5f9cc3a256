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

from ..errors import StoreError
from ..model import ArticleRecord
from ..settings import Settings
from ..store import Failed, Store, integrity

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
        # Why the store cannot be trusted (E040), once a check or a query found damage:
        # the health check fails and every read and write is refused with it.
        self.damage: str | None = None
        if not Path(self.path).exists():
            Store(self.path).close()  # create the file and its tables
        self.store: Store | None = None
        self._reopen()
        self.timeout_s = max(settings.query_timeout_ms, 1) / 1000
        self._lock = _ReadWriteLock()

    def _reopen(self) -> None:
        try:
            self.store = Store(self.path, read_only=True)
        except StoreError as exc:
            if "damaged" not in exc.message:
                raise
            self.store = None
            self._damaged(exc)

    def _damaged(self, exc: StoreError) -> StoreError:
        if self.damage is None:
            log.error("%s", exc.message)  # the log names the file; clients are not told where
            self.damage = exc.message.replace(f"store {self.path}", "store")
        return exc

    def _open(self) -> Store:
        if self.damage is not None or self.store is None:
            raise StoreError(self.damage or f"store {self.path} is not open")
        return self.store

    def close(self) -> None:
        with self._lock.write():
            if self.store is not None:
                self.store.close()

    def verify(self) -> None:
        """Read every block once (see :func:`newsgraph.store.integrity.verify`); damage is
        remembered, so the health check reports it."""
        try:
            self.with_cursor(lambda cur: integrity.verify(cur, self.path),
                             timeout_s=max(3600.0, self.timeout_s))
        except StoreError as exc:
            self._damaged(exc)
        except QueryTimeout:
            log.warning("the store check of %s was cancelled", self.path)

    def with_cursor(self, fn: Callable[[duckdb.DuckDBPyConnection], T], *,
                    timeout_s: float | None = None) -> T:
        """Run ``fn(cursor)`` on a cursor of its own, cancelled after the query time limit
        (``timeout_s`` when given: a download runs several queries in one go)."""
        limit = self.timeout_s if timeout_s is None else timeout_s
        with self._lock.read():
            cur = self._open().con.cursor()
            timer = threading.Timer(limit, cur.interrupt)
            timer.start()
            try:
                return fn(cur)
            except duckdb.InterruptException as exc:
                raise QueryTimeout(f"query cancelled after {limit:g} s") from exc
            except duckdb.Error as exc:
                found = integrity.damage(self.path, exc)
                if found is None:
                    raise
                raise self._damaged(found) from exc
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
            return self._open().known_ids(ids)

    def with_writer(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``fn`` on a short-lived read-write connection (as ``write`` does)."""
        with self._lock.write():
            self._open().close()
            try:
                with Store(self.path, wait_s=self.WRITE_WAIT_S) as writer:
                    return fn(writer.con)
            finally:
                self._reopen()

    def write(self, records: list[ArticleRecord], *, failed: Sequence[Failed] = ()) -> int:
        """Store records (and ``failed`` inputs in the errors table) through a short-lived
        writer; returns how many were new."""
        with self._lock.write():
            self._open().close()
            try:
                with Store(self.path, wait_s=self.WRITE_WAIT_S) as writer:
                    return writer.write(records, failed=failed)
            except StoreError as exc:
                if "damaged" in exc.message:
                    self._damaged(exc)
                raise
            finally:
                self._reopen()
