"""Quote and date accuracy on the project's own gold sentences (tests/data/*_gold.jsonl).

Quotes: detection precision/recall/F1 (a prediction counts when its text equals a gold
quotation's, ignoring surrounding spaces and final punctuation), kind and speaker accuracy
on the matched ones. Dates: detection P/R/F1 by overlapping span, value and resolution
accuracy over all gold expressions.

Attributions beyond speech verbs (tests/quotes/data/attributions_gold.jsonl, written for
this project: accusations, demands, expressions, "according to", "in a statement", colon
attributions, findings of reports, and sentences with none): split with a fixed seed into a
tuning half (rules were developed on it) and a report half (``--half``; the default, the
number docs/benchmarks.md and CI use). A prediction matches a gold attribution when their
texts overlap by at least 60 % of their union (characters); "strict" needs equal text.

    .venv/bin/python benchmarks/quotes_dates.py [--half report|tuning|all]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ATTRIBUTIONS = ROOT / "tests" / "quotes" / "data" / "attributions_gold.jsonl"
SEED = 15
_OVERLAP = 0.6


def _load(name: str | Path) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split(items: list[dict[str, Any]], half: str) -> list[dict[str, Any]]:
    """The tuning or report half (a seeded shuffle of the ids), or ``all``."""
    if half == "all":
        return items
    ids = sorted(i["id"] for i in items)
    random.Random(SEED).shuffle(ids)
    tuning = set(ids[: len(ids) // 2])
    return [i for i in items if (i["id"] in tuning) == (half == "tuning")]


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
    from newsgraph import actors, quotes

    items = _load("quotes_gold.jsonl")
    tp = n_pred = n_gold = kind_ok = speaker_ok = 0
    for item, ctx in zip(items, _contexts(items, nlp), strict=True):
        actors.extract(ctx)  # as in the pipeline: quotes read actors and pronouns
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


def _overlap(gold: tuple[int, int], pred: tuple[int, int]) -> float:
    inter = min(gold[1], pred[1]) - max(gold[0], pred[0])
    union = max(gold[1], pred[1]) - min(gold[0], pred[0])
    return max(0, inter) / union if union else 0.0


def attribution_metrics(
    nlp: Any, half: str = "report", misses: list[str] | None = None
) -> dict[str, float]:
    """Attributions of every kind on the hand-written set's ``half`` (``misses`` collects
    gold items not found and predictions that match none)."""
    from newsgraph import actors, quotes

    items = split(_load(ATTRIBUTIONS), half)
    tp = strict = n_pred = n_gold = speaker_ok = 0
    for item, ctx in zip(items, _contexts(items, nlp), strict=True):
        actors.extract(ctx)  # as in the pipeline: quotes read actors and pronouns
        quotes.extract(ctx)
        text = item["text"]
        preds = ctx.record.quotes
        n_pred += len(preds)
        n_gold += len(item["quotes"])
        used: set[int] = set()
        for gold in item["quotes"]:
            gs = text.find(gold["text"])
            span = (gs, gs + len(gold["text"]))
            best = max(preds, key=lambda q: _overlap(span, (q.start, q.end)), default=None)
            if best is None or _overlap(span, (best.start, best.end)) < _OVERLAP:
                if misses is not None:
                    misses.append(f"{item['id']} missed: {gold['text']!r}")
                continue
            used.add(id(best))
            tp += 1
            strict += _norm(best.text) == _norm(gold["text"])
            speaker_ok += _same_speaker(gold["speaker"], best.speaker.name)
            if misses is not None and not _same_speaker(gold["speaker"], best.speaker.name):
                misses.append(f"{item['id']} speaker {best.speaker.name!r} not {gold['speaker']!r}")
        if misses is not None:
            misses.extend(
                f"{item['id']} extra: {q.text!r} ({q.rule})" for q in preds if id(q) not in used
            )
    return {
        **{f"attribution_{k}": v for k, v in _prf(tp, n_pred, n_gold).items()},
        "attribution_strict_f1": _prf(strict, n_pred, n_gold)["f1"],
        "attribution_speaker_accuracy": speaker_ok / tp if tp else 0.0,
        "attributions_gold": n_gold,
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


def run(nlp: Any = None, half: str = "report") -> dict[str, float]:
    """All metrics as one dict (the CI floor test calls this); ``half`` of the
    attribution set."""
    if nlp is None:
        from newsgraph.nlp import get_nlp
        from newsgraph.settings import Settings

        nlp = get_nlp(Settings())
    return {**quote_metrics(nlp), **attribution_metrics(nlp, half), **date_metrics(nlp)}


def main() -> None:
    ap = argparse.ArgumentParser(description="Quote, attribution and date accuracy")
    ap.add_argument("--half", choices=("report", "tuning", "all"), default="report")
    ap.add_argument("--show", action="store_true", help="print the attribution misses")
    args = ap.parse_args()
    t0 = time.perf_counter()
    metrics = run(half=args.half)
    if args.show:
        from newsgraph.nlp import get_nlp
        from newsgraph.settings import Settings

        misses: list[str] = []
        attribution_metrics(get_nlp(Settings()), args.half, misses)
        print("\n".join(misses))
    print(f"attribution set: {args.half} half")
    print(f"{'metric':<28} {'value':>8}")
    for k, v in metrics.items():
        print(f"{k:<28} {v:>8.3f}" if isinstance(v, float) else f"{k:<28} {v:>8}")
    print(f"{'seconds':<28} {time.perf_counter() - t0:>8.1f}")


if __name__ == "__main__":
    main()
