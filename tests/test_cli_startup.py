"""The command line starts without loading spaCy or the pipeline; it has --version."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True,
                          timeout=120, env=ENV, cwd=ROOT)


def test_importing_the_cli_loads_no_nlp():
    done = _run("-c", "import sys, newsgraph.cli; "
                      "print(sorted(m for m in ('spacy', 'newsgraph.pipeline', 'trafilatura', "
                      "'duckdb', 'pandas') if m in sys.modules))")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_version():
    import newsgraph

    done = _run("-m", "newsgraph.cli", "--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"newsgraph {newsgraph.__version__}"


def test_process_batch_is_still_importable_from_the_package():
    done = _run("-c", "from newsgraph import process_batch; print(process_batch.__name__)")
    assert done.stdout.strip() == "process_batch", done.stderr


@pytest.mark.perf
def test_help_answers_within_half_a_second():
    best = min(_timed() for _ in range(3))
    assert best < 0.5, f"newsgraph --help took {best:.2f} s"


def _timed() -> float:
    start = time.perf_counter()
    done = _run("-m", "newsgraph.cli", "--help")
    assert done.returncode == 0
    return time.perf_counter() - start
