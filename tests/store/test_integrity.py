"""Issue #18: a damaged store knows it. A truncated or bit-flipped store file is E040 from
``stats``, ``export`` and ``ingest`` (nothing written), and the server's health check
fails with 503 while its pages say why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import Store
from newsgraph.testing import synthetic_record

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "000_f6a2bb8c5d2e93d5.txt"


@pytest.fixture(scope="module")
def whole(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("whole") / "s.duckdb"
    records = [synthetic_record(f"a{i}", "2016-08-09",
                                [("TUR", "GOV", "RUS", "", "036", 1, 4.0)] * 3,
                                text=f"Story {i}. " + "Ankara and Moscow talked. " * 400)
               for i in range(300)]
    with Store(path) as store:
        store.write(records)
    return path


def _truncated(whole: Path, tmp_path: Path) -> Path:
    path = tmp_path / "cut.duckdb"
    shutil.copy(whole, path)
    with path.open("r+b") as fh:
        fh.truncate(whole.stat().st_size // 2)
    return path


def _flipped(whole: Path, tmp_path: Path) -> Path:
    path = tmp_path / "flip.duckdb"
    data = bytearray(whole.read_bytes())
    for offset in range(len(data) // 3, len(data) // 3 + 64 * 1024, 97):
        data[offset] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def _cli(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], env=env,
                          capture_output=True, text=True, timeout=300, cwd=ROOT)


def test_a_whole_store_passes_both_checks(whole):
    with Store(whole, read_only=True) as store:
        store.verify()
        assert store.counts()["articles"] == 300


@pytest.mark.parametrize("damage", [_truncated, _flipped])
def test_stats_export_and_ingest_refuse_a_damaged_store(whole, tmp_path, damage):
    path = damage(whole, tmp_path)
    before = path.read_bytes()
    for args in (["stats"], ["export", "--format", "csv", "-o", str(tmp_path / "o.csv")],
                 ["ingest", str(SEED)]):
        done = _cli(*args, "--store", str(path))
        assert done.returncode != 0, (args, done.stdout[-500:])
        assert "[E040]" in done.stderr and "damaged" in done.stderr, (args, done.stderr[-800:])
        assert "Traceback" not in done.stderr
    assert path.read_bytes() == before  # the ingest wrote nothing


def test_a_truncated_store_is_caught_on_open(whole, tmp_path):
    with pytest.raises(StoreError, match="cut short"):
        Store(_truncated(whole, tmp_path), read_only=True)


@pytest.mark.parametrize("damage", [_truncated, _flipped])
def test_the_health_check_fails_on_a_damaged_store(whole, tmp_path, damage):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    app = create_app(Settings(store=str(damage(whole, tmp_path))))
    app.state.db.verify()  # what the server runs in the background at start
    with TestClient(app, base_url="http://localhost") as c:
        health = c.get("/api/health")
        assert health.status_code == 503, health.text
        assert health.json()["status"] == "damaged" and health.json()["code"] == "E040"
        listing = c.get("/api/articles")
        assert listing.status_code == 503 and listing.json()["code"] == "E040"
        page = c.get("/", headers={"accept": "text/html"})
        assert page.status_code == 503 and "damaged" in page.text
        token = {"Authorization": f"Bearer {app.state.write_token}"}
        post = c.post("/api/articles", json={"text": "Turkey met Russia."}, headers=token)
        assert post.status_code == 503 and post.json()["code"] == "E040"
