"""Names newsgraph keeps beside bare spaCy, on the shared corpus.

    .venv/bin/python benchmarks/entities.py [--limit N] [--show N]

For each article of ../shared/corpus/news.jsonl (skips cleanly when absent): the PERSON,
ORG, GPE and LOC entities bare spaCy (the same model, nothing added) finds in the article's
text, and those newsgraph's pipeline finds in the text it keeps after cleaning (its entity
ruler of actor names added). Prints the totals, the articles where newsgraph finds fewer
than bare spaCy, and the entity texts it loses there (``--show``). Losses come from lines
the cleaner removed or from the ruler's longer names replacing two of spaCy's.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from newsgraph.clean import clean_article, normalise
from newsgraph.model import RawArticle
from newsgraph.nlp import get_nlp, load_bare
from newsgraph.settings import Settings

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news.jsonl"
LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC"})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", type=int, default=10, help="articles with a loss to print")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS.name} not found")
        return 0
    rows = [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.limit:
        rows = rows[: args.limit]
    settings = Settings()
    bare = load_bare(settings.model)
    ours = get_nlp(settings)
    raw_texts = [normalise(r.get("text") or "") for r in rows]
    kept = [clean_article(RawArticle(text=r.get("text") or "", title=r.get("title"))).text
            for r in rows]
    total_bare = total_ours = 0
    fewer: list[tuple[str, int, int, list[str]]] = []
    for row, d_bare, d_ours in zip(rows, bare.pipe(raw_texts), ours.pipe(kept), strict=True):
        b = [e.text for e in d_bare.ents if e.label_ in LABELS]
        o = [e.text for e in d_ours.ents if e.label_ in LABELS]
        total_bare += len(b)
        total_ours += len(o)
        if len(o) < len(b):
            lost = list((collections.Counter(b) - collections.Counter(o)).elements())
            fewer.append((str(row.get("id")), len(b), len(o), lost))
    print(f"{len(rows)} articles: bare spaCy {total_bare} PERSON/ORG/GPE/LOC, "
          f"newsgraph {total_ours} ({total_ours / max(total_bare, 1):.3f})")
    print(f"articles where newsgraph finds fewer: {len(fewer)}")
    for aid, nb, no, lost in fewer[: args.show]:
        print(f"  {aid}: {nb} -> {no}; not found: {lost[:8]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
