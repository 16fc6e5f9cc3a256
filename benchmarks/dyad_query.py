"""Dyad-by-month query latency on a synthetic store of N events (default 1 M).

    .venv/bin/python benchmarks/dyad_query.py [--events N] [--repeats R]

Prints build time, then the latency of ``dyad_series(con, "TUR", "RUS", by="month")``
(first call and median of the rest). Target: under 0.5 s on 1 M events.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from newsgraph.analytics import dyad_series, top_dyads
from newsgraph.store import Store
from newsgraph.testing import build_synthetic_store


def run(n_events: int = 1_000_000, repeats: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.duckdb"
        t0 = time.perf_counter()
        build_synthetic_store(path, n_events)
        build_s = time.perf_counter() - t0
        with Store(path, read_only=True) as store:
            times = []
            for _ in range(max(2, repeats)):
                t = time.perf_counter()
                df = dyad_series(store.con, "TUR", "RUS", by="month")
                times.append(time.perf_counter() - t)
            t = time.perf_counter()
            top_dyads(store.con, 20)
            top_s = time.perf_counter() - t
    return {"events": n_events, "build_s": build_s, "first_s": times[0],
            "median_s": statistics.median(times[1:]), "max_s": max(times[1:]),
            "periods": len(df), "top_dyads_s": top_s}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    m = run(args.events, args.repeats)
    print(f"{'events':<28}{m['events']:>12,}")
    print(f"{'build synthetic store (s)':<28}{m['build_s']:>12.2f}")
    print(f"{'dyad by month, first (s)':<28}{m['first_s']:>12.3f}")
    print(f"{'dyad by month, median (s)':<28}{m['median_s']:>12.3f}")
    print(f"{'dyad by month, max (s)':<28}{m['max_s']:>12.3f}")
    print(f"{'top 20 dyads (s)':<28}{m['top_dyads_s']:>12.3f}")
    print(f"{'periods':<28}{m['periods']:>12,}")


if __name__ == "__main__":
    main()
