"""Issue #18: a big download streams. A 1,000,000-row JSON download from a server process
on a 1,000,000-event store keeps that process under 500 MB resident at its peak."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LIMIT_MB = 500


def _peak_mb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    raise AssertionError("no VmHWM")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc (Linux)")
def test_a_million_row_json_download_stays_under_500_mb(tmp_path):
    import httpx

    from newsgraph.testing import build_synthetic_store

    store = build_synthetic_store(tmp_path / "m.duckdb", 1_000_000)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = ("import uvicorn; from newsgraph.api import create_app; "
            "from newsgraph.settings import Settings; "
            f"uvicorn.run(create_app(Settings(store={str(store)!r})), host='127.0.0.1', "
            f"port={port}, log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(f"{base}/api/basemap", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, "no server"
            time.sleep(0.3)
        size, head, tail = 0, b"", b""
        with httpx.stream("GET", f"{base}/api/events",
                          params={"format": "json", "max_rows": 1_000_000},
                          timeout=600) as resp:
            assert resp.status_code == 200
            for chunk in resp.iter_bytes():
                head = head or chunk[:2000]
                tail = (tail + chunk)[-2000:]
                size += len(chunk)
        peak = _peak_mb(proc.pid)
    finally:
        proc.kill()
        proc.wait()
    assert head.startswith(b'[{"article_id"') and tail.endswith(b"}]")
    first = json.loads(head[1:head.index(b"}") + 1])
    assert first["published"] == "2019-12-30"  # newest first
    assert size > 400_000_000  # a million rows of about 500 bytes
    assert peak < LIMIT_MB, f"server peaked at {peak} MB"
