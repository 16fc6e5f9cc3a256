"""What one document's extractors share while it is processed.

The pipeline parses the cleaned text with spaCy, builds a :class:`DocContext` and hands
it to each extractor in turn (actors, dates, places, quotes, events, themes, tone). Each
extractor writes only its own field of ``ctx.record``; what later extractors need from
earlier ones they read through the services here (``actor_index``, ``pronouns``), never by calling
another extractor. No spaCy ``Doc`` leaves the worker: only the record does.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

from .model import ArticleRecord
from .quotemarks import Marked, find_marked
from .settings import Settings

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Span, Token

    from .pronouns import Antecedent


class ActorLookup(Protocol):
    """Service the actors extractor leaves behind for quotes and events."""

    def ids_for_span(self, start: int, end: int) -> list[str]:
        """Actor ids mentioned inside the character span [start, end) (compound: members)."""
        ...

    def ids_for_token(self, i: int) -> list[str]:
        """Actor ids whose mention covers token ``i`` of the doc."""
        ...


class _NoActors:
    def ids_for_span(self, start: int, end: int) -> list[str]:
        return []

    def ids_for_token(self, i: int) -> list[str]:
        return []


class PronounLookup(Protocol):
    """Service the actors extractor leaves behind: what a pronoun stands for."""

    def resolve(self, tok: Token, skip: Sequence[tuple[int, int]] = ()) -> Antecedent | None:
        """The mention ``tok`` stands for (None: not a pronoun or unresolved); ``skip``:
        character spans (quotations) whose mentions must not be used."""
        ...


class _NoPronouns:
    def resolve(self, tok: Token, skip: Sequence[tuple[int, int]] = ()) -> Antecedent | None:
        return None


@dataclass
class DocContext:
    doc: Doc
    record: ArticleRecord
    settings: Settings
    published: dt.date | None
    body_start: int = 0  # offset of the first body sentence (after title and dek)
    actor_index: ActorLookup = field(default_factory=_NoActors)
    pronouns: PronounLookup = field(default_factory=_NoPronouns)

    @property
    def text(self) -> str:
        return self.record.text

    # spaCy builds a new Python object for every ``doc[i]``, ``doc.sents`` and ``doc.ents``
    # access (and ``doc.text`` joins every token again); extractors read these instead.
    @cached_property
    def tokens(self) -> list[Token]:
        return list(self.doc)

    @cached_property
    def sents(self) -> list[Span]:
        return list(self.doc.sents)

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        return tuple(self.doc.ents)

    @cached_property
    def marked(self) -> list[Marked]:
        """The text's quotations (paired quotation marks), for actors and quotes."""
        return find_marked(self.record.text)

    @cached_property
    def quoted(self) -> list[tuple[int, int]]:
        """Character spans of the quotations, marks included."""
        return [(m.open, m.close + 1 if m.close is not None else m.end) for m in self.marked]
