"""Derive src/newsgraph/data/cameo_actor_codes.tsv from the CAMEO 1.1b3 actor codebook
(../shared/reference/cameo-manual/chapter_3_actor_codebook.md): the generic international
codes (table 3.2), the region codes (table 3.3) and the role codes (table 3.1), plus the
religion codes the PETRARCH2 dictionaries use inside international codes.
Run: .venv/bin/python tools/build_cameo_actor_codes.py"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "reference" / "cameo-manual" / "chapter_3_actor_codebook.md"
TARGET = ROOT / "src" / "newsgraph" / "data" / "cameo_actor_codes.tsv"

# Religion, ethnic and region codes found inside PETRARCH2 international actor codes
# (IMGMOSALQ, NGOPALHRI, NGOMDEENV ...), which are not organisations' own codes.
RELIGIONS = {"REL": "religious", "MOS": "Muslim", "MUS": "Muslim", "SUN": "Sunni",
             "SHI": "Shia", "CHR": "Christian", "CTH": "Catholic", "PRO": "Protestant",
             "ORT": "Orthodox", "JEW": "Jewish", "BUD": "Buddhist", "HIN": "Hindu",
             "SIK": "Sikh"}
ETHNIC = {"ARB": "Arab", "PAL": "Palestinian", "TAM": "Tamil", "UIG": "Uighur", "KUR": "Kurd",
          "ABN": "ethnic Albanian"}
EXTRA_REGIONS = {"MDE": "Middle East"}
EXTRA_ROLES = {"PTY": "Party"}  # section 3.1.4: party codes follow a role


def table(text: str, caption: str) -> list[list[str]]:
    """The rows (cells) of the markdown table after ``caption``."""
    body = text[text.index(caption):]
    rows = []
    started = False
    for line in body.splitlines()[1:]:
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif started:
            break
    return rows


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    out: list[tuple[str, str, str]] = []
    for cells in table(text, "Table 3.2:")[1:]:
        out.append((cells[0], "generic", cells[1]))
    for cells in table(text, "Table 3.3:")[1:]:
        out.append((cells[1], "region", cells[0].strip('"')))
    for cells in table(text, "Table 3.1:"):
        if re.fullmatch(r"[A-Z]{3}", cells[0]):
            out.append((cells[0], "role", cells[1].split(":")[0].split(",")[0]))
    out += [(code, "role", name) for code, name in EXTRA_ROLES.items()]
    out += [(code, "region", name) for code, name in EXTRA_REGIONS.items()]
    out += [(code, "religion", name) for code, name in RELIGIONS.items()]
    out += [(code, "ethnic", name) for code, name in ETHNIC.items()]
    lines = ["# derived by tools/build_cameo_actor_codes.py from the CAMEO 1.1b3 actor codebook",
             "code\tkind\tname"] + ["\t".join(r) for r in out]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(out)} codes -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
