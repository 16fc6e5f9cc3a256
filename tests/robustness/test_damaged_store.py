"""A store file cut short gives E040 with what to do: from the commands, and 503 from the server."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def damaged_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    base = tmp_path_factory.mktemp("damaged")
    good = base / "good.duckdb"
    report = ingest_paths([str(EXAMPLES)], Settings(store=str(good), workers=1))
    assert report.stored == 23, report.summary()
    bad = base / "bad.duckdb"
    shutil.copy(good, bad)
    with bad.open("r+b") as fh:  # a copy interrupted at a quarter, a disk that filled up
        fh.truncate(good.stat().st_size // 4)
    return bad


def _cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
         *args: str) -> tuple[int, str]:
    from newsgraph import cli

    monkeypatch.setattr(sys, "argv", ["newsgraph", *args])
    with pytest.raises(SystemExit) as exc:
        cli.main()
    return int(exc.value.code or 0), capsys.readouterr().err


@pytest.mark.parametrize("command", [
    ["export", "--format", "gdelt-events", "-o", "{tmp}/e.csv"],
    ["ingest", str(EXAMPLES / "000_f6a2bb8c5d2e93d5.txt"), "--workers", "1"],
    ["dyad", "TUR", "RUS"],
])
def test_commands_on_a_truncated_store_give_e040(
        damaged_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    store = tmp_path / "s.duckdb"
    shutil.copy(damaged_store, store)
    args = [a.format(tmp=tmp_path) for a in command]
    code, err = _cli(monkeypatch, capsys, *args, "--store", str(store))
    assert code == 2, err
    assert "[E040]" in err and "restore it from a backup" in err, err
    assert "Traceback" not in err


def test_server_on_a_truncated_store_answers_503_with_the_code(damaged_store: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    app = create_app(Settings(store=str(damaged_store)))
    with TestClient(app, base_url="http://localhost", raise_server_exceptions=True) as client:
        api = client.get("/api/events")
        assert api.status_code == 503, api.text
        assert api.json()["code"] == "E040"
        assert str(damaged_store) not in api.text  # the path stays in the server's log
        html = client.get("/", headers={"accept": "text/html"})
        assert html.status_code == 503
        assert "E040" in html.text and str(damaged_store) not in html.text
