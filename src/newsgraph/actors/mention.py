"""A mention: one piece of text resolved to a country, a sector and a grouping key."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .kb import KB
from .pieces import Piece


@dataclass
class Mention:
    key: tuple
    start: int  # token
    end: int
    name: str
    kind: str
    country: str | None
    sector: str | None
    kb_id: str | None = None
    role: str | None = None
    rule: str = ""
    confidence: float = 0.5
    reason: str | None = None
    title_of: str | None = None  # a role noun that may name a known person ("president")
    members: list[tuple] = field(default_factory=list)


def root(doc: Doc, p: Piece) -> Token:
    span = doc[p.start : p.end]
    return span.root


def state_name(kb: KB, iso: str | None) -> str:
    st = kb.states.get(iso or "")
    return st.name if st else (iso or "")
