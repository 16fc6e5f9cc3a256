"""Write src/newsgraph/data/iso639.tsv: ISO 639-1 -> ISO 639-2 codes for the two-letter
languages py3langid reports (GDELT's SRCLC is the three-letter code).

    python tools/build_iso639.py [ISO_639-2_JSON]

The code list is read from the iso-codes package's JSON (Debian: package iso-codes,
/usr/share/iso-codes/json/iso_639-2.json).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from py3langid.langid import MODEL_FILE, LanguageIdentifier

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = Path("/usr/share/iso-codes/json/iso_639-2.json")


def main(source: Path = DEFAULT) -> None:
    entries = json.loads(source.read_text(encoding="utf-8"))["639-2"]
    codes = {e["alpha_2"]: (e["alpha_3"], e["name"]) for e in entries if "alpha_2" in e}
    languages = sorted({c for c in LanguageIdentifier.from_model_file(MODEL_FILE).nb_classes
                        if len(c) == 2})
    rows = ["# ISO 639-1 code -> ISO 639-2 (terminology) code and English name, for the "
            "two-letter",
            "# languages the language detector (py3langid) reports; facts from the ISO 639-2 "
            "code list.",
            "iso639_1\tiso639_2\tname"]
    rows += [f"{c}\t{codes[c][0]}\t{codes[c][1]}" for c in languages if c in codes]
    (ROOT / "src" / "newsgraph" / "data" / "iso639.tsv").write_text("\n".join(rows) + "\n",
                                                                     encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
