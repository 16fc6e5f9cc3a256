"""Latency of the event-list, events-page (with facets) and dyad endpoints on a store of
synthetic events.

Builds a store with ``newsgraph.testing.build_synthetic_store`` (1 M events by
default), starts ``newsgraph serve`` on a free loopback port in a subprocess, and sends a
bounded number of requests from a small thread pool (httpx), with filters, offsets and
dyads drawn at random from a fixed seed. Prints p50/p95/p99 per endpoint.

    .venv/bin/python benchmarks/api_latency.py [--events 1000000] [--requests 300]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

COUNTRIES = ["TUR", "RUS", "USA", "SYR", "IRN", "DEU", "FRA", "GBR", "CHN", "UKR", "ISR", "IRQ"]


KINDS = {"events": "GET /api/events", "page": "GET /events (facets)",
         "dyad": "GET /api/dyads/../series", "search": "GET /api/search"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _event_query(rng: random.Random) -> tuple[str, dict]:
    a, b = rng.sample(COUNTRIES, 2)
    year = rng.randint(2015, 2019)
    params = rng.choice([
        {},
        {"dyad": f"{a}-{b}"},
        {"actor": a, "quad": rng.randint(1, 4)},
        {"root": rng.choice(["03", "04", "11", "19"]), "start": f"{year}-01-01",
         "end": f"{year}-12-31"},
        {"q": rng.choice(["agreement", "military", "criticize"])},
        {"dyad": f"{a}-{b}", "directed": "true", "quad": [3, 4]},
    ])
    params["offset"] = rng.choice([0, 0, 50, 500])
    return "/api/events", params


def _page_query(rng: random.Random) -> tuple[str, dict]:
    """The events page: its table sorted by a random column, with the five facet counts."""
    _, params = _event_query(rng)
    params["sort"] = rng.choice(["-published", "goldstein", "-goldstein", "source", "-date",
                                 "quad"])
    if rng.random() < 0.5:
        params["include_modal"] = "true"
    return "/events", params


def _dyad_query(rng: random.Random) -> tuple[str, dict]:
    a, b = rng.sample(COUNTRIES, 2)
    return f"/api/dyads/{a}/{b}/series", rng.choice([{}, {"by": "day"}, {"directed": "true"}])


WORDS = ["talks", "sanctions", "minister", "border", "military", "agreement", "ceasefire",
         "pipeline", "gas", "troops", "summit", "embassy", "protest", "election", "trade",
         "visit", "statement", "attack", "aid", "negotiations", "president", "foreign",
         "security", "economy", "refugees", "jet", "shot", "down", "Erdoğan", "Putin",
         "Ankara", "Moscow", "Damascus", "Kremlin", "ministry", "spokesman", "said", "would"]


def _fill_text(store: Path, seed: int) -> int:
    """Give every synthetic article a title and ~120 words (Zipf-distributed), then index."""
    import numpy as np
    import pyarrow as pa

    from newsgraph.search import index_store
    from newsgraph.store import Store

    rng = np.random.default_rng(seed)
    vocab = np.array(WORDS + [f"w{i}" for i in range(5000)], dtype=object)
    with Store(store) as st:
        ids = [r[0] for r in st.con.execute("SELECT id FROM articles WHERE text = ''").fetchall()]
        for start in range(0, len(ids), 20_000):
            chunk = ids[start:start + 20_000]
            ranks = np.minimum(rng.zipf(1.3, (len(chunk), 120)) - 1, len(vocab) - 1)
            words = vocab[ranks]
            fill = pa.table({"id": chunk,  # noqa: F841  (read by DuckDB by name)
                             "title": [" ".join(w[:6]) for w in words],
                             "text": [" ".join(w) for w in words]})
            st.con.execute("UPDATE articles SET title = fill.title, text = fill.text "
                           "FROM fill WHERE articles.id = fill.id")
        return index_store(st, store)


def _search_query(rng: random.Random) -> tuple[str, dict]:
    a, b = rng.sample(WORDS, 2)
    params = rng.choice([{"q": a}, {"q": f"{a} {b}"}, {"q": f'"{a} {b}"'},
                         {"q": a, "kind": "events"}, {"q": f"{a[:3]}*"}])
    return "/api/search", params


def _percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 \
        else values[0]


def _serve(store: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "serve", "--store", str(store),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            # Ready when it answers (/api/health counts merged events: slow on a busy machine).
            if httpx.get(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=10).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("the server did not start")


def measure(n_events: int = 1_000_000, requests: int = 300, concurrency: int = 4,
            store: Path | None = None, seed: int = 0, search: bool = False
            ) -> dict[str, float]:
    """p50/p95/p99 latency (ms) of the event-list, dyad (and search) endpoints, requests/s."""
    from newsgraph.testing import build_synthetic_store

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        if store is None or not store.exists():
            store = build_synthetic_store(store or Path(tmp) / "bench.duckdb", n_events, seed=seed)
        if search:
            _fill_text(store, seed)
        build_s = time.perf_counter() - t0
        port = _free_port()
        proc = _serve(store, port)
        try:
            rng = random.Random(seed)
            makers = {"events": _event_query, "page": _page_query, "dyad": _dyad_query}
            if search:
                makers["search"] = _search_query
            jobs = [(kind, *make(rng)) for kind, make in makers.items() for _ in range(requests)]
            rng.shuffle(jobs)
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
                for path, params in (("/api/events", {}), ("/api/dyads/TUR/RUS/series", {}),
                                     ("/events", {})):
                    client.get(path, params=params)  # warm-up: first query plans, page cache

                def one(job: tuple[str, str, dict]) -> tuple[str, float, int]:
                    kind, path, params = job
                    start = time.perf_counter()
                    status = client.get(path, params=params).status_code
                    return kind, (time.perf_counter() - start) * 1000, status

                t1 = time.perf_counter()
                with ThreadPoolExecutor(concurrency) as pool:
                    results = list(pool.map(one, jobs))
                wall = time.perf_counter() - t1
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    bad = [r for r in results if r[2] != 200]
    if bad:
        raise RuntimeError(f"{len(bad)} requests failed, e.g. status {bad[0][2]}")
    out: dict[str, float] = {"events": n_events, "requests": len(results),
                             "concurrency": concurrency, "build_s": round(build_s, 1),
                             "requests_per_s": round(len(results) / wall, 1)}
    for kind in KINDS:
        lat = [ms for k, ms, _ in results if k == kind]
        if not lat:
            continue
        for q in (50, 95, 99):
            out[f"{kind}_p{q}_ms"] = round(_percentile(lat, q), 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--requests", type=int, default=300, help="per endpoint")
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--store", type=Path, help="reuse (or create) this store file")
    ap.add_argument("--search", action="store_true",
                    help="also give articles synthetic text, index it and time /api/search")
    args = ap.parse_args()
    m = measure(args.events, args.requests, args.concurrency, args.store, search=args.search)
    print(f"store: {m['events']:,} events (built in {m['build_s']} s); "
          f"{m['requests']} requests, {m['concurrency']} concurrent, {m['requests_per_s']} req/s")
    print(f"{'endpoint':<22}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    for kind, name in KINDS.items():
        if kind + "_p50_ms" not in m:
            continue
        print(f"{name:<22}{m[kind + '_p50_ms']:>10}{m[kind + '_p95_ms']:>10}{m[kind + '_p99_ms']:>10}")


if __name__ == "__main__":
    main()
