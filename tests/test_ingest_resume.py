"""Ingest is idempotent and resumable: SIGKILL part-way, rerun, same rows as one clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from itertools import islice
from pathlib import Path

import pytest

from newsgraph.ingest import ingest_paths
from newsgraph.settings import Settings
from newsgraph.store import Store

from .conftest import shared_path

ROOT = Path(__file__).resolve().parents[1]


def _subset(tmp_path: Path, n: int) -> Path:
    corpus = shared_path("corpus", "news.jsonl")
    out = tmp_path / f"news{n}.jsonl"
    with corpus.open(encoding="utf-8") as fh:
        out.write_text("".join(islice(fh, n)), encoding="utf-8")
    return out


def _counts(path: Path) -> dict[str, int]:
    with Store(path, read_only=True) as s:
        counts = s.counts()
    counts.pop("ingest_log")  # a resumed run logs the same keys; checked separately
    return counts


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.cli import main; main()", *args]


def _kill_after_commits(cmd: list[str], commits: int, timeout: float = 120) -> None:
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                            start_new_session=True)
    seen, deadline = 0, time.monotonic() + timeout
    for line in proc.stderr:
        if "batch committed" in line:
            seen += 1
            if seen >= commits:
                break
        if time.monotonic() > deadline:
            break
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert seen >= commits, "the ingest finished or failed before it could be killed"


def test_sigkill_then_rerun_gives_the_rows_of_one_clean_run(tmp_path):
    data = _subset(tmp_path, 100)
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    ingest_paths([str(data)], Settings(store=str(clean), workers=1), batch_size=10)
    _kill_after_commits(_cli("-v", "ingest", str(data), "--store", str(resumed),
                             "--batch", "10", "--workers", "1"), commits=3)
    partial = _counts(resumed)
    assert 0 < partial["articles"] < 100
    report = ingest_paths([str(data)], Settings(store=str(resumed), workers=1), batch_size=10)
    assert report.skipped >= partial["articles"]  # committed batches were not processed again
    assert _counts(resumed) == _counts(clean)
    with Store(resumed, read_only=True) as s:
        dup = s.con.execute("SELECT count(*) - count(DISTINCT input_key) FROM ingest_log")
        assert dup.fetchone()[0] == 0


def test_ingesting_twice_changes_nothing(tmp_path):
    data = _subset(tmp_path, 30)
    settings = Settings(store=str(tmp_path / "twice.duckdb"), workers=1)
    first = ingest_paths([str(data)], settings)
    before = _counts(tmp_path / "twice.duckdb")
    second = ingest_paths([str(data)], settings)
    assert first.stored == 30 and second.stored == 0 and second.skipped == 30
    assert _counts(tmp_path / "twice.duckdb") == before


@pytest.mark.slow
def test_full_corpus_twice_with_two_workers(tmp_path):
    corpus = shared_path("corpus", "news.jsonl")
    settings = Settings(store=str(tmp_path / "full.duckdb"), workers=2)
    first = ingest_paths([str(corpus)], settings)
    before = _counts(tmp_path / "full.duckdb")
    ingest_paths([str(corpus)], settings)
    assert before["articles"] == first.stored > 600
    assert _counts(tmp_path / "full.duckdb") == before


@pytest.mark.slow
def test_full_corpus_sigkill_and_resume(tmp_path):
    corpus = shared_path("corpus", "news.jsonl")
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    ingest_paths([str(corpus)], Settings(store=str(clean), workers=2))
    _kill_after_commits(_cli("-v", "ingest", str(corpus), "--store", str(resumed),
                             "--workers", "2"), commits=4, timeout=600)
    ingest_paths([str(corpus)], Settings(store=str(resumed), workers=2))
    assert _counts(resumed) == _counts(clean)
