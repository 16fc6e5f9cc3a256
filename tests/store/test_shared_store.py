"""One store, many readers: while ``newsgraph serve`` runs, the command line and a
notebook read the same file; the server's own writes show up; a second writer gets E040
naming the process that holds the store."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "turkey_russia_2015_2017.jsonl"


def _cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True,
                          text=True, timeout=timeout, env=env, cwd=ROOT)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(store path, base URL, server process) with ``newsgraph serve`` running."""
    import httpx

    store = tmp_path_factory.mktemp("shared") / "s.duckdb"
    done = _cli("ingest", str(EXAMPLES), "--store", str(store))
    assert done.returncode == 0, done.stderr
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--store",
                             str(store), "--port", str(port)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"the server did not start: {proc.stderr.read()[-2000:]}")
        time.sleep(0.2)
    yield store, url, proc
    proc.terminate()
    proc.wait(timeout=20)


def _articles(out: str) -> int:
    line = next(ln for ln in out.splitlines() if ln.startswith("articles"))
    return int(line.split()[-1].replace(",", ""))


def test_stats_export_and_dyad_run_while_the_server_runs(served, tmp_path):
    store, _, _ = served
    stats = _cli("stats", "--store", str(store))
    assert stats.returncode == 0, stats.stderr
    assert _articles(stats.stdout) == 22
    from newsgraph.exports import FORMATS

    for fmt, exporter in FORMATS.items():  # every format, the lake folder included
        out = tmp_path / f"out{exporter.suffix or '-' + fmt}"
        export = _cli("export", "-f", fmt, "-o", str(out), "--store", str(store))
        assert export.returncode == 0, (fmt, export.stderr)
        assert "E040" not in export.stderr
        written = out.read_text(encoding="utf-8") if out.is_file() else \
            "".join(p.name for p in out.rglob("*.parquet"))
        assert written.strip(), fmt
    dyad = _cli("dyad", "TUR", "RUS", "--store", str(store))
    assert dyad.returncode == 0, dyad.stderr
    assert "E040" not in dyad.stderr


def test_a_notebook_reads_while_the_server_runs(served):
    import duckdb

    store, _, _ = served
    con = duckdb.connect(str(store), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] >= 22
    finally:
        con.close()


def test_the_servers_writes_are_seen_by_it_and_by_others(served):
    import httpx

    store, url, _ = served
    before = httpx.get(f"{url}/api/health").json()["counts"]["articles"]
    reply = httpx.post(f"{url}/api/articles", timeout=120,
                       json={"text": "Turkey and Russia signed a trade agreement in Ankara.",
                             "date": "2017-03-10"})
    assert reply.status_code == 201, reply.text
    assert httpx.get(f"{url}/api/health").json()["counts"]["articles"] == before + 1
    assert httpx.get(url + reply.json()["links"]["record"]).status_code == 200
    stats = _cli("stats", "--store", str(store))
    assert stats.returncode == 0 and _articles(stats.stdout) == before + 1


def test_a_second_writer_is_told_who_holds_the_store(served, tmp_path):
    store, _, proc = served
    extra = tmp_path / "one.txt"
    extra.write_text("Iran and Iraq agreed to fight terrorism together.", encoding="utf-8")
    done = _cli("ingest", str(extra), "--store", str(store))
    assert done.returncode == 2
    assert "E040" in done.stderr and "Traceback" not in done.stderr
    assert f"PID {proc.pid}" in done.stderr and "serve" in done.stderr
    assert "/api/articles" in done.stderr


def test_the_documented_curl_post_stores_the_date(served, tmp_path):
    import json
    import re
    import shutil

    if not shutil.which("curl"):
        pytest.skip("curl is not installed")
    _, url, _ = served
    doc = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```sh\n(.*?)```", doc, re.S) if "curl" in b)
    command = block.replace("localhost:8000", url.removeprefix("http://"))
    (tmp_path / "story.txt").write_text("Iran and Iraq signed a border agreement in Baghdad.",
                                        encoding="utf-8")
    done = subprocess.run(["bash", "-c", command.strip() + " --fail --silent"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["published"] == "2016-08-09"
