"""CI gate: PETRARCH2's validation suite with its four dictionaries (report half)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from tests.conftest import shared_path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "petrarch_validation.py"
FLOORS = {"pass_rate": 0.45, "triple_f1": 0.55}


def test_petrarch_validation_report_half():
    shared_path("eval", "petrarch2_validation", "petrarch2_validation.jsonl")
    spec = importlib.util.spec_from_file_location("petrarch_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    m = module.run("report")
    for name, floor in FLOORS.items():
        assert m[name] >= floor, f"{name} = {m[name]:.3f} < floor {floor}"
