"""Throughput: newsgraph beside bare spaCy on the same texts, in the same process.

    .venv/bin/python benchmarks/throughput.py [--quick] [--limit N] [--no-repeat]

Reads ../shared/corpus/news.jsonl (skips cleanly when absent). Rows, each in articles/s
and words/s:

* bare spaCy ``nlp.pipe`` (1 process, docs consumed and dropped) | newsgraph
  ``process_batch`` and ``ingest`` (to DuckDB) at the foundation stage (clean, language,
  parse, sentences and entities: setting ``extractors`` empty) and with every extractor
* bare spaCy ``nlp.pipe(n_process=2)`` | newsgraph with 1 and 2 local workers | Dask on a
  2-worker local cluster (worker start-up included on both sides)
* the corpus repeated 10 times with 2 local workers: time ratio to 1x (target <= 11);
  with ``--repeat-all`` every parallel row (bare ``n_process=2``, 1 and 2 local workers,
  Dask) is run on the 10x corpus too

plus peak memory (this process, and the largest worker). ``--quick`` uses 40 articles and
a 3x repeat, for CI.
"""

from __future__ import annotations

import argparse
import collections
import json
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from newsgraph.backends import make_backend
from newsgraph.ingest import ingest_paths
from newsgraph.model import RawArticle
from newsgraph.nlp import get_nlp
from newsgraph.pipeline import process_batch
from newsgraph.settings import Settings

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news.jsonl"
BATCH = 32
ROUNDS = 2


def load(limit: int | None) -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def _raws(rows: list[dict], copy: int = 0) -> list[RawArticle]:
    return [RawArticle(text=r["text"], id=f"{r['id']}#{copy}" if copy else r["id"],
                       title=r.get("title"), url=r.get("url")) for r in rows]


def _batches(raws: list[RawArticle]) -> list[list[RawArticle]]:
    return [raws[i : i + BATCH] for i in range(len(raws)) if i % BATCH == 0]


def _drain(docs) -> None:
    collections.deque(docs, maxlen=0)  # consume without keeping: the fastest bare run


def _timed(fn: Callable[[], object]) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _backend_run(raws: list[RawArticle], settings: Settings, **kw) -> None:
    backend = make_backend(settings, **kw)
    try:
        for _ in backend.map(_batches(raws)):
            pass
    finally:
        backend.close()


def _dask_warm_run(raws: list[RawArticle], settings: Settings) -> float:
    """Seconds for the corpus on a 2-worker local cluster that is already started (its
    workers preloaded the pipeline as they joined)."""
    backend = make_backend(settings, dask="local", workers=2)
    try:
        return _timed(lambda: [None for _ in backend.map(_batches(raws))])
    finally:
        backend.close()


def _parallel(raws: list[RawArticle], texts: list[str], settings: Settings, nlp,
              prefix: str = "") -> dict:
    """Seconds for bare spaCy on 2 processes, 1 and 2 local workers, and Dask (2 workers)."""
    m = {
        "bare2_s": _timed(lambda: _drain(nlp.pipe(texts, batch_size=settings.batch_size,
                                                  n_process=2))),
        "workers1_s": _timed(lambda: _backend_run(raws, settings, workers=1)),
        "workers2_s": _timed(lambda: _backend_run(raws, settings, workers=2)),
    }
    try:
        import distributed  # noqa: F401

        m["dask2_s"] = _timed(lambda: _backend_run(raws, settings, dask="local", workers=2))
        if not prefix:
            m["dask2_warm_s"] = _dask_warm_run(raws, settings)
    except ImportError:
        m["dask2_s"] = m["dask2_warm_s"] = None
    return {prefix + k: v for k, v in m.items()}


def run(limit: int | None = None, repeat: int = 10, parallel: bool = True,
        single: bool = True, repeat_all: bool = False) -> dict:
    rows = load(limit)
    texts = [r["text"] for r in rows]
    words = sum(len(t.split()) for t in texts)
    settings = Settings(workers=1)
    nlp = get_nlp(settings)
    list(nlp.pipe(texts[:4]))  # warm-up: model loaded, caches built
    process_batch(_raws(rows[:4]), settings)
    m: dict = {"articles": len(texts), "words": words}
    base = settings.replace(extractors=())
    # Single-process figures: best of ROUNDS interleaved runs (this machine's timings drift
    # by about 5 % from run to run; the minimum is the least disturbed one).
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "corpus.jsonl"
        data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        runs: dict[str, Callable[[int], object]] = {
            "bare_s": lambda n: _drain(nlp.pipe(texts, batch_size=settings.batch_size)),
            "process_base_s": lambda n: [process_batch(b, base) for b in _batches(_raws(rows))],
            "ingest_base_s": lambda n: ingest_paths(
                [str(data)], base.replace(store=str(Path(tmp) / f"base{n}.duckdb")),
                batch_size=BATCH, workers=1),
            "process_s": lambda n: [process_batch(b, settings) for b in _batches(_raws(rows))],
            "ingest_s": lambda n: ingest_paths(
                [str(data)], settings.replace(store=str(Path(tmp) / f"full{n}.duckdb")),
                batch_size=BATCH, workers=1),
        }
        times: dict[str, list[float]] = {k: [] for k in runs}
        for n in range(ROUNDS if single else 0):
            for key, fn in runs.items():
                times[key].append(_timed(lambda fn=fn, n=n: fn(n)))
    m.update({k: min(v) for k, v in times.items() if v})
    if parallel:
        m.update(_parallel(_raws(rows), texts, settings, nlp))
        if repeat > 1:
            many = [a for c in range(repeat) for a in _raws(rows, copy=c + 1)]
            m["repeat"] = repeat
            if repeat_all:
                m.update(_parallel(many, texts * repeat, settings, nlp, prefix="x_"))
                m["repeat_s"] = m["x_workers2_s"]
            else:
                m["repeat_s"] = _timed(lambda: _backend_run(many, settings, workers=2))
            m["repeat_ratio"] = m["repeat_s"] / m["workers2_s"]
    m["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    m["peak_worker_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    for key in ("process_base", "ingest_base", "process", "ingest"):
        if key + "_s" in m:
            m[f"{key}_ratio"] = m["bare_s"] / m[f"{key}_s"]
    if parallel:
        m["workers2_ratio"] = m["bare2_s"] / m["workers2_s"]
        if m.get("dask2_s"):
            m["dask2_ratio"] = m["bare2_s"] / m["dask2_s"]
            m["dask2_warm_ratio"] = m["bare2_s"] / m["dask2_warm_s"]
    return m


def report(m: dict) -> str:
    n, w = m["articles"], m["words"]
    lines = [f"{n:,} articles, {w:,} words", f"{'run':<34}{'seconds':>9}{'art/s':>9}"
             f"{'words/s':>10}{'vs bare':>9}"]

    def row(label: str, key: str, bare: str) -> None:
        if m.get(key) is None:
            return
        s = m[key]
        ratio = f"{m[bare] / s:>9.2f}" if m.get(bare) else f"{'':>9}"
        lines.append(f"{label:<34}{s:>9.1f}{n / s:>9.1f}{w / s:>10,.0f}{ratio}")

    row("bare spaCy nlp.pipe", "bare_s", "bare_s")
    row("newsgraph process, foundation", "process_base_s", "bare_s")
    row("newsgraph ingest, foundation", "ingest_base_s", "bare_s")
    row("newsgraph process, all extractors", "process_s", "bare_s")
    row("newsgraph ingest, all extractors", "ingest_s", "bare_s")
    row("bare spaCy nlp.pipe(n_process=2)", "bare2_s", "bare2_s")
    row("newsgraph, 1 local worker", "workers1_s", "bare_s")
    row("newsgraph, 2 local workers", "workers2_s", "bare2_s")
    row("newsgraph, Dask 2-worker local", "dask2_s", "bare2_s")
    row("  the same, cluster already warm", "dask2_warm_s", "bare2_s")
    if m.get("x_bare2_s"):
        lines.append(f"{m['repeat']}x corpus ({m['repeat'] * n:,} articles); the last column is "
                     "the time over the 1x time")
        for label, key in (("bare spaCy nlp.pipe(n_process=2)", "bare2_s"),
                           ("newsgraph, 1 local worker", "workers1_s"),
                           ("newsgraph, 2 local workers", "workers2_s"),
                           ("newsgraph, Dask 2-worker local", "dask2_s")):
            s, s1 = m.get("x_" + key), m.get(key)
            if s and s1:
                # one worker beside two bare processes says nothing: no ratio on that row
                ratio = f"{m['x_bare2_s'] / s:>9.2f}" if key != "workers1_s" else f"{'':>9}"
                lines.append(f"{label:<34}{s:>9.1f}{m['repeat'] * n / s:>9.1f}"
                             f"{m['repeat'] * w / s:>10,.0f}{ratio}{s / s1:>7.2f}x")
    if m.get("repeat_s"):
        lines.append(f"{m['repeat']}x corpus, 2 local workers: {m['repeat_s']:.1f} s = "
                     f"{m['repeat_ratio']:.2f}x the 1x time (target <= {m['repeat'] * 1.1:.1f})")
    lines.append(f"peak memory: {m['peak_mb']:,.0f} MiB (this process), "
                 f"{m['peak_worker_mb']:,.0f} MiB (largest worker)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="40 articles, 3x repeat (CI size).")
    ap.add_argument("--limit", type=int, default=None, help="Use the first N articles.")
    ap.add_argument("--no-repeat", action="store_true", help="Skip the 10x repeat run.")
    ap.add_argument("--repeat-all", action="store_true",
                    help="Run every parallel row on the 10x corpus too (long).")
    ap.add_argument("--parallel-only", action="store_true",
                    help="Skip the single-process rows.")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present")
        sys.exit(0)
    limit = args.limit or (40 if args.quick else None)
    repeat = 1 if args.no_repeat else (3 if args.quick else 10)
    print(report(run(limit, repeat, single=not args.parallel_only,
                     repeat_all=args.repeat_all)))


if __name__ == "__main__":
    main()
