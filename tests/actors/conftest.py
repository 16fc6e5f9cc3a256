"""Run the actors extractor on a text with the shared pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.context import DocContext
from newsgraph.model import ArticleRecord
from newsgraph.settings import Settings


@pytest.fixture(scope="session")
def resolve(nlp):
    from newsgraph.actors import extract

    def run(text: str, date: dt.date | None = dt.date(2016, 8, 9), settings: Settings | None = None):
        rec = ArticleRecord(id="t", text=text)
        ctx = DocContext(nlp(text), rec, settings or Settings(), date)
        extract(ctx)
        return rec, ctx

    return run


@pytest.fixture(scope="session")
def actor_at():
    return _actor_at


def _actor_at(rec, text: str, phrase: str, nth: int = 0):
    """The actor one of whose mentions covers the nth occurrence of ``phrase``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    end = start + len(phrase)
    for a in rec.actors:
        if any(s <= start and end <= e or start <= s < e <= end for s, e in a.mentions):
            return a
    raise AssertionError(f"no actor covers {phrase!r} #{nth}")
