"""Entity-ruler patterns generated from the knowledge base.

Kept small for load time and precision: hand-written and user actors (full names and
surnames), which include the media and IGOs the statistical model mislabels, and
facilities. PETRARCH's 27k names are not patterns (adding them costs ~12 s and their
bare surnames mislabel words); the resolver matches them directly. Add the ruler *before* "ner" with
``overwrite_ents=True`` and ``phrase_matcher_attr="ORTH"`` (case-sensitive).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..settings import Settings
from .kb import get_kb

_LABEL = {"person": "PERSON", "organisation": "ORG", "group": "ORG"}
_OK = re.compile(r"^[A-Z][\w'.-]*( [A-Z][\w'.-]*| (of|the|and|al|bin|de|von|van)){0,5}$")


def ruler_patterns(settings: Settings) -> list[dict]:
    """spaCy EntityRuler pattern dicts {"label", "pattern", "id"} (a fresh list)."""
    return [dict(p) for p in _patterns(tuple(settings.actors_files))]


@lru_cache(maxsize=4)
def _patterns(files: tuple[str, ...]) -> tuple[dict, ...]:
    kb = get_kb(Settings(actors_files=files))
    seen: set[tuple[str, str]] = set()
    out: list[dict] = []

    def add(label: str, text: str, ident: str) -> None:
        if (label, text) not in seen and _OK.match(text) and len(text) > 2:
            seen.add((label, text))
            out.append({"label": label, "pattern": text, "id": ident})

    for ident, entry in list(kb._entries.items()):
        if entry.kind == "facility" or entry.source == "petrarch2":
            continue
        label = _LABEL.get(entry.kind, "ORG")
        for name in [entry.name, *entry.aliases]:
            add(label, name, ident)
    for fac in kb.facilities:
        add("FAC", fac, "facility")
    return tuple(out)
