"""Derive src/newsgraph/data/fips_countries.tsv (FIPS 10-4 <-> ISO 3166) from
../shared/reference/gdelt/countries.json. Run: .venv/bin/python tools/derive_fips.py"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "gdelt" / "countries.json"
TARGET = ROOT / "src" / "newsgraph" / "data" / "fips_countries.tsv"


def main() -> None:
    data = json.loads(SOURCE.read_text(encoding="utf-8"))
    rows = sorted((fips, v["iso2"] or "", v["iso3"] or "", v["name"])
                  for fips, v in data.items() if v.get("iso3"))
    lines = ["fips\tiso2\tiso3\tname"] + ["\t".join(r) for r in rows]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} countries -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
