"""The tone lexicon, loaded once per process."""

from __future__ import annotations

import csv
import functools
from pathlib import Path

LEXICON = Path(__file__).resolve().parents[1] / "data" / "tone_lexicon.tsv"

# Words that flip the polarity of a scored word shortly after them.
NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "n't",
        "without",
        "nor",
        "neither",
        "hardly",
        "barely",
        "cannot",
        "nothing",
        "none",
        "lack",
        "lacks",
        "lacked",
    }
)
NEGATION_WINDOW = 3


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON) -> dict[str, int]:
    """word or lemma (lower case) -> +1 / -1."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t")
        return {r["word"]: int(r["polarity"]) for r in rows if not r["word"].startswith("#")}
