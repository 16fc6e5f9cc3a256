"""Actor resolution accuracy and cost.

1. PLOVER GSR (../shared/eval/plover_gsr_cameo): for each gold source/target actor text
   found in its sentence, does the actor covering it have the gold country and sector?
   Gold dates are placeholders, so no article date is given (latest roles apply).
   Gold CAMEO codes are mapped to newsgraph's (JAP->JPN, ITL->ITA; gold JRN = our MED
   media, gold MED = our HLH health); sector is scored only where gold gives one.
2. GUM news (../shared/eval/gum_news_entities): recall of named person / organization /
   place mentions by the record's entities or actors (any overlap).
3. Time: actor resolution vs bare spaCy parsing on the same texts.

    .venv/bin/python benchmarks/actors.py
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.actors import extract  # noqa: E402
from newsgraph.actors.codes import CAMEO_TO_ISO, norm_sector  # noqa: E402
from newsgraph.context import DocContext  # noqa: E402
from newsgraph.model import ArticleRecord  # noqa: E402
from newsgraph.nlp import get_nlp  # noqa: E402
from newsgraph.settings import Settings  # noqa: E402

_GOLD_SECTOR = {"JRN": "MED", "MED": "HLH"}


def _gold_sector(code: str | None) -> str | None:
    if not code or code.startswith("*"):
        return None
    code = code[:3].upper()
    return norm_sector(_GOLD_SECTOR.get(code, code))


def _covering(rec: ArticleRecord, start: int, end: int):
    """The actor whose mention overlaps [start, end) most (ties: the tighter mention)."""
    best, best_score = None, (0, 0)
    for a in rec.actors:
        if a.kind == "compound":
            continue
        for s, e in a.mentions:
            score = (min(e, end) - max(s, start), -(e - s))
            if score[0] > 0 and score > best_score:
                best, best_score = a, score
    return best


def plover(nlp, settings: Settings, limit: int | None = None,
           misses: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """Country/sector accuracy; wrong or missing codings are appended to ``misses``."""
    path = SHARED / "eval" / "plover_gsr_cameo" / "plover_gsr_cameo.jsonl"
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    n_country = ok_country = n_sector = ok_sector = found = total = 0
    for row in rows:
        text = row["text"]
        rec = ArticleRecord(id=row["id"], text=text)
        ctx = DocContext(nlp(text), rec, settings, None)  # gold dates are placeholders
        extract(ctx)
        for side in ("source", "target"):
            for gold in row.get(side) or []:
                if not isinstance(gold, dict) or not gold.get("actorText", "").strip():
                    continue
                total += 1
                at = text.find(gold["actorText"].strip())
                if at < 0:
                    continue
                found += 1
                actor = _covering(rec, at, at + len(gold["actorText"].strip()))
                code = (gold.get("code") or "").upper()
                code = CAMEO_TO_ISO.get(code, code)
                n_country += 1
                c_ok = bool(actor and actor.country == code)
                ok_country += c_ok
                sector = _gold_sector(gold.get("sector"))
                s_ok = True
                if sector:
                    n_sector += 1
                    s_ok = bool(actor and actor.sector == sector)
                    ok_sector += s_ok
                if misses is not None and not (c_ok and s_ok):
                    misses.append({"id": row["id"], "text": gold["actorText"].strip(),
                                   "gold": f"{code} {sector or '-'}",
                                   "got": f"{actor.country} {actor.sector}" if actor else "-",
                                   "rule": actor.rule if actor else "-",
                                   "what": ("country " if not c_ok else "") +
                                           ("sector" if not s_ok else ""),
                                   "sentence": text})
    return {"plover_actors": total, "plover_found": found,
            "country_accuracy": ok_country / max(1, n_country),
            "sector_accuracy": ok_sector / max(1, n_sector), "sector_scored": n_sector}


def gum(nlp, settings: Settings) -> dict[str, Any]:
    path = SHARED / "eval" / "gum_news_entities" / "gum_news_entities.jsonl"
    hits: dict[str, list[int]] = {"person": [0, 0], "organization": [0, 0], "place": [0, 0]}
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        text = row["text"]
        doc = nlp(text)
        rec = ArticleRecord(id=row["id"], text=text)
        extract(DocContext(doc, rec, settings, dt.date.fromisoformat(row["date_created"][:10])))
        spans = [(e.start_char, e.end_char) for e in doc.ents]
        spans += [m for a in rec.actors for m in a.mentions]
        for m in row["mentions"]:
            if m["etype"] not in hits or not m["has_propn"]:
                continue
            hits[m["etype"]][1] += 1
            hits[m["etype"]][0] += any(s < m["end"] and m["start"] < e for s, e in spans)
    return {f"gum_{k}_recall": h / max(1, n) for k, (h, n) in hits.items()} | {
        f"gum_{k}_mentions": n for k, (_, n) in hits.items()}


def timing(nlp, settings: Settings, n_docs: int = 60) -> dict[str, Any]:
    path = SHARED / "corpus" / "news.jsonl"
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in itertools.islice(f, n_docs)]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=settings.batch_size))
    parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text, doc in zip(texts, docs, strict=True):
        extract(DocContext(doc, ArticleRecord(id="t", text=text), settings, dt.date(2016, 8, 9)))
    resolve = time.perf_counter() - t0
    return {"docs": len(texts), "parse_s": parse, "resolve_s": resolve,
            "overhead": resolve / parse}


def run(*, with_timing: bool = True) -> dict[str, Any]:
    settings = Settings()
    nlp = get_nlp(settings)
    out = plover(nlp, settings) | gum(nlp, settings)
    if with_timing:
        out |= timing(nlp, settings)
    return out


def main() -> None:
    if not (SHARED / "eval").is_dir():
        print("../shared/eval is not present; nothing to measure")
        return
    if "--misses" in sys.argv:  # error analysis: every wrong coding, grouped by kind
        settings = Settings()
        misses: list[dict[str, Any]] = []
        plover(get_nlp(settings), settings, misses=misses)
        for m in sorted(misses, key=lambda m: (m["what"], m["gold"])):
            print(f"{m['what']:<15}{m['gold']:<9} got {m['got']:<10}{m['rule']:<26}"
                  f"{m['text'][:40]!r:<44}{m['id']}")
        return
    m = run()
    print(f"{'metric':<28}{'value':>10}")
    for k, v in m.items():
        print(f"{k:<28}{v:>10.3f}" if isinstance(v, float) else f"{k:<28}{v:>10}")


if __name__ == "__main__":
    main()
