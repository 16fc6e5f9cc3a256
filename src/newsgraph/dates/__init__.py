"""Dates: every temporal expression of the text, resolved against the publication date.

``extract(ctx)`` fills ``ctx.record.dates`` with :class:`~newsgraph.model.DateMention`
items; ``find_published`` finds a publication date in a text, its URL or its metadata.
Formats and conventions are described in docs/dates.md.
"""

from __future__ import annotations

import logging

from ..context import DocContext
from ..model import DateMention
from .published import find_published
from .resolve import Resolution, resolve
from .spans import Candidate, entity_candidates, pattern_candidates
from .tense import tense_at

__all__ = ["extract", "find_published", "resolve", "Resolution"]

log = logging.getLogger(__name__)


def _score(res: Resolution, cand: Candidate) -> tuple[int, int, int]:
    # Prefer a candidate that resolves, then the longer one, then our own pattern.
    return (res.value is not None, cand.end - cand.start, cand.source == "pattern")


def extract(ctx: DocContext) -> None:
    """Write ``ctx.record.dates``: one DateMention per temporal expression, in text order."""
    text = ctx.record.text
    cands = pattern_candidates(text) + entity_candidates(ctx.doc)
    scored = []
    for cand in set(cands):
        res = resolve(
            text[cand.start : cand.end], ctx.published, tense_at(ctx.doc, cand.start, cand.end)
        )
        scored.append((_score(res, cand), cand, res))
    scored.sort(key=lambda x: x[0], reverse=True)
    taken: list[tuple[Candidate, Resolution]] = []
    for _, cand, res in scored:
        if all(cand.end <= c.start or cand.start >= c.end for c, _ in taken):
            taken.append((cand, res))
    taken.sort(key=lambda x: x[0].start)
    ctx.record.dates = [_mention(text, c, r) for c, r in taken]
    log.debug("%d date expressions", len(taken))


def _mention(text: str, cand: Candidate, res: Resolution) -> DateMention:
    rule = res.rule if cand.source == "pattern" else f"ner:{res.rule}"
    return DateMention(
        start=cand.start,
        end=cand.end,
        text=text[cand.start : cand.end],
        value=res.value,
        resolution=res.resolution,
        rule=rule,
        reason=res.reason,
        qualifier=res.qualifier,
    )
