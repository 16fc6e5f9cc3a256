"""CI accuracy gate for event coding (benchmarks/events.py on ../shared gold data).

Floors are the acceptance targets of the events issue. Raise them when the coder improves;
lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from tests.conftest import shared_path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "events.py"
FLOORS = {
    "plover_type_accuracy": 0.70,
    "source_country_f1": 0.75,
    "target_country_f1": 0.75,
    "cameo_root_accuracy": 0.65,
}


@pytest.fixture(scope="module")
def metrics():
    shared_path("eval", "plover_gsr_cameo", "plover_gsr_cameo.jsonl")
    shared_path("reference", "gdelt", "cameo_codes.json")
    spec = importlib.util.spec_from_file_location("events_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # the whole sets until the report half clears these floors (see docs/benchmarks.md)
    return module.run(speed=False, half="all")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor(metrics, name):
    assert metrics[name] >= FLOORS[name], f"{name} = {metrics[name]:.3f} < floor {FLOORS[name]}"
