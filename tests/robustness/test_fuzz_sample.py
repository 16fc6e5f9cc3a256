"""A bounded sample of ``make fuzz``: generated documents of every kind, no uncaught exception."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _fuzz():
    spec = importlib.util.spec_from_file_location("newsgraph_fuzz", ROOT / "tools" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_fuzz_sample_of_every_reader_raises_nothing(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    fuzz = _fuzz()
    rc = fuzz.main(["--docs", "48", "--seed", "3", "--every", "0", "--out", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    assert report["uncaught"] == 0, report["uncaught_kinds"]
    assert rc == 0
    assert set(report["by_kind"]) == set(fuzz.MAKERS), "every reader had documents"
    assert report["records"] > 0 and report["codes"], report
    assert not list(tmp_path.iterdir()), "no document was saved as a finding"
