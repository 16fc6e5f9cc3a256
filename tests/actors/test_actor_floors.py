"""Accuracy floors on the shared gold sets (measured 2026-11-25; see docs/benchmarks.md).

Floors sit just below the measured values; raise them when the resolver improves, never
lower them silently.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]

FLOORS = {
    "country_accuracy": 0.91,
    "sector_accuracy": 0.78,
    "gum_person_recall": 0.92,
    "gum_organization_recall": 0.88,
    "gum_place_recall": 0.96,
}


@pytest.fixture(scope="module")
def metrics():
    shared_path("eval", "plover_gsr_cameo", "plover_gsr_cameo.jsonl")
    shared_path("eval", "gum_news_entities", "gum_news_entities.jsonl")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import actors as bench

    return bench.run(with_timing=False)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(metrics, name):
    assert metrics[name] >= FLOORS[name], f"{name} fell to {metrics[name]:.3f}"
