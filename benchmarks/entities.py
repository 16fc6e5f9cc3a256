"""Names newsgraph keeps beside bare spaCy, on the shared corpus.

    .venv/bin/python benchmarks/entities.py [--limit N] [--show N]

For each article of ../shared/corpus/news.jsonl (skips cleanly when absent): the PERSON,
ORG, GPE and LOC entities bare spaCy (the same model, nothing added) finds in the article's
text, and those newsgraph's pipeline finds in the text it keeps after cleaning (its entity
ruler of actor names added); and bare spaCy on that same cleaned text, which separates what
the cleaner removed (and the headline it puts atop the text, which changes how the small
model reads the first sentence) from what the ruler changes. Prints the totals, the
articles where newsgraph finds fewer, and the entity texts it loses there (``--show``).
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
    total_bare = total_same = total_ours = 0
    fewer: list[tuple[str, int, int, list[str]]] = []
    fewer_same: list[tuple[str, int, int, list[str]]] = []
    docs = zip(rows, bare.pipe(raw_texts), bare.pipe(kept), ours.pipe(kept), strict=True)
    for row, d_bare, d_same, d_ours in docs:
        b = [e.text for e in d_bare.ents if e.label_ in LABELS]
        s = [e.text for e in d_same.ents if e.label_ in LABELS]
        o = [e.text for e in d_ours.ents if e.label_ in LABELS]
        total_bare += len(b)
        total_same += len(s)
        total_ours += len(o)
        for ref, out in ((b, fewer), (s, fewer_same)):
            if len(o) < len(ref):
                lost = list((collections.Counter(ref) - collections.Counter(o)).elements())
                out.append((str(row.get("id")), len(ref), len(o), lost))
    print(f"{len(rows)} articles, PERSON/ORG/GPE/LOC: bare spaCy on the input {total_bare}, "
          f"on the cleaned text {total_same}, newsgraph {total_ours} "
          f"({total_ours / max(total_bare, 1):.3f} / {total_same and total_ours / total_same:.3f})")
    for label, items in (("the input", fewer), ("the cleaned text", fewer_same)):
        print(f"articles where newsgraph finds fewer than bare spaCy on {label}: {len(items)}")
        for aid, nb, no, lost in items[: args.show]:
            print(f"  {aid}: {nb} -> {no}; not found: {lost[:8]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
