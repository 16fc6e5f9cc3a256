"""Places: gazetteer lookup and toponym resolution in context.

``extract(ctx)`` fills ``ctx.record.places``; ``resolve_toponym`` resolves one name in its
article (the benchmark and other tools call it directly).
"""

from __future__ import annotations

from .extract import NOT_EVENT_PLACE_ROLES, extract
from .gazetteer import Entry, Gazetteer
from .gazetteer import load as load_gazetteer
from .resolve import Focus, Resolution, article_focus, resolve_toponym

__all__ = [
    "NOT_EVENT_PLACE_ROLES",
    "Entry",
    "Focus",
    "Gazetteer",
    "Resolution",
    "article_focus",
    "extract",
    "load_gazetteer",
    "resolve_toponym",
]
