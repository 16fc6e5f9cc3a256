"""LakeWriter on hand-made records: layout, types, NULL partitions, crash recovery."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.store.lake import LAKE_TABLES, LakeWriter, batch_key
from newsgraph.testing import synthetic_record

EVENT = [("TUR", "GOV", "RUS", "GOV", "190", 4, -10.0)]


def _records():
    return [
        synthetic_record("a1", "2016-08-09", EVENT, place=("Ankara", "TUR", 39.9, 32.8)),
        synthetic_record("a2", "2016-08-30", EVENT),
        synthetic_record("a3", "2017-01-02", EVENT),
        synthetic_record("a4", "", EVENT),  # undated
    ]


def _read(lake: Path, table: str, sql: str = "SELECT * FROM t"):
    con = duckdb.connect()
    con.execute(f"CREATE VIEW t AS SELECT * FROM read_parquet('{lake}/{table}/**/*.parquet', "
                "hive_partitioning=true)")
    return con.execute(sql).fetchall()


def _files(lake: Path) -> set[Path]:
    return {p.relative_to(lake) for t in LAKE_TABLES for p in (lake / t).rglob("*.parquet")}


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def test_batch_key_depends_on_the_ids_not_their_order():
    assert batch_key(["b", "a"]) == batch_key(["a", "b", "a"])
    assert batch_key(["a"]) != batch_key(["a", "b"])


def test_one_file_per_table_and_month_with_the_store_types(store, tmp_path):
    lake = tmp_path / "lake"
    with LakeWriter(lake) as w:
        assert store.write(_records(), before_commit=w.stage) == 4
        w.commit_staged()
    key = batch_key(["a1", "a2", "a3", "a4"])
    names = {p.name for p in _files(lake)}
    assert names == {f"part-{key}.parquet"}
    months = {p.parent.as_posix() for p in (lake / "articles").rglob("*.parquet")}
    assert months == {f"{lake}/articles/year=2016/month=8", f"{lake}/articles/year=2017/month=1",
                      f"{lake}/articles/year=0/month=0"}
    assert _read(lake, "articles", "SELECT id, year, month FROM t ORDER BY id") == [
        ("a1", 2016, 8), ("a2", 2016, 8), ("a3", 2017, 1), ("a4", 0, 0)]
    # Child rows take their article's month; places only exist for a1.
    assert _read(lake, "places", "SELECT article_id, year, month FROM t") == [("a1", 2016, 8)]
    for table in ("articles", "events", "actors", "clusters"):
        lake_cols = _read(lake, table, "SELECT column_name, column_type FROM (DESCRIBE t)")
        store_cols = store.con.execute(f"DESCRIBE {table}").fetchall()
        assert sorted(lake_cols) == sorted(
            [(c[0], c[1]) for c in store_cols] + [("year", "BIGINT"), ("month", "BIGINT")])
        assert _read(lake, table, "SELECT count(*) FROM t")[0][0] == store.counts()[table]
    assert w.pending() == [] and not list((lake / "_tmp").iterdir())


def test_a_failing_lake_write_commits_nothing_to_the_store(store, tmp_path):
    def boom(columns):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        store.write(_records(), before_commit=boom)
    assert store.counts()["articles"] == 0
    assert store.write(_records()) == 4  # the store is usable afterwards


def test_recover_removes_an_uncommitted_batch_and_keeps_a_committed_one(store, tmp_path):
    lake = tmp_path / "lake"
    first, second = _records()[:2], _records()[2:]
    with LakeWriter(lake) as w:
        store.write(first, before_commit=w.stage)  # committed, but the marker was never cleared
        key1 = w.pending()[0]

        def crash(columns):
            w.stage(columns)
            raise RuntimeError("killed before the store commit")

        with pytest.raises(RuntimeError):
            store.write(second, before_commit=crash)
        assert len(w.pending()) == 2
        assert _read(lake, "articles", "SELECT count(*) FROM t")[0][0] == 4
    with LakeWriter(lake) as w:
        assert w.recover(store.known_ids) == 1
        assert w.pending() == []
    assert {p.name for p in _files(lake)} == {f"part-{key1}.parquet"}
    assert _read(lake, "articles", "SELECT id FROM t ORDER BY id") == [("a1",), ("a2",)]


def test_writing_a_batch_again_overwrites_its_files(tmp_path):
    lake = tmp_path / "lake"
    with Store(tmp_path / "a.duckdb") as a, Store(tmp_path / "b.duckdb") as b, \
            LakeWriter(lake) as w:
        a.write(_records(), before_commit=w.stage)
        before = _files(lake)
        b.write(_records(), before_commit=w.stage)  # the same new ids: the same key
        assert _files(lake) == before
    assert _read(lake, "articles", "SELECT count(*), count(DISTINCT id) FROM t") == [(4, 4)]


def test_nothing_new_writes_nothing(store, tmp_path):
    calls = []
    store.write(_records())
    store.write(_records(), before_commit=calls.append)
    assert calls == []
    with LakeWriter(tmp_path / "lake") as w:
        assert w.write_batch({}, "k") == 0
    assert _files(tmp_path / "lake") == set()


def test_an_unusable_lake_folder_is_a_store_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError):
        LakeWriter(blocker / "lake")
