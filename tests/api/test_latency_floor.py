"""Latency floor of the event-list and dyad endpoints (benchmarks/api_latency.py).

Timing floors are machine-dependent, so they carry the ``perf`` marker and run apart from
the correctness tests (``make perf``): a 100 k-event store with a bounded request count; the
1 M-event measurement is also slow (and the numbers in docs/benchmarks.md).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "api_latency.py"
P95_FLOOR_MS = 300


def _measure(**kw) -> dict:
    spec = importlib.util.spec_from_file_location("api_latency", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.measure(**kw)


@pytest.mark.perf
def test_p95_under_floor_on_100k_events():
    m = _measure(n_events=100_000, requests=60, concurrency=2)
    assert m["events_p95_ms"] < P95_FLOOR_MS, m
    assert m["dyad_p95_ms"] < P95_FLOOR_MS, m


@pytest.mark.perf
@pytest.mark.slow
def test_p95_under_floor_on_1m_events():
    m = _measure(n_events=1_000_000, requests=200, concurrency=2)
    assert m["events_p95_ms"] < P95_FLOOR_MS, m
    assert m["dyad_p95_ms"] < P95_FLOOR_MS, m
