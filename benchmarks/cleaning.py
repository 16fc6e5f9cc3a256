"""Cleaner: how often each boilerplate rule removes a line, on the shared corpus.

    .venv/bin/python benchmarks/cleaning.py [--limit N]

Reads ../shared/corpus/news.jsonl (skips cleanly when absent). For each rule (the reason
recorded in ``removed``): lines removed, the share of all input lines, and the articles
it touched. A rule whose rate jumps is the first suspect when entities go missing.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

from newsgraph.clean import clean_article, normalise
from newsgraph.model import RawArticle

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "news.jsonl"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"skipped: {CORPUS.name} not found")
        return 0
    rows = [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]
    if args.limit:
        rows = rows[: args.limit]
    lines = 0
    removed: collections.Counter[str] = collections.Counter()
    touched: collections.Counter[str] = collections.Counter()
    for row in rows:
        text = row.get("text") or ""
        lines += sum(1 for x in normalise(text).split("\n") if x.strip())
        c = clean_article(RawArticle(text=text, title=row.get("title")))
        reasons = collections.Counter(r.reason for r in c.removed)
        removed.update(reasons)
        touched.update(reasons.keys())
    print(f"{len(rows)} articles, {lines} non-empty input lines")
    print("| rule | lines removed | share of lines | articles touched |")
    print("|---|---:|---:|---:|")
    for reason, n in removed.most_common():
        print(f"| {reason} | {n} | {n / max(lines, 1):.4%} | {touched[reason]} |")
    if not removed:
        print("| (none) | 0 | 0 | 0 |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
