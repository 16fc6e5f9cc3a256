"""Actors: who is who. Knowledge base, resolver, entity-ruler patterns and lookup.

``extract(ctx)`` writes ``ctx.record.actors`` and sets ``ctx.actor_index``;
``ruler_patterns(settings)`` feeds spaCy's entity ruler; ``lookup(name, date, settings)``
answers ``newsgraph actors lookup``.
"""

from __future__ import annotations

from ..context import DocContext
from .build import extract
from .index import ActorIndex
from .kb import get_kb, load_kb
from .lookup import lookup
from .patterns import ruler_patterns

__all__ = ["ActorIndex", "extract", "get_kb", "load_kb", "lookup", "ruler_patterns", "DocContext"]
