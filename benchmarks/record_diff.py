"""Dump every record field for a fixed set of articles, and compare two dumps field by field.

    .venv/bin/python benchmarks/record_diff.py dump OUT.jsonl [--limit 300]
    .venv/bin/python benchmarks/record_diff.py compare BEFORE.jsonl AFTER.jsonl [--intended F]

``dump`` processes the seed article(s) (../shared/seed/*.txt) and the first ``--limit``
lines of ../shared/corpus/news.jsonl (a fixed selection: file order, no sampling) with
every extractor and writes one record per line (keys sorted). ``compare`` reads two dumps
and lists, per record field (dotted path, list items by index), how many records differ;
exit status 1 when any field differs or a record is missing on one side; fields named with
``--intended`` (a top-level field, or a dotted path with list items as ``[]``) are listed
apart as intended differences and do not fail the comparison. Make the first
dump on the commit before a refactor and the second after it: a pure refactor changes no
field. ``dump`` skips cleanly (exit status 0, a note) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

from compare_records import differences, records  # type: ignore[import-not-found]


def dump(out: Path, limit: int) -> int:
    recs = records(limit)
    with out.open("w", encoding="utf-8") as fh:
        for rec in recs:
            fh.write(json.dumps(rec, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"dumped {len(recs)} records to {out}")
    return 0


def _load(path: Path) -> dict[str, dict]:
    with path.open(encoding="utf-8") as fh:
        return {r["id"]: r for r in map(json.loads, fh) if r}


def _intended(path: str, intended: tuple[str, ...]) -> bool:
    folded = re.sub(r"\[\d+\]", "[]", path)
    return any(folded == f or folded.startswith(f + ".") or folded.startswith(f + "[")
               for f in intended)


def compare(a: Path, b: Path, intended: tuple[str, ...] = ()) -> int:
    before, after = _load(a), _load(b)
    missing = sorted(set(before) ^ set(after))
    by_field: collections.Counter[str] = collections.Counter()
    changed = 0
    for rid in sorted(set(before) & set(after)):
        found = differences(before[rid], after[rid])
        # one count per record and field, list positions folded: events[3].source -> events[].source
        by_field.update({re.sub(r"\[\d+\]", "[]", d) for d in found})
        diff = [d for d in found if not _intended(d, intended)]
        if diff:
            changed += 1
            print(f"{rid}: {len(diff)} value(s) differ: {', '.join(diff[:6])}")
    for rid in missing:
        print(f"{rid}: only in {a if rid in before else b}")
    fields = sorted({k for r in (*before.values(), *after.values()) for k in r})
    common = len(set(before) & set(after))
    for name, n in sorted(by_field.items()):
        note = " (intended)" if _intended(name, intended) else ""
        print(f"  {name}: differs in {n} of {common} records{note}")
    print(f"{common} records compared on {len(fields)} top-level fields "
          f"({', '.join(fields)}): {changed} differ"
          + (f" beyond the intended {', '.join(intended)}" if intended else "")
          + f", {len(missing)} on one side only")
    return 1 if changed or missing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    sub = ap.add_subparsers(dest="mode", required=True)
    d = sub.add_parser("dump", help="process the fixed selection and write its records")
    d.add_argument("out", type=Path)
    d.add_argument("--limit", type=int, default=300, help="corpus articles (default 300)")
    c = sub.add_parser("compare", help="compare two dumps field by field")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--intended", action="append", default=[], metavar="FIELD",
                   help="a field expected to differ (repeatable); listed, not failed on")
    args = ap.parse_args(argv)
    if args.mode == "dump":
        shared = Path(__file__).resolve().parents[1].parent / "shared"
        if not (shared / "seed").exists():
            print(f"skipped: {shared} not found")
            return 0
        return dump(args.out, args.limit)
    return compare(args.a, args.b, tuple(args.intended))


if __name__ == "__main__":
    sys.exit(main())
