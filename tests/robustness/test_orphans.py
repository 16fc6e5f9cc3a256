"""A killed ingest leaves no worker process behind; SIGTERM commits a batch and exits 143."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                                reason="reads the process table from /proc")

ROOT = Path(__file__).resolve().parents[2]


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            out |= {int(x) for x in Path(f"/proc/{pid}/task/{task}/children").read_text().split()}
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _corpus(path: Path, n: int = 600) -> Path:
    with path.open("w") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"a{i}", "text": f"Story {i}. Turkish President Erdogan "
                                 "met Russian President Putin in Ankara on Tuesday. The two "
                                 "leaders signed a trade agreement, officials said."}) + "\n")
    return path


def _start_ingest(tmp_path: Path) -> tuple[subprocess.Popen, set[int], Path]:
    store = tmp_path / "s.duckdb"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "ingest", str(_corpus(tmp_path / "in.jsonl")),
         "--store", str(store), "--workers", "2", "--batch", "8"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    kids: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        kids = {k for k in _children(proc.pid) if _alive(k)}
        if len(kids) >= 2:
            break
        time.sleep(0.1)
    if len(kids) < 2:
        proc.kill()
        pytest.fail(f"no workers started: {proc.stderr.read().decode()[-2000:] if proc.stderr else ''}")
    time.sleep(1.0)  # the workers are busy with batches
    return proc, _children(proc.pid) | kids, store


def _wait_gone(pids: set[int], seconds: float) -> set[int]:
    deadline = time.monotonic() + seconds
    while (left := {p for p in pids if _alive(p)}) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def test_sigkill_of_the_ingest_leaves_no_worker(tmp_path: Path) -> None:
    proc, workers, _ = _start_ingest(tmp_path)
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        left = _wait_gone(workers, 5.0)
        assert not left, f"workers alive 5 s after the parent's SIGKILL: {sorted(left)}"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)


@pytest.mark.slow
def test_sigterm_commits_what_it_can_and_exits_143(tmp_path: Path) -> None:
    proc, workers, store = _start_ingest(tmp_path)
    try:
        proc.send_signal(signal.SIGTERM)
        rc = proc.wait(120)
        err = proc.stderr.read().decode() if proc.stderr else ""
        assert rc == 143, err[-2000:]
        assert "stopped early by SIGTERM" in err
        assert not _wait_gone(workers, 5.0), "workers alive 5 s after a SIGTERM'd ingest ended"
        with duckdb.connect(str(store), read_only=True) as con:
            row = con.execute("SELECT count(*) FROM articles").fetchone()
        assert row is not None and 0 < row[0] < 600, "a batch was committed, not all"
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
