"""Compare every record field before and after a change, on the seed and the corpus.

    .venv/bin/python benchmarks/compare_records.py save BASELINE.jsonl [--limit 300]
    .venv/bin/python benchmarks/compare_records.py check BASELINE.jsonl [--limit 300]

``save`` processes ../shared/seed/*.txt and the first ``--limit`` articles of
../shared/corpus/news.jsonl with every extractor and writes one record per line;
``check`` processes the same inputs with the tree as it is now and lists every record
field whose value differs (exit status 1 when any does). Run ``save`` on the base commit
of a refactor and ``check`` on the refactor: a pure refactor changes no field. Skips
cleanly (exit status 0, a note) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsgraph.model import RawArticle, to_dict
from newsgraph.pipeline import process_batch
from newsgraph.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def inputs(limit: int) -> list[RawArticle]:
    raws = [RawArticle(text=p.read_text(encoding="utf-8"), id=f"seed:{p.name}")
            for p in sorted((SHARED / "seed").glob("*.txt"))]
    corpus = SHARED / "corpus" / "news.jsonl"
    if corpus.exists():
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                if len(raws) >= limit + 1 or not line.strip():
                    continue
                r = json.loads(line)
                raws.append(RawArticle(text=r["text"], id=r["id"], title=r.get("title"),
                                       url=r.get("url")))
    return raws


def records(limit: int) -> list[dict]:
    raws = inputs(limit)
    out: list[dict] = []
    for i in range(0, len(raws), 32):
        out.extend(to_dict(r) for r in process_batch(raws[i:i + 32], Settings()))
    return out


def differences(before: dict, after: dict, path: str = "") -> list[str]:
    """Dotted paths (down to list items) where ``before`` and ``after`` differ."""
    if isinstance(before, dict) and isinstance(after, dict):
        found = []
        for key in sorted(set(before) | set(after)):
            found += differences(before.get(key), after.get(key), f"{path}.{key}" if path else key)
        return found
    if isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        found = []
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            found += differences(b, a, f"{path}[{i}]")
        return found
    return [] if before == after else [path]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["save", "check"])
    ap.add_argument("baseline", type=Path)
    ap.add_argument("--limit", type=int, default=300, help="corpus articles (default 300)")
    args = ap.parse_args(argv)
    if not (SHARED / "seed").exists():
        print(f"skipped: {SHARED} not found")
        return 0
    now = records(args.limit)
    if args.mode == "save":
        with args.baseline.open("w", encoding="utf-8") as fh:
            for rec in now:
                fh.write(json.dumps(rec, sort_keys=True, ensure_ascii=False) + "\n")
        print(f"saved {len(now)} records to {args.baseline}")
        return 0
    with args.baseline.open(encoding="utf-8") as fh:
        before = {r["id"]: r for r in map(json.loads, fh)}
    changed = 0
    for rec in now:
        rec = json.loads(json.dumps(rec, ensure_ascii=False))
        old = before.pop(rec["id"], None)
        if old is None:
            print(f"{rec['id']}: new record")
            changed += 1
            continue
        diff = differences(old, rec)
        if diff:
            changed += 1
            print(f"{rec['id']}: {len(diff)} field(s) differ: {', '.join(diff[:8])}")
    for rid in before:
        print(f"{rid}: record missing")
        changed += 1
    print(f"{len(now)} records compared, {changed} differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
