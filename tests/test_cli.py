"""The command line as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT, SEED

EXE = [sys.executable, "-m", "newsgraph.cli"]


def run(*args: str, stdin: str | None = None, cwd: Path | None = None):
    return subprocess.run([*EXE, *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def test_process_seed_prints_one_record():
    out = run("process", str(SEED), "--date", "2016-08-09")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert rec["title"] == "Turkey’s Erdogan pivots to Putin as tensions rise with the West"
    assert rec["published"] == "2016-08-09"


def test_process_stdin_pretty_and_output_file(tmp_path):
    out_file = tmp_path / "out.jsonl"
    out = run("process", "-", "--pretty", "-o", str(out_file),
              stdin="Russia and Turkey signed a pipeline deal in Istanbul on Monday.")
    assert out.returncode == 0, out.stderr
    rec = json.loads(out_file.read_text(encoding="utf-8"))
    assert rec["source"] == "stdin" and "pipeline deal" in rec["text"]


def test_bad_date_is_a_clear_error():
    out = run("process", str(SEED), "--date", "9 Aug")
    assert out.returncode == 2 and "not a date" in out.stderr


def test_ingest_is_idempotent_and_reports_bad_documents(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "empty.txt").write_bytes(b"")
    (docs / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with (docs / "big.txt").open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (docs / "lines.jsonl").write_text(
        json.dumps({"text": "Turkey and Russia resumed talks in Moscow on Tuesday."}) + "\n"
        "not json at all\n", encoding="utf-8")
    store = tmp_path / "s.duckdb"
    first = run("ingest", str(docs), "--store", str(store))
    assert first.returncode == 0, first.stderr
    assert "2 stored" in first.stderr
    for code in ("E001", "E002", "E003", "E005"):
        assert code in first.stderr
    counts1 = run("stats", "--store", str(store)).stdout
    second = run("ingest", str(docs), "--store", str(store))
    assert " 0 stored" in second.stderr
    assert run("stats", "--store", str(store)).stdout.split("errors")[0] == counts1.split("errors")[0]


def test_stats_without_store_is_a_coded_error(tmp_path):
    out = run("stats", "--store", str(tmp_path / "missing.duckdb"))
    assert out.returncode == 2 and "E040" in out.stderr
