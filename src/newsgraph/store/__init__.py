"""The embedded DuckDB store: batched, transactional, idempotent writes.

Re-ingesting an article whose id is already stored changes nothing, except a date: a
record that dates an undated stored article (or carries a date its caller gave) replaces
the stored one, id unchanged, with its events re-keyed (see :meth:`Store._redating`). One call of
:meth:`Store.write` is one transaction: the records, their near-duplicate clusters, the
per-document errors and the ingest log that lets an interrupted run resume all commit
together or not at all. Only one process may write a store file; readers open it read-only.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from ..clean.signature import MinHash, minhash
from ..errors import StoreError
from ..model import ArticleRecord
from . import integrity
from .connect import connect, damaged
from .dedup import Assignment, assign_clusters
from .rows import records_to_rows
from .schema import CHILD_TABLES, TABLES, ddl

log = logging.getLogger(__name__)

__all__ = ["Failed", "Store"]


@dataclass(frozen=True)
class Failed:
    """An input that could not be read, to be logged with the batch it arrived in."""

    key: str
    source: str
    code: str
    message: str


class Store:
    def __init__(self, path: str | Path = "newsgraph.duckdb", *, read_only: bool = False,
                 wait_s: float | None = None) -> None:
        self.path = str(path)
        self.redated = 0  # articles the last write re-dated (see _redating)
        self.con = connect(self.path, read_only=read_only, wait_s=wait_s)
        try:
            integrity.check(self.con, self.path)  # no read of, or write into, a cut file
            self.con.execute("SET enable_progress_bar = false")
            if not read_only:
                for stmt in ddl():
                    self.con.execute(stmt)
        except StoreError:
            self.con.close()
            raise
        except duckdb.Error as exc:
            self.con.close()
            raise integrity.damage(self.path, exc) or StoreError(
                f"cannot open store {self.path}: {exc}") from exc

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: object, exc: BaseException | None, tb: object) -> None:
        self.close()
        if exc is not None and (err := damaged(exc, self.path)) is not None:
            raise err from exc  # a damaged file: E040 with what to do, not a traceback

    def _in(self, sql: str, values: Iterable) -> list[tuple]:
        values = list(set(values))
        if not values:
            return []
        return self.con.execute(sql, [values]).fetchall()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        rows = self._in("SELECT id FROM articles WHERE id IN (SELECT unnest(?))", ids)
        return {r[0] for r in rows}

    def done_inputs(self, keys: Iterable[str]) -> set[str]:
        """Input keys an earlier run already handled (stored or failed)."""
        rows = self._in("SELECT input_key FROM ingest_log WHERE input_key IN (SELECT unnest(?))",
                        keys)
        return {r[0] for r in rows}

    def write(
        self,
        records: Sequence[ArticleRecord],
        *,
        input_keys: Sequence[str] | None = None,
        failed: Sequence[Failed] = (),
        before_commit: Callable[[dict[str, dict[str, list]]], object] | None = None,
    ) -> int:
        """Store the records not yet stored, in one transaction; returns how many were new.

        ``input_keys`` (one per record) and ``failed`` go into the ingest log in the same
        transaction, so a resumed ingest skips exactly the inputs this call committed.
        ``before_commit``, when there are new records, gets the columns inserted per table
        (``articles`` with its ``cluster_id``, child tables, ``clusters``) just before the
        commit (the Parquet lake is written there); if it raises, nothing is committed.
        """
        now = dt.datetime.now()
        good = [r for r in records if not r.error]
        known = self.known_ids(r.id for r in good)
        new, seen = [], set()
        for r in good:
            if r.id not in known and r.id not in seen:
                seen.add(r.id)
                new.append(r)
        redate = self._redating([r for r in good if r.id in known])
        errors = [(r.source or r.id, *_split(r.error), now) for r in records if r.error]
        errors += [(f.source, f.code, f.message, now) for f in failed]
        log_rows: list[tuple[str, str | None, str, dt.datetime]] = [
            (k, r.id, "failed" if r.error else "stored", now)
                    for k, r in zip(input_keys or (), records, strict=False)]
        log_rows += [(f.key, None, "failed", now) for f in failed]
        try:
            self.con.execute("BEGIN TRANSACTION")
            if redate:
                self._replace(redate)
            inserted = self._insert_records(new) if new else {}
            if errors:
                self.con.executemany("INSERT INTO errors VALUES (?, ?, ?, ?)", errors)
            if log_rows:
                self._append("ingest_log", _columns("ingest_log", log_rows))
            if before_commit and inserted:
                before_commit(inserted)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise integrity.damage(self.path, exc) or StoreError(
                f"cannot write to {self.path}: {exc}") from exc
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        self.redated = len(redate)
        return len(new)

    def _redating(self, stored: Sequence[ArticleRecord]) -> list[ArticleRecord]:
        """The records among ``stored`` (ids already in the store) that re-date their article:
        a date where the store has none, or a date the caller gave (``ingest --date``, a POST
        with a date) that differs from the stored one. The first such record per id wins."""
        dated = [r for r in stored if r.published]
        if not dated:
            return []
        rows = self._in("SELECT id, CAST(published AS VARCHAR) FROM articles "
                        "WHERE id IN (SELECT unnest(?))", (r.id for r in dated))
        current = dict(rows)
        out, seen = [], set()
        for r in dated:
            was = current.get(r.id)
            given = r.published_reason == "given by the caller"
            if r.id in seen or was == (r.published or "")[:10] or (was and not given):
                continue
            seen.add(r.id)
            out.append(r)
        return out

    def _replace(self, records: list[ArticleRecord]) -> None:
        """Store ``records`` in place of their articles' rows (same ids): the article, its
        events (and so its merged events, a view) and every other part are rewritten; its
        near-duplicate cluster is kept (the text, and so the id, did not change)."""
        ids = [r.id for r in records]
        cluster = dict(self._in("SELECT id, cluster_id FROM articles WHERE id IN "
                                "(SELECT unnest(?))", ids))
        for table in ["articles", *CHILD_TABLES]:
            key = "id" if table == "articles" else "article_id"
            self.con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?))", [ids])
        columns = records_to_rows(records)
        columns["articles"]["cluster_id"] = [cluster.get(i) for i in columns["articles"]["id"]]
        self._append("articles", columns["articles"])
        for table in CHILD_TABLES:
            cols = columns.get(table)
            if cols and next(iter(cols.values())):
                self._append(table, cols)
        log.info("re-dated %d stored articles", len(records))

    def _insert_records(self, new: list[ArticleRecord]) -> dict[str, dict[str, list]]:
        columns = records_to_rows(new)
        clusters = self._cluster(new)
        by_id = {c.article_id: c for c in clusters}
        columns["articles"]["cluster_id"] = [by_id[i].cluster_id for i in columns["articles"]["id"]]
        self._append("articles", columns["articles"])
        for table in CHILD_TABLES:
            cols = columns.get(table)
            if cols and next(iter(cols.values())):
                self._append(table, cols)
        columns["clusters"] = _columns("clusters", [
            (c.article_id, c.cluster_id, c.similarity, list(c.signature.values))
            for c in clusters])
        self._append("clusters", columns["clusters"])
        self._append("cluster_bands", _columns("cluster_bands", [
            (c.article_id, b) for c in clusters for b in c.signature.bands]))
        return columns

    def _cluster(self, new: list[ArticleRecord]) -> list[Assignment]:
        # The worker computed the signature; records from elsewhere may lack one.
        pending = [(r.id, MinHash.from_hex(r.signature) if r.signature else minhash(r.text))
                   for r in new]
        bands = {b for _, sig in pending for b in sig.bands}
        index: dict[int, list[tuple[str, str, list[int]]]] = {}
        if bands:
            wanted = pa.table({"band": pa.array(sorted(bands), type=pa.int64())})  # noqa: F841
            rows = self.con.execute(
                "SELECT b.band, c.article_id, c.cluster_id, c.minhash FROM cluster_bands b "
                "JOIN clusters c USING (article_id) WHERE b.band IN (SELECT band FROM wanted)"
            ).fetchall()
            for band, art, cluster, values in rows:
                index.setdefault(band, []).append((art, cluster, values))
        return assign_clusters(
            pending, lambda bs: [c for b in bs for c in index.get(b, [])])

    def _append(self, table: str, cols: dict[str, list]) -> None:
        arrow = pa.table(cols)  # noqa: F841  (read by DuckDB by name)
        names = ", ".join(f'"{c}"' for c in cols)
        self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM arrow")

    def counts(self) -> dict[str, int]:
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in TABLES}

    def verify(self) -> None:
        """Read every block of the file (checksums verified); E040 if any is damaged."""
        integrity.verify(self.con, self.path)

    def record(self, article_id: str) -> ArticleRecord | None:
        row = self.con.execute("SELECT record FROM articles WHERE id = ?", [article_id]).fetchone()
        return ArticleRecord.from_json(row[0]) if row else None

    # Analytics (see newsgraph.analytics), bound to this store's connection.
    def dyad(self, a: str, b: str, **kwargs):
        from ..analytics import dyad_series

        return dyad_series(self.con, a, b, **kwargs)

    def top_actors(self, n: int = 20, **kwargs):
        from ..analytics import top_actors

        return top_actors(self.con, n, **kwargs)

    def top_dyads(self, n: int = 20, **kwargs):
        from ..analytics import top_dyads

        return top_dyads(self.con, n, **kwargs)

    def network(self, **kwargs):
        from ..analytics import network

        return network(self.con, **kwargs)


def _split(error: str | None) -> tuple[str, str]:
    code, _, msg = (error or "").partition(": ")
    return code, msg


def _columns(table: str, rows: list[tuple]) -> dict[str, list]:
    names = [c for c, _ in TABLES[table]]
    return {n: [r[i] for r in rows] for i, n in enumerate(names)}
