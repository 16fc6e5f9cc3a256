"""One settings path for the command line, the Python API and the server; bad values are
E010 wherever they come from; a bad pattern file is E030 for the batch, at load."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EVENT = "Turkey shot down a Russian jet on Tuesday."


def _cli(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT):
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run([sys.executable, "-m", "newsgraph.cli", *args], capture_output=True,
                          text=True, timeout=180, env=full, cwd=cwd)


@pytest.mark.parametrize("name, value", [("LANGUAGE_CHECK", "flase"), ("PORT", "abc"),
                                         ("BATCH_SIZE", "0"), ("WORKERS", "-1"),
                                         ("PORT", "70000")])
def test_bad_environment_values_are_e010(name, value):
    from newsgraph.errors import SettingsError
    from newsgraph.settings import load_settings

    with pytest.raises(SettingsError, match=f"NEWSGRAPH_{name}") as err:
        load_settings(environ={f"NEWSGRAPH_{name}": value})
    assert err.value.code == "E010"


@pytest.mark.parametrize("name, value", [("LANGUAGE_CHECK", "flase"), ("PORT", "abc")])
def test_newsgraph_settings_reports_a_bad_value_without_a_traceback(name, value):
    done = _cli("settings", env={f"NEWSGRAPH_{name}": value})
    assert done.returncode == 2
    assert "E010" in done.stderr and f"NEWSGRAPH_{name}" in done.stderr
    assert "Traceback" not in done.stderr


def test_spelled_out_booleans_are_read():
    from newsgraph.settings import load_settings

    for text, value in [("false", False), ("Off", False), ("0", False), ("yes", True)]:
        assert load_settings(environ={"NEWSGRAPH_LANGUAGE_CHECK": text}).language_check is value


def test_bad_values_given_in_python_are_e010():
    from newsgraph import Settings
    from newsgraph.errors import SettingsError

    for bad in ({"port": "abc"}, {"batch_size": 0}, {"language_check": "flase"},
                {"actors_files": [1, 2]}, {"language": "English"}):
        with pytest.raises(SettingsError):
            Settings(**bad)
    assert Settings(actors_files=["a.csv"]).actors_files == ("a.csv",)


def test_a_bad_toml_value_names_the_file(tmp_path):
    from newsgraph.errors import SettingsError
    from newsgraph.settings import load_settings

    (tmp_path / "newsgraph.toml").write_text("[newsgraph]\nport = 'x'\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="newsgraph.toml"):
        load_settings(config=tmp_path / "newsgraph.toml", environ={})


def test_process_honours_newsgraph_toml(tmp_path, monkeypatch):
    import newsgraph

    monkeypatch.chdir(tmp_path)
    assert newsgraph.process(EVENT, date="2015-11-24").events
    (tmp_path / "newsgraph.toml").write_text("[newsgraph]\nextractors = ['actors']\n",
                                             encoding="utf-8")
    rec = newsgraph.process(EVENT, date="2015-11-24")
    assert rec.actors and not rec.events


def test_process_honours_the_environment(monkeypatch):
    import newsgraph

    monkeypatch.setenv("NEWSGRAPH_LANGUAGE_CHECK", "false")
    assert newsgraph.process(EVENT).language_detected is None
    monkeypatch.setenv("NEWSGRAPH_LANGUAGE_CHECK", "flase")
    with pytest.raises(newsgraph.NewsgraphError, match="E010"):
        newsgraph.process(EVENT)


def test_the_server_and_open_store_honour_the_environment(tmp_path, monkeypatch):
    pytest.importorskip("fastapi")
    import newsgraph
    from newsgraph.api import create_app

    path = tmp_path / "env.duckdb"
    monkeypatch.setenv("NEWSGRAPH_STORE", str(path))
    app = create_app()
    assert app.state.settings.store == str(path) and path.exists()
    app.state.db.close()
    with newsgraph.open_store(read_only=True) as store:
        assert store.path == str(path)


def test_a_bad_pattern_file_is_e030_for_the_batch(tmp_path):
    from newsgraph import RawArticle, Settings, process_batch
    from newsgraph.errors import DataFileError

    bad = tmp_path / "bad.txt"
    bad.write_text("this is not a pattern\n", encoding="utf-8")
    for files in [(str(bad),), (str(tmp_path / "missing.txt"),)]:
        with pytest.raises(DataFileError) as err:
            process_batch([RawArticle(text=EVENT)], Settings(patterns_files=files))
        assert err.value.code == "E030"


def test_ingest_with_a_bad_pattern_file_stops_with_e030(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("verb nonsense without a code\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(EVENT, encoding="utf-8")
    done = _cli("ingest", str(article), "--store", str(tmp_path / "s.duckdb"),
                "--patterns", str(bad))
    assert done.returncode == 2
    assert "E030" in done.stderr and "W100" not in done.stderr
    assert "Traceback" not in done.stderr
