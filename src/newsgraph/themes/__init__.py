"""Themes: which subjects an article is about, from a readable taxonomy of trigger terms.

The taxonomy (``data/themes.tsv``) maps each newsgraph theme to the closest GDELT GKG theme.
``extract(ctx)`` fills ``ctx.record.themes`` with every theme whose triggers occur, with the
count and the character spans of the matches, most frequent first.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from ..context import DocContext
from ..model import Theme

__all__ = ["ThemeDef", "extract", "find_themes", "load_taxonomy"]

TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "themes.tsv"


@dataclass(frozen=True)
class ThemeDef:
    code: str
    gkg: str | None
    label: str
    pattern: re.Pattern[str]
    # Lower-case text every match must contain (a trigger's first word up to any wildcard);
    # a text holding none of them skips the pattern. Empty: always run the pattern.
    stems: tuple[str, ...] = ()


def _stem(trigger: str) -> str:
    """The literal start of a trigger's first word: "pipeline*" -> "pipeline",
    "normali?e" -> "normal" (the letter before "?" is optional)."""
    word = trigger.split("~", 1)[0].split()[0].rstrip("*")
    if "?" in word:
        word = word[: word.index("?") - 1]
    return word.lower()


def _trigger_regex(trigger: str) -> str:
    if "~" in trigger:
        a, b = (_trigger_regex(x) for x in trigger.split("~", 1))
        # Both terms in one sentence (no full stop between), either order.
        return rf"(?:{a})(?![\w-])[^.!?]{{0,150}}?(?<![\w-])(?:{b})|(?:{b})(?![\w-])[^.!?]{{0,150}}?(?<![\w-])(?:{a})"
    words = trigger.strip().split()
    parts = []
    for w in words:
        tail = r"[\w-]*" if w.endswith("*") else ""
        parts.append(re.escape(w.rstrip("*")).replace(r"\?", "?") + tail)
    # Words may be split by any whitespace; the trigger must end on a word boundary.
    return r"\s+".join(parts)


@functools.lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY) -> tuple[ThemeDef, ...]:
    """The theme definitions of a taxonomy file, with one compiled pattern each."""
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["code"].startswith("#"):
                continue
            triggers = sorted((t for t in row["triggers"].split("|") if t), key=len, reverse=True)
            alts = "|".join(_trigger_regex(t) for t in triggers)
            pattern = re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])", re.IGNORECASE)
            stems = tuple(sorted({_stem(t) for t in triggers}))
            if min(map(len, stems), default=0) < 2:
                stems = ()
            out.append(ThemeDef(row["code"], row["gkg"] or None, row["label"], pattern, stems))
    return tuple(out)


def find_themes(text: str, start: int = 0) -> list[Theme]:
    """Themes of ``text[start:]``, most frequent first (ties in taxonomy order)."""
    themes = []
    low = text[start:].lower()
    # Characters that match a Latin letter case-insensitively without lowering to it
    # (dotted/dotless i, long s, Kelvin sign): with any of them, skip the stem filter.
    filtered = not any(c in text for c in "\u0130\u0131\u017f\u212a")
    for td in load_taxonomy():
        if filtered and td.stems and not any(s in low for s in td.stems):
            continue
        spans = [(m.start(), m.end()) for m in td.pattern.finditer(text, start)]
        if spans:
            themes.append(Theme(code=td.code, count=len(spans), spans=spans, gkg=td.gkg))
    themes.sort(key=lambda t: -t.count)
    return themes


def extract(ctx: DocContext) -> None:
    """Fill ``ctx.record.themes`` from the whole cleaned text (title included)."""
    ctx.record.themes = find_themes(ctx.text)
