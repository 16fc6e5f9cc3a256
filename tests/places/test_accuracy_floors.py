"""CI gate: toponym resolution accuracy on GeoWebNews must not fall below its floor."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import shared_path

ROOT = Path(__file__).resolve().parents[2]
# Pinned floors: raise them when accuracy improves; never lower them silently.
GEOWEBNEWS_ACC161_FLOOR = 0.85
GEOVIRUS_ACC161_FLOOR = 0.78


def _benchmark():
    spec = importlib.util.spec_from_file_location("bench_places", ROOT / "benchmarks/places.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_geowebnews_floor():
    shared_path("eval", "geowebnews", "geowebnews.jsonl")
    m = _benchmark().evaluate("geowebnews")
    assert m["acc161"] >= GEOWEBNEWS_ACC161_FLOOR, m


def test_geovirus_floor():
    shared_path("eval", "geovirus", "geovirus.jsonl")
    m = _benchmark().evaluate("geovirus")
    assert m["acc161"] >= GEOVIRUS_ACC161_FLOOR, m
