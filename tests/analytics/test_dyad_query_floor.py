"""Acceptance: a dyad-by-month query on 1 M synthetic events answers in under 0.5 s."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "dyad_query.py"


@pytest.mark.perf
def test_dyad_query_on_a_million_events_is_under_half_a_second():
    spec = importlib.util.spec_from_file_location("dyad_query", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    m = mod.run(1_000_000, repeats=3)
    assert m["periods"] == 60  # five years of months
    assert m["median_s"] < 0.5, m
