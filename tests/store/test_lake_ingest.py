"""`ingest` with a lake: the lake holds exactly the store's rows, resumably, never twice."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from newsgraph.ingest import ingest_paths
from newsgraph.settings import Settings
from newsgraph.store import Store
from newsgraph.store.lake import LAKE_TABLES, LakeWriter

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "turkey_russia_2015_2017.jsonl"
# Two in one month, others apart; the last loses its date (goes to the NULL partition).
PICK = ["2015-11-24", "2015-11-25", "2016-08-09", "2017-01-24", "2017-09-12"]
# Relative paths and one Settings object: the parsed pipeline is cached on Settings.
SETTINGS = Settings(store="s.duckdb", lake="lake", workers=1)


@pytest.fixture
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    rows = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if r["published"] in PICK]
    assert len(rows) == len(PICK)
    rows[-1].pop("published")
    rows[-1].pop("url")  # the URL carries the date too
    out = tmp_path / "news.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return out


def _lake(sql: str, table: str = "articles") -> list[tuple]:
    con = duckdb.connect()
    con.execute(f"CREATE VIEW t AS SELECT * FROM read_parquet('lake/{table}/**/*.parquet', "
                "hive_partitioning=true)")
    return con.execute(sql).fetchall()


def _lake_counts() -> dict[str, int]:
    return {t: _lake("SELECT count(*) FROM t", t)[0][0] if Path("lake", t).is_dir() else 0
            for t in LAKE_TABLES}


def _store_counts() -> dict[str, int]:
    with Store(SETTINGS.store, read_only=True) as s:
        counts = s.counts()
    return {t: counts[t] for t in LAKE_TABLES}


def _files() -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in Path("lake").rglob("*.parquet")}


def test_the_lake_holds_the_store_rows_partitioned_by_publication_month(corpus):
    report = ingest_paths([str(corpus)], SETTINGS, batch_size=2)
    assert report.stored == len(PICK)
    counts = _store_counts()
    assert counts["events"] > 0 and counts["actors"] > 0
    assert _lake_counts() == counts
    with Store(SETTINGS.store, read_only=True) as s:
        stored = dict(s.con.execute("SELECT id, published FROM articles").fetchall())
        for table in ("articles", "events", "quotes"):
            want = {(c[0], c[1]) for c in s.con.execute(f"DESCRIBE {table}").fetchall()}
            got = set(_lake("SELECT column_name, column_type FROM (DESCRIBE t)", table))
            assert got == want | {("year", "BIGINT"), ("month", "BIGINT")}
    assert sum(d is None for d in stored.values()) == 1
    for art, year, month in _lake("SELECT id, year, month FROM t"):
        day = stored[art]
        assert (year, month) == ((day.year, day.month) if day else (0, 0))
    assert {f.parent.relative_to("lake/articles").as_posix()
            for f in Path("lake/articles").rglob("*.parquet")} == {
        "year=2015/month=11", "year=2016/month=8", "year=2017/month=1",
        "year=0/month=0"}
    # Every child row sits in its article's partition.
    for table in ("events", "actors", "entities"):
        rows = _lake("SELECT article_id, year, month FROM t", table)
        assert rows and all(
            (y, m) == ((stored[a].year, stored[a].month) if stored[a] else (0, 0))
            for a, y, m in rows)
    assert LakeWriter("lake").pending() == []


def test_ingesting_the_same_files_again_adds_no_file(corpus):
    ingest_paths([str(corpus)], SETTINGS, batch_size=2)
    before = _files()
    report = ingest_paths([str(corpus)], SETTINGS, batch_size=2)
    assert report.stored == 0 and report.skipped == len(PICK)
    assert _files() == before


@pytest.mark.parametrize("rerun_batch", [2, 3])
def test_a_crash_between_lake_write_and_store_commit_duplicates_nothing(
        corpus, monkeypatch, rerun_batch):
    stage = LakeWriter.stage
    calls = []

    def crash_on_second_batch(self, columns):
        key = stage(self, columns)
        calls.append(key)
        if len(calls) == 2:
            raise RuntimeError("killed after the lake write, before the store commit")
        return key

    monkeypatch.setattr(LakeWriter, "stage", crash_on_second_batch)
    with pytest.raises(RuntimeError):
        ingest_paths([str(corpus)], SETTINGS, batch_size=2)
    assert _store_counts()["articles"] == 2
    assert _lake_counts()["articles"] == 4  # the lost batch's files are on disk
    assert LakeWriter("lake").pending() == [calls[1]]

    monkeypatch.setattr(LakeWriter, "stage", stage)
    # The same batching redoes the same key (overwrite); another one needs the recovery.
    report = ingest_paths([str(corpus)], SETTINGS, batch_size=rerun_batch)
    assert report.stored == len(PICK) - 2
    assert _lake_counts() == _store_counts()
    assert _lake("SELECT count(*), count(DISTINCT id) FROM t") == [(len(PICK), len(PICK))]
    assert _lake("SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (year, month) FROM t)",
                 "events") == [(_store_counts()["events"],)]
    assert LakeWriter("lake").pending() == []


def test_without_a_lake_setting_nothing_is_written(corpus):
    ingest_paths([str(corpus)], SETTINGS.replace(lake=""), batch_size=5)
    assert not Path("lake").exists()
