"""PETRARCH2's validation suite, coded with its own four dictionaries (dictionary mode).

Reads ../shared/eval/petrarch2_validation: 284 sentence records with gold
(source, target, eventcode) triples, and the actors, agents, verbs and discards
dictionaries they are written against. A record passes when the set of predicted triples
equals the gold set (records that expect no event or an error pass with no event).

The records are split with a fixed seed into a tuning half and a report half (``split``);
development looks at the tuning half, docs/benchmarks.md and the CI floor use the report
half. Run: ``.venv/bin/python benchmarks/petrarch_validation.py [--all] [--show]``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SUITE = ROOT.parent / "shared" / "eval" / "petrarch2_validation"
SEED = 20140424  # fixed: the split must not move between runs


def load() -> list[dict[str, Any]]:
    path = SUITE / "petrarch2_validation.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def split(records: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(tuning half, report half), by a seeded shuffle of the record ids."""
    ids = sorted(r["id"] for r in records)
    random.Random(SEED).shuffle(ids)
    tuning = set(ids[: len(ids) // 2])
    return [r for r in records if r["id"] in tuning], [r for r in records if r["id"] not in tuning]


def settings() -> Any:
    from newsgraph.settings import Settings

    d = SUITE / "dictionaries"
    return Settings(
        actors_files=(str(d / "PETR.Validate.actors.txt"), str(d / "PETR.Validate.agents.txt")),
        verb_dictionary=str(d / "PETR.Validate.verbs.txt"),
        discard_dictionaries=(str(d / "PETR.Validate.discards.txt"),),
        extractors=("events",),
        language_check=False,
    )


def _norm(code: str | None) -> str:
    return (code or "").replace("-", "").upper()


def gold_triples(rec: dict[str, Any]) -> set[tuple[str, str, str]]:
    if rec.get("expect_no_events") or rec.get("expected_error"):
        return set()
    return {(_norm(e["source"]), _norm(e["target"]), e["eventcode"].upper()) for e in rec["events"]}


def predicted_triples(out: Any) -> set[tuple[str, str, str]]:
    by_id = {a.id: a for a in out.actors}

    def codes(ids: list[str]) -> list[str]:
        got = []
        for i in ids:
            a = by_id.get(i)
            if a is None:
                continue
            members = [by_id[m] for m in a.members if m in by_id]
            got.extend(_norm(m.code) for m in members) if members else got.append(_norm(a.code))
        return got or [""]

    return {(s, t, ev.cameo.code.upper()) for ev in out.events
            for s in codes(ev.source) for t in codes(ev.target)}


def _date(value: str) -> str | None:
    return f"{value[:4]}-{value[4:6]}-{value[6:8]}" if len(value) == 8 and value.isdigit() else None


def score(records: list[dict[str, Any]], show: bool = False) -> dict[str, Any]:
    from newsgraph.model import RawArticle
    from newsgraph.pipeline import process_batch

    raws = [RawArticle(text=r["text"], id=r["id"], published=_date(r.get("date", ""))) for r in records]
    outs = process_batch(raws, settings())
    passed = tp = fp = fn = 0
    for rec, out in zip(records, outs, strict=True):
        gold, pred = gold_triples(rec), predicted_triples(out)
        passed += gold == pred
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        if show and gold != pred:
            print(f"{rec['id']}: {rec['text'][:120]}\n   gold {sorted(gold)}\n   got  {sorted(pred)}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"records": len(records), "pass_rate": passed / len(records) if records else 0.0,
            "precision": p, "recall": r, "triple_f1": 2 * p * r / (p + r) if p + r else 0.0}


def run(half: str = "report", show: bool = False) -> dict[str, Any]:
    records = load()
    tuning, report = split(records)
    chosen = {"report": report, "tuning": tuning, "all": records}[half]
    return score(chosen, show=show)


def main() -> int:
    if not SUITE.exists():
        print(f"skipped: {SUITE} not found")
        return 0
    half = "all" if "--all" in sys.argv else "tuning" if "--tuning" in sys.argv else "report"
    m = run(half, show="--show" in sys.argv)
    print(f"petrarch2_validation ({half} half, {m['records']} records): pass rate {m['pass_rate']:.3f}, "
          f"triple P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['triple_f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
