"""Quotes: who said what, as direct, partial and indirect quotations.

``extract(ctx)`` fills ``ctx.record.quotes``; ``by_actor(record)`` groups them per actor.
Spans hold the quoted words without the quotation marks (docs/quotes.md).
"""

from __future__ import annotations

import logging

from ..context import DocContext
from ..model import ArticleRecord, Quote
from .direct import direct_quotes
from .indirect import indirect_quotes

__all__ = ["extract", "by_actor"]

log = logging.getLogger(__name__)


def extract(ctx: DocContext) -> None:
    """Write ``ctx.record.quotes`` in text order."""
    marked = ctx.marked
    quotes = direct_quotes(ctx, marked)
    direct = [(q.start, q.end) for q in quotes if q.kind == "direct"]
    quotes += indirect_quotes(ctx, [(m.start, m.end) for m in marked], direct)
    quotes.sort(key=lambda q: (q.start, q.end))
    ctx.record.quotes = quotes
    log.debug("%d quotes (%d quoted stretches)", len(quotes), len(marked))


def by_actor(record: ArticleRecord) -> dict[str, list[Quote]]:
    """Quotes grouped by speaker actor id; quotes without a resolved actor are left out."""
    out: dict[str, list[Quote]] = {}
    for q in record.quotes:
        if q.speaker.actor:
            out.setdefault(q.speaker.actor, []).append(q)
    return out
