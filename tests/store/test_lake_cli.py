"""`newsgraph ingest --lake DIR` (and NEWSGRAPH_LAKE) as a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "000_f6a2bb8c5d2e93d5.txt"


def _ingest(tmp_path: Path, *args: str, env: dict[str, str] | None = None):
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", "ingest", str(SEED), "--date", "2016-08-09",
         "--store", str(tmp_path / "s.duckdb"), "--workers", "1", *args],
        capture_output=True, text=True, cwd=tmp_path, timeout=300,
        env={**os.environ, **(env or {})})


def _events_by_month(lake: Path) -> list[tuple]:
    return duckdb.sql(
        f"SELECT year, month, count(*) FROM read_parquet('{lake}/events/**/*.parquet', "
        "hive_partitioning=true) GROUP BY ALL").fetchall()


def _stored_events(tmp_path: Path) -> int:
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        return con.execute("SELECT count(*) FROM events").fetchone()[0]


def test_ingest_lake_flag_writes_the_seed_into_its_month(tmp_path):
    out = _ingest(tmp_path, "--lake", str(tmp_path / "lake"))
    assert out.returncode == 0, out.stderr
    n = _stored_events(tmp_path)
    assert n > 0
    assert _events_by_month(tmp_path / "lake") == [(2016, 8, n)]
    again = _ingest(tmp_path, "--lake", str(tmp_path / "lake"))
    assert again.returncode == 0, again.stderr
    assert _events_by_month(tmp_path / "lake") == [(2016, 8, n)]


def test_the_lake_setting_comes_from_the_environment(tmp_path):
    out = _ingest(tmp_path, env={"NEWSGRAPH_LAKE": "envlake"})
    assert out.returncode == 0, out.stderr
    assert _events_by_month(tmp_path / "envlake") == [(2016, 8, _stored_events(tmp_path))]
