"""Quote and date accuracy on the project's own gold sentences (tests/data/*_gold.jsonl).

Quotes: detection precision/recall/F1 (a prediction counts when its text equals a gold
quotation's, ignoring surrounding spaces and final punctuation), kind and speaker accuracy
on the matched ones. Dates: detection P/R/F1 by overlapping span, value and resolution
accuracy over all gold expressions.

    .venv/bin/python benchmarks/quotes_dates.py
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def _load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _contexts(items: list[dict[str, Any]], nlp: Any) -> list[Any]:
    from newsgraph.context import DocContext
    from newsgraph.model import ArticleRecord
    from newsgraph.settings import Settings

    settings = Settings()
    out = []
    for item, doc in zip(items, nlp.pipe([i["text"] for i in items]), strict=True):
        published = item.get("published")
        day = dt.date.fromisoformat(published) if published else None
        out.append(DocContext(doc, ArticleRecord(id=item["id"], text=item["text"]), settings, day))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def _norm(s: str) -> str:
    return s.strip().rstrip(".,;:!?").strip()


def _same_speaker(gold: str | None, pred: str | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    return gold.lower().split()[-1] in pred.lower()


def quote_metrics(nlp: Any) -> dict[str, float]:
    from newsgraph import quotes

    items = _load("quotes_gold.jsonl")
    tp = n_pred = n_gold = kind_ok = speaker_ok = 0
    for item, ctx in zip(items, _contexts(items, nlp), strict=True):
        quotes.extract(ctx)
        preds = {_norm(q.text): q for q in ctx.record.quotes}
        n_pred += len(preds)
        n_gold += len(item["quotes"])
        for gold in item["quotes"]:
            q = preds.get(_norm(gold["text"]))
            if q is None:
                continue
            tp += 1
            kind_ok += q.kind == gold["kind"]
            speaker_ok += _same_speaker(gold["speaker"], q.speaker.name)
    return {
        **{f"quote_{k}": v for k, v in _prf(tp, n_pred, n_gold).items()},
        "quote_kind_accuracy": kind_ok / tp if tp else 0.0,
        "speaker_accuracy": speaker_ok / tp if tp else 0.0,
        "quotes_gold": n_gold,
    }


def date_metrics(nlp: Any) -> dict[str, float]:
    from newsgraph import dates

    items = _load("dates_gold.jsonl")
    tp = n_pred = n_gold = value_ok = res_ok = 0
    for item, ctx in zip(items, _contexts(items, nlp), strict=True):
        dates.extract(ctx)
        preds = ctx.record.dates
        n_pred += len(preds)
        n_gold += len(item["dates"])
        matched = set()
        for gold in item["dates"]:
            gs = item["text"].find(gold["text"])
            ge = gs + len(gold["text"])
            hit = next((d for d in preds if d.start < ge and gs < d.end), None)
            if hit is None:
                continue
            matched.add(id(hit))
            value_ok += hit.value == gold["value"]
            res_ok += hit.resolution == gold["resolution"]
        tp += len(matched)
    return {
        **{f"date_{k}": v for k, v in _prf(tp, n_pred, n_gold).items()},
        "date_value_accuracy": value_ok / n_gold if n_gold else 0.0,
        "date_resolution_accuracy": res_ok / n_gold if n_gold else 0.0,
        "dates_gold": n_gold,
    }


def run(nlp: Any = None) -> dict[str, float]:
    """All metrics as one dict (the CI floor test calls this)."""
    if nlp is None:
        from newsgraph.nlp import get_nlp
        from newsgraph.settings import Settings

        nlp = get_nlp(Settings())
    return {**quote_metrics(nlp), **date_metrics(nlp)}


def main() -> None:
    t0 = time.perf_counter()
    metrics = run()
    print(f"{'metric':<28} {'value':>8}")
    for k, v in metrics.items():
        print(f"{k:<28} {v:>8.3f}" if isinstance(v, float) else f"{k:<28} {v:>8}")
    print(f"{'seconds':<28} {time.perf_counter() - t0:>8.1f}")


if __name__ == "__main__":
    main()
