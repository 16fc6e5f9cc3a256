"""The Parquet lake: every store table as Parquet, partitioned by publication date.

Layout: ``OUT/<table>/year=YYYY/month=MM/data_0.parquet`` (Hive partitioning, which DuckDB,
Spark, Trino, Polars and BigQuery read); ``merged_events`` is written too. Tables keep the
store's columns plus ``year`` and ``month`` of the article's publication (``year=0/month=0``
holds undated articles: a NULL partition would break ``pandas.read_parquet``). Export again into the same folder to replace it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb

from ..store.lake import LAKE_TABLES, UNDATED
from .common import window
from .registry import ExportOptions, register


@register("parquet", suffix="", stream=False,
          help="Parquet lake: one folder per table, partitioned by publication year/month.")
def write(con: duckdb.DuckDBPyConnection, out: Path, options: ExportOptions) -> int:
    root = Path(out)
    root.mkdir(parents=True, exist_ok=True)
    n = 0
    tables = [*LAKE_TABLES, "merged_events"]
    for table in tables:
        if table == "articles":
            sql = (f"SELECT *, {_part('published')} "
                   f"FROM articles WHERE {window('published', options)}")
        elif table == "merged_events":
            sql = (f"SELECT *, {_part('day')} "
                   f"FROM merged_events WHERE {window('day', options)}")
        else:
            sql = (f"SELECT t.*, {_part('a.published')} "
                   f"FROM {table} t JOIN articles a ON a.id = t.article_id "
                   f"WHERE {window('a.published', options)}")
        target = root / table
        if target.exists():
            shutil.rmtree(target)
        rows = con.execute(f"SELECT count(*) FROM ({sql})").fetchall()[0][0]
        if not rows:
            continue
        con.execute(f"COPY ({sql}) TO '{_quote(target)}' "
                    "(FORMAT PARQUET, PARTITION_BY (year, month))")
        n += rows
    return n


def _part(day: str) -> str:
    """The partition columns of a row dated by ``day`` (0 when undated)."""
    return (f"coalesce(year({day}), {UNDATED}) AS year, "
            f"coalesce(month({day}), {UNDATED}) AS month")


def _quote(path: Path) -> str:
    return str(path).replace("'", "''")
