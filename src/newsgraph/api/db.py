"""The server's one read-write DuckDB connection: cursors per request, a lock for writes.

While ``newsgraph serve`` runs it is the only writer of the store. Reads run on a cursor of
their own, are parameterised, must be SELECT statements, and are cancelled after
``Settings.query_timeout_ms``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
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


class Database:
    """The store as the server sees it."""

    def __init__(self, settings: Settings) -> None:
        self.store = Store(settings.store)
        self.timeout_s = max(settings.query_timeout_ms, 1) / 1000
        self.write_lock = threading.Lock()

    def close(self) -> None:
        self.store.close()

    def with_cursor(self, fn: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """Run ``fn(cursor)`` on a cursor of its own, cancelled after the query time limit."""
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

    def write(self, records: list[ArticleRecord]) -> int:
        """Store records (serialised with every other write); returns how many were new."""
        with self.write_lock:
            return self.store.write(records)
