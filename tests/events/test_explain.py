from __future__ import annotations

from newsgraph.events import explain


def test_explain_lists_sentences_events_rules_and_spans(seed_record):
    out = explain(seed_record)
    assert out.splitlines()[0].startswith(seed_record.id)
    assert "shot down" in out and "CAMEO 19" in out and "rule " in out
    assert "FUTURE" in out and "not counted" in out


def test_explain_of_empty_record():
    from newsgraph.model import ArticleRecord

    assert "0 events" in explain(ArticleRecord(id="x", text=""))
