"""Every offset in a record slices ``text`` to exactly its item (seed and corpus)."""

from __future__ import annotations

import json
import random

import pytest

import newsgraph
from newsgraph.model import ArticleRecord, RawArticle

from .conftest import shared_path


def check_offsets(rec: ArticleRecord) -> None:
    text = rec.text
    n = len(text)

    def ok(span, expect: str | None = None, what: str = ""):
        s, e = span
        assert 0 <= s < e <= n, f"{what} span {span} outside text of {n} chars"
        if expect is not None:
            assert text[s:e] == expect, f"{what} {text[s:e]!r} != {expect!r}"

    for s in rec.sentences:
        ok((s.start, s.end), what="sentence")
    for e in rec.entities:
        ok((e.start, e.end), e.text, "entity")
    for a in rec.actors:
        for m in a.mentions:
            ok(m, what=f"actor {a.name} mention")
    for q in rec.quotes:
        ok((q.start, q.end), q.text, "quote")
        if q.cue:
            ok(q.cue, what="quote cue")
        if q.speaker.span:
            ok(q.speaker.span, what="speaker")
    for p in rec.places:
        ok((p.start, p.end), p.text, "place")
    for d in rec.dates:
        ok((d.start, d.end), d.text, "date")
    for t in rec.themes:
        for sp in t.spans:
            ok(sp, what=f"theme {t.code}")
    for ev in rec.events:
        ev_ = ev.evidence
        for name in ("trigger", "sentence", "source", "target"):
            span = getattr(ev_, name)
            if span is not None:
                ok(span, what=f"event {ev.id} {name}")
        assert ev_.sentence[0] <= ev_.trigger[0] and ev_.trigger[1] <= ev_.sentence[1]


def test_seed_offsets(seed_record):
    check_offsets(seed_record)


def test_seed_record_round_trips_through_json(seed_record):
    again = ArticleRecord.from_json(seed_record.to_json())
    assert again == seed_record
    assert json.loads(seed_record.to_json())["schema"] == "newsgraph/1"


def _corpus(n: int | None) -> list[RawArticle]:
    path = shared_path("corpus", "news.jsonl")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    if n is not None:
        rows = random.Random(7).sample(rows, n)
    return [RawArticle(text=r["text"], title=r.get("title"), url=r.get("url"), id=r["id"])
            for r in rows]


def test_corpus_sample_offsets():
    for rec in newsgraph.process_batch(_corpus(25)):
        assert not rec.error
        check_offsets(rec)


@pytest.mark.slow
def test_whole_corpus_offsets():
    for rec in newsgraph.process_batch(_corpus(None)):
        check_offsets(rec)
