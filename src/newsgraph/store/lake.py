"""The Parquet lake that ingest writes beside the store, one batch at a time.

Layout (the same as ``newsgraph export --format parquet``, so the same readers work)::

    ROOT/<table>/year=YYYY/month=M/part-<batch key>.parquet
    ROOT/<table>/year=0/month=0/...  (undated: 0, not NULL, so that pandas, pyarrow and
    DuckDB all read the partition columns; a NULL partition breaks pandas.read_parquet)

Every file holds the store table's columns with the store's types; ``year`` and ``month``
(of the article's publication; child tables take their article's) come from the folder
names. A batch's files are written *before* its store transaction commits, under a
deterministic key (a hash of the batch's new article ids), so a redone batch overwrites
the same files. Each file is written under a temporary name and renamed into place, and a
marker in ``ROOT/_pending`` lists the batch's ids until the store has committed: on the next
run :meth:`LakeWriter.recover` deletes the files of any batch the store never committed.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import StoreError
from .schema import TABLES

log = logging.getLogger(__name__)

UNDATED = 0  # year and month of undated articles' partition

__all__ = ["LAKE_TABLES", "LakeWriter", "batch_key"]

# The tables the export writes too, less the merged_events view (it spans all batches).
LAKE_TABLES = [t for t in TABLES if t not in ("errors", "ingest_log", "cluster_bands")]

PENDING = "_pending"
TMP = "_tmp"

Columns = dict[str, dict[str, list]]


def batch_key(ids: Iterable[str]) -> str:
    """Deterministic name of a batch: the same new article ids give the same files."""
    h = hashlib.sha1()
    for i in sorted(set(ids)):
        h.update(i.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:20]


def _kind(decl: str) -> str:
    return decl.replace("PRIMARY KEY", "").strip()


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")


class LakeWriter:
    """Writes the rows one store batch inserts as Hive-partitioned Parquet under ``root``."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            # Left by a killed run; never read (outside every table folder).
            shutil.rmtree(self.root / TMP, ignore_errors=True)
        except OSError as exc:
            raise StoreError(f"cannot use lake folder {self.root}: {exc}") from exc
        self.con = duckdb.connect()
        self.con.execute("SET enable_progress_bar = false")
        self._staged: list[str] = []

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> LakeWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def stage(self, columns: Columns) -> str:
        """Write a store batch under its :func:`batch_key` (a ``Store.write`` before_commit
        hook); :meth:`commit_staged` confirms it once the store has committed."""
        key = batch_key(columns.get("articles", {}).get("id", ()))
        self.write_batch(columns, key)
        # One batch per store write: a key left by a write that failed stays pending.
        self._staged = [key]
        return key

    def commit_staged(self) -> None:
        """The store committed the staged batches: their files are final."""
        for key in self._staged:
            self.committed(key)
        self._staged.clear()

    def write_batch(self, columns: Columns, key: str) -> int:
        """Write one batch (the store's per-table columns) as ``part-<key>.parquet`` files.

        ``columns["articles"]`` must carry ``id`` and ``published``; child tables are
        partitioned by their article's publication. Returns the number of files written.
        """
        arts = columns.get("articles") or {}
        ids = list(arts.get("id", ()))
        if not ids:
            return 0
        published = dict(zip(ids, arts["published"], strict=True))
        staging = self.root / TMP / key
        try:
            self._mark(key, ids)
            shutil.rmtree(staging, ignore_errors=True)
            staging.mkdir(parents=True)
            n = 0
            for table in LAKE_TABLES:
                cols = columns.get(table)
                if not cols or not next(iter(cols.values())):
                    continue
                days = cols["published"] if table == "articles" else [
                    published.get(a) for a in cols["article_id"]]
                n += self._write_table(table, cols, days, staging / table, key)
            shutil.rmtree(staging, ignore_errors=True)
        except (OSError, duckdb.Error) as exc:
            raise StoreError(f"cannot write the lake batch {key} to {self.root}: {exc}") from exc
        log.debug("lake batch %s: %d files", key, n)
        return n

    def _write_table(self, table: str, cols: dict[str, list], days: list, staging: Path,
                     key: str) -> int:
        data = dict(cols)
        data["year"] = [d.year if d else UNDATED for d in days]
        data["month"] = [d.month if d else UNDATED for d in days]
        arrow = pa.table({k: pa.array(v, type=pa.int64()) if k in ("year", "month") else v
                          for k, v in data.items()})
        # Cast to the store's declared types, so the lake reads back like the store.
        select = ", ".join(f'CAST("{c}" AS {_kind(k)}) AS "{c}"' for c, k in TABLES[table]
                           if c in cols)
        self.con.register("batch", arrow)
        try:
            self.con.execute(
                f"COPY (SELECT {select}, year, month FROM batch) TO '{_quote(staging)}' "
                "(FORMAT PARQUET, PARTITION_BY (year, month))")
        finally:
            self.con.unregister("batch")
        n = 0
        for folder, _, files in sorted(os.walk(staging)):
            for i, name in enumerate(sorted(f for f in files if f.endswith(".parquet"))):
                rel = Path(folder).relative_to(staging)
                dest = self.root / table / rel / (f"part-{key}.parquet" if i == 0
                                                  else f"part-{key}-{i}.parquet")
                dest.parent.mkdir(parents=True, exist_ok=True)
                os.replace(Path(folder) / name, dest)  # atomic: never a half file in place
                n += 1
        return n

    def _mark(self, key: str, ids: list[str]) -> None:
        folder = self.root / PENDING
        folder.mkdir(exist_ok=True)
        tmp = folder / f".{key}.tmp"
        tmp.write_text(json.dumps({"ids": sorted(ids)}), encoding="utf-8")
        os.replace(tmp, folder / f"{key}.json")

    def committed(self, key: str) -> None:
        """The store committed batch ``key``: its files are final."""
        (self.root / PENDING / f"{key}.json").unlink(missing_ok=True)

    def pending(self) -> list[str]:
        """Keys of batches written to the lake whose store commit is not confirmed."""
        folder = self.root / PENDING
        return sorted(p.stem for p in folder.glob("*.json")) if folder.is_dir() else []

    def recover(self, known_ids: Callable[[Iterable[str]], set[str]]) -> int:
        """Settle batches a killed run left pending; returns how many were rolled back.

        ``known_ids`` (e.g. ``Store.known_ids``) tells which article ids the store holds. A
        batch commits all or nothing, so one stored id means the batch committed: its files
        stay. Otherwise its files are deleted (the batch will be redone).
        """
        undone = 0
        for key in self.pending():
            marker = self.root / PENDING / f"{key}.json"
            try:
                ids = json.loads(marker.read_text(encoding="utf-8"))["ids"]
            except (OSError, ValueError, KeyError):
                ids = []
            if not (ids and known_ids(ids)):
                self.remove(key)
                undone += 1
                log.info("lake: removed the files of uncommitted batch %s", key)
            marker.unlink(missing_ok=True)
        return undone

    def remove(self, key: str) -> int:
        """Delete every file of batch ``key``; returns how many."""
        n = 0
        for table in LAKE_TABLES:
            folder = self.root / table
            if folder.is_dir():
                for path in folder.rglob(f"part-{key}*.parquet"):
                    path.unlink()
                    n += 1
        return n
