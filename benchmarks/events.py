"""Event-coding benchmark.

* PLOVER gold (../shared/eval/plover_gsr_cameo): event-type accuracy of each sentence's main
  event, and micro F1 of source / target actor countries.
* CAMEO manual examples (../shared/reference/gdelt/cameo_codes.json): root-code accuracy.
* Speed: time the events extractor adds over spaCy parsing, on corpus articles.

Both gold sets are split with a fixed seed into a tuning half and a report half (``halves``):
development looks at the tuning half only; docs/benchmarks.md and the CI floors use the report
half. Run: ``.venv/bin/python benchmarks/events.py [--half tune|report|all]`` (plain tables).
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GSR = SHARED / "eval" / "plover_gsr_cameo" / "plover_gsr_cameo.jsonl"
CAMEO = SHARED / "reference" / "gdelt" / "cameo_codes.json"
CORPUS = SHARED / "corpus" / "news.jsonl"

# The gold set uses the 2016 PLOVER categories, translated from CAMEO cue categories (the
# 2-digit root, as the PLOVER manual's translation table does); only the 08 block splits.
GSR_NAMES = {"03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
             "09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE", "12": "REJECT", "13": "THREATEN",
             "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
             "19": "FIGHT", "20": "ASSAULT"}
# Country codes of the gold set that are CAMEO rather than ISO 3166.
GOLD_CODES = {"JAP": "JPN", "UK": "GBR"}
SEED = 20161219  # fixed: the halves must not move between runs
HALVES = ("tune", "report", "all")


def halves(keys: list[str], half: str) -> set[str]:
    """The keys of one half: a seeded shuffle of the sorted keys, first half 'tune'."""
    if half == "all":
        return set(keys)
    order = sorted(keys)
    random.Random(SEED).shuffle(order)
    cut = len(order) // 2
    return set(order[:cut] if half == "tune" else order[cut:])


def main_event(record: Any, *, plover: bool = True) -> Any | None:
    """The sentence's headline event: asserted before modal, then most confident, then first.
    PLOVER drops CAMEO 01 (statements) and 02 (appeals), so those come last for PLOVER."""
    evs = list(record.events)
    if plover:
        evs = [e for e in evs if e.cameo.root not in {"01", "02"}] or evs
    if not evs:
        return None
    return sorted(evs, key=lambda e: (not e.counted, not e.is_root, -e.confidence, e.evidence.trigger[0]))[0]


def gsr_type(event: Any) -> str | None:
    if event is None:
        return None
    if event.cameo.root in GSR_NAMES:
        return GSR_NAMES[event.cameo.root]
    return event.plover.type if event.plover else None


def _countries(record: Any, ids: list[str]) -> set[str]:
    by_id = {a.id: a for a in record.actors}
    return {by_id[i].country for i in ids if i in by_id and by_id[i].country}


def _gold_countries(actors: Any) -> set[str]:
    if not isinstance(actors, list):
        return set()
    return {GOLD_CODES.get(a["code"], a["code"]) for a in actors if a.get("code")}


def _process(texts: list[str]) -> list[Any]:
    import datetime as dt

    from newsgraph.model import RawArticle
    from newsgraph.pipeline import process_batch

    raws = [RawArticle(text=t, id=str(i)) for i, t in enumerate(texts)]
    return process_batch(raws, date=dt.date(2000, 1, 1))


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def bench_plover(half: str = "report") -> dict[str, Any]:
    gold = [json.loads(line) for line in GSR.read_text(encoding="utf-8").splitlines() if line.strip()]
    # keyed by line and id: one id occurs twice in the file
    keep = halves([f"{i}:{g['id']}" for i, g in enumerate(gold)], half)
    gold = [g for i, g in enumerate(gold) if f"{i}:{g['id']}" in keep]
    records = _process([g["text"] for g in gold])
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    counts = {"source": [0, 0, 0], "target": [0, 0, 0]}
    correct = 0
    for g, rec in zip(gold, records, strict=True):
        ev = main_event(rec)
        ok = gsr_type(ev) == g["event"]
        correct += ok
        per_type[g["event"]]["n"] += 1
        per_type[g["event"]]["ok"] += ok
        # "(SRC/TAR: X)" in the markup: a mutual actor, both source and target of the event
        info = g.get("textInfo")
        mutual = isinstance(info, dict) and "SRC/TAR" in info.get("markup", "")
        for role in ("source", "target"):
            # all events coded from the main event's predicate (a compound actor gives several)
            same = [e for e in rec.events if ev and e.evidence.trigger == ev.evidence.trigger
                    and e.cameo.code == ev.cameo.code]
            pred = _countries(rec, [i for e in same for i in getattr(e, role)])
            want = _gold_countries(g.get(role))
            if mutual and role == "target":
                want |= _gold_countries(g.get("source"))
            c = counts[role]
            c[0] += len(pred & want)
            c[1] += len(pred - want)
            c[2] += len(want - pred)
    return {
        "plover_type_accuracy": correct / len(gold),
        "source_country_f1": _f1(*counts["source"]),
        "target_country_f1": _f1(*counts["target"]),
        "n": len(gold),
        "per_type": {k: (v["ok"], v["n"]) for k, v in sorted(per_type.items())},
    }


def bench_cameo_examples(half: str = "report") -> dict[str, Any]:
    table = json.loads(CAMEO.read_text(encoding="utf-8"))
    # a few "examples" are placeholders or fragments ("NEED EXAMPLE.", "CAMEO 026", "145"):
    # only sentences of six words or more are scored; an example is keyed by code and position
    keyed = [(f"{code}#{i}", code, ex) for code, info in table.items()
             for i, ex in enumerate(info.get("examples", [])) if len(ex.split()) >= 6]
    keep = halves([k for k, _, _ in keyed], half)
    items = [(code, ex) for k, code, ex in keyed if k in keep]
    records = _process([ex for _, ex in items])
    per_root: dict[str, Counter[str]] = defaultdict(Counter)
    correct = 0
    for (code, _), rec in zip(items, records, strict=True):
        ev = main_event(rec, plover=False)
        ok = ev is not None and ev.cameo.root == code[:2]
        correct += ok
        per_root[code[:2]]["n"] += 1
        per_root[code[:2]]["ok"] += ok
    return {
        "cameo_root_accuracy": correct / len(items),
        "n": len(items),
        "per_root": {k: (v["ok"], v["n"]) for k, v in sorted(per_root.items())},
    }


def bench_speed(n_articles: int = 60) -> dict[str, Any]:
    """Seconds spent parsing vs. coding events on the same corpus articles."""
    from newsgraph import pipeline
    from newsgraph.model import RawArticle
    from newsgraph.nlp import get_nlp
    from newsgraph.settings import Settings

    lines = CORPUS.read_text(encoding="utf-8").splitlines()[:n_articles]
    raws = [RawArticle(text=json.loads(x)["text"], id=str(i)) for i, x in enumerate(lines)]
    settings = Settings()
    nlp = get_nlp(settings)
    pipeline.process_batch(raws[:2], settings)  # warm: load model and pattern files
    spent = {"events": 0.0}
    original = pipeline.selected_extractors

    def timing(names: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
        def timed(ctx: Any, _fn: Any) -> None:
            t0 = time.perf_counter()
            _fn(ctx)
            spent["events"] += time.perf_counter() - t0

        return tuple((n, functools.partial(timed, _fn=f) if n == "events" else f)
                     for n, f in original(names))

    pipeline.selected_extractors = timing  # type: ignore[assignment]
    try:
        records = pipeline.process_batch(raws, settings)
    finally:
        pipeline.selected_extractors = original  # type: ignore[assignment]
    t0 = time.perf_counter()
    for _ in nlp.pipe((r.text for r in records), batch_size=settings.batch_size):
        pass
    nlp_s = time.perf_counter() - t0
    return {
        "articles": len(raws),
        "nlp_seconds": nlp_s,
        "events_seconds": spent["events"],
        "events_overhead": spent["events"] / nlp_s if nlp_s else 0.0,
        "events_found": sum(len(r.events) for r in records),
    }


def run(speed: bool = True, half: str = "report") -> dict[str, Any]:
    """All metrics of one half as one dict (the CI floor test reads the report half)."""
    out: dict[str, Any] = {"half": half}
    out.update(bench_plover(half))
    cameo = bench_cameo_examples(half)
    out["cameo_root_accuracy"] = cameo["cameo_root_accuracy"]
    out["cameo_n"] = cameo["n"]
    out["per_root"] = cameo["per_root"]
    if speed and CORPUS.exists():
        out.update(bench_speed())
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=HALVES, default="report")
    ap.add_argument("--no-speed", action="store_true", help="skip the parsing/coding timing")
    args = ap.parse_args()
    if not GSR.exists() or not CAMEO.exists():
        print("../shared eval data not present; nothing to measure", file=sys.stderr)
        return 0
    m = run(speed=not args.no_speed, half=args.half)
    print(f"half                            {m['half']}")
    print(f"PLOVER gold sentences           {m['n']}")
    print(f"PLOVER event-type accuracy      {m['plover_type_accuracy']:.3f}   (floor 0.70)")
    print(f"source country F1               {m['source_country_f1']:.3f}   (floor 0.75)")
    print(f"target country F1               {m['target_country_f1']:.3f}   (floor 0.75)")
    print(f"CAMEO examples                  {m['cameo_n']}")
    print(f"CAMEO root-code accuracy        {m['cameo_root_accuracy']:.3f}   (floor 0.65)")
    if "nlp_seconds" in m:
        print(f"speed: {m['articles']} articles, NLP {m['nlp_seconds']:.2f} s, events {m['events_seconds']:.2f} s "
              f"-> +{100 * m['events_overhead']:.1f} %  ({m['events_found']} events)")
    print("\nPLOVER type          correct / n")
    for t, (ok, n) in m["per_type"].items():
        print(f"  {t:<18} {ok:>3} / {n:<3}  {ok / n:.2f}")
    print("\nCAMEO root           correct / n")
    for r, (ok, n) in m["per_root"].items():
        print(f"  {r:<18} {ok:>3} / {n:<3}  {ok / n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
