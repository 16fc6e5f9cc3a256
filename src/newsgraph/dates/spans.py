"""Find temporal expressions in a text: our own patterns plus spaCy DATE/TIME entities.

The patterns catch what the statistical model misses or cuts badly (bare weekdays,
"November past year", year ranges); the entities catch the long tail. Overlapping
candidates are settled by preferring one that resolves to a value, then the longer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import NUMBER_RE

_MONTH_CAP = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WEEKDAY_CAP = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_PART = r"(?i:early|mid|late|the end of|the beginning of|the start of|the middle of)"
_REL = r"(?i:last|past|previous|next|coming|this)"
_DAYPART = r"(?: (?i:morning|afternoon|evening|night))?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
# A year only counts when a preposition or qualifier introduces it ("in 2015").
_YEAR_CTX = (
    r"(?i:in|since|until|till|by|from|during|before|after|through|of|early|late|mid|year|for"
    r"|last|next|this|end of|start of|beginning of|middle of)"
)

# (pattern, guards): guards are lower-case words without which the pattern cannot match;
# a text lacking all of them skips that pattern's scan (empty: always scan).
_PATTERNS: list[tuple[str, tuple[str, ...]]] = [
    (r"\b\d{4}-\d{2}-\d{2}\b", ()),
    (rf"\b(?:{_WEEKDAY_CAP},? )?\d{{1,2}}{_ORD} (?:of )?{_MONTH_CAP}(?:,? {_YEAR})?(?![\w-])", ()),
    (rf"\b(?:{_WEEKDAY_CAP},? )?{_MONTH_CAP} \d{{1,2}}{_ORD}(?:,? {_YEAR})?(?![\w-])", ()),
    (rf"\b(?:{_PART}[- ])?{_MONTH_CAP},? (?:of )?{_YEAR}\b", ()),
    (rf"\b(?:{_PART}[- ])?(?:{_REL} )?{_MONTH_FULL}(?: (?i:(?:of )?(?:last|past|next|this) year))?\b", ()),
    (rf"\b(?:{_REL} |(?i:later|earlier) )?{_WEEKDAY_CAP}{_DAYPART}\b", ()),
    (
        r"\b(?i:(?:the day (?:before|after) )?(?:today|tonight|yesterday|tomorrow))" + _DAYPART + r"\b",
        ("today", "tonight", "yesterday", "tomorrow"),
    ),
    (r"\b(?i:this (?:morning|afternoon|evening))\b", ("this ",)),
    (
        r"\b(?i:(?:the )?(?:last|past|previous|next|coming|earlier this|later this|this)"
        r" (?:week|weekend|month|year))\b",
        ("week", "month", "year"),
    ),
    (rf"\b(?i:(?:{NUMBER_RE}) (?:day|week|month|year)s? ago)\b", ("ago",)),
    (rf"\b(?:(?i:between|from) )?{_YEAR} ?(?:-|–|to|through|and) ?(?:{_YEAR}|\d\d)\b(?!-)", ()),
    (r"\b(?:(?i:the) )?(?:1[5-9]|20)\d0s\b", ("0s",)),
    (
        rf"\b(?:{_REL} (?i:spring|summer|autumn|fall|winter)"
        rf"|(?i:spring|summer|autumn|winter|fall) (?:of )?{_YEAR})\b",
        ("spring", "summer", "autumn", "fall", "winter"),
    ),
    (rf"\b(?i:(?:first|second|third|fourth|final) quarter)(?: (?:of )?{_YEAR})?\b", ("quarter",)),
    (rf"\b(?:{_PART}[- ]?)?{_YEAR}\b", ()),
]

# Ages and other things spaCy tags DATE that are no temporal expression for events.
_NOT_A_DATE = re.compile(r"\byears?[- ]old\b|-year-old|\bage(?:d)?\b", re.I)


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    source: str  # "pattern" or "ner"


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[re.Pattern[str], tuple[str, ...]]]:
    return [(re.compile(p), guards) for p, guards in _PATTERNS]


_PREPOSITION_BEFORE = re.compile(rf"\b{_YEAR_CTX}[- ]$")


def _year_ok(text: str, start: int, end: int) -> bool:
    """A lone year or month name ("May I ask", "2015 points") needs an introducing word."""
    s = text[start:end]
    if not (re.fullmatch(_YEAR, s) or re.fullmatch(_MONTH_FULL, s)):
        return True
    before = text[max(0, start - 16) : start]
    return bool(_PREPOSITION_BEFORE.search(before))


def pattern_candidates(text: str) -> list[Candidate]:
    out: list[Candidate] = []
    low = text.lower()
    for pattern, guards in _compiled():
        if guards and not any(g in low for g in guards):
            continue
        for m in pattern.finditer(text):
            if _year_ok(text, m.start(), m.end()):
                out.append(Candidate(m.start(), m.end(), "pattern"))
    return out


def entity_candidates(doc) -> list[Candidate]:  # doc: spacy Doc
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or _NOT_A_DATE.search(ent.text):
            continue
        start, end = ent.start_char, ent.end_char
        cut = ent.text.find("\n")  # an entity never runs across a line break
        if cut > 0:
            end = start + cut
        out.append(Candidate(start, end, "ner"))
    return out
