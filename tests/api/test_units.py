"""Pure parts of the server: highlighting, loopback detection, watch folder."""

from __future__ import annotations

import pytest

from newsgraph.api.highlight import highlights, segments
from newsgraph.api.limits import is_loopback


def test_segments_cover_the_text_and_nest_annotations():
    text = 'Erdogan said "we shot the jet" in Ankara.'
    anns = [{"kind": "actor", "start": 0, "end": 7}, {"kind": "quote", "start": 13, "end": 30},
            {"kind": "trigger", "start": 17, "end": 21}, {"kind": "place", "start": 34, "end": 40}]
    segs = segments(text, anns)
    assert "".join(s.text for s in segs) == text
    shot = next(s for s in segs if s.text == "shot")
    assert shot.kinds == ["quote", "trigger"] and shot.ann == [1, 2]
    assert next(s for s in segs if s.text == " said ").ann == []


def test_annotations_drop_spans_outside_the_text():
    record = {"text": "Turkey", "actors": [{"id": "a1", "name": "Turkey", "mentions": [[0, 6], [3, 99]]}],
              "places": [{"start": -1, "end": 2, "text": "Tu"}]}
    anns = highlights(record)
    assert [(a["kind"], a["start"], a["end"]) for a in anns] == [("actor", 0, 6)]


def test_trigger_annotation_names_code_rule_and_confidence():
    record = {"text": "Turkey shot down a Russian jet.",
              "actors": [{"id": "a1", "name": "Turkey", "mentions": [[0, 6]]},
                         {"id": "a2", "name": "Russia", "mentions": [[19, 26]]}],
              "events": [{"id": "e1", "source": ["a1"], "target": ["a2"], "quad_class": 4,
                          "goldstein": -10.0, "cameo": {"code": "190", "name": "Use conventional military force"},
                          "plover": {"type": "ASSAULT"}, "evidence": {"trigger": [7, 16]},
                          "rule": "verb/core:1", "confidence": 0.9}]}
    trig = next(a for a in highlights(record) if a["kind"] == "trigger")
    assert trig["label"] == "Turkey → Russia" and "190" in trig["code"]
    assert trig["rule"] == "verb/core:1" and trig["confidence"] == 0.9


@pytest.mark.parametrize("host, local", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                         ("127.0.1.1", True), ("0.0.0.0", False), ("::", False),
                                         ("192.168.1.5", False), ("example.org", False)])
def test_is_loopback(host, local):
    assert is_loopback(host) is local


def test_watch_folder_ingests_new_files_once(tmp_path):
    from newsgraph.api.db import Database
    from newsgraph.api.ingestor import Ingestor, Watcher
    from newsgraph.settings import Settings

    settings = Settings(store=str(tmp_path / "w.duckdb"))
    db = Database(settings)
    try:
        folder = tmp_path / "inbox"
        watcher = Watcher(Ingestor(db, settings), folder, settle_s=0)  # no settle time
        folder.mkdir()
        (folder / "a.txt").write_text("Russia lifted sanctions on Turkey on Monday.", encoding="utf-8")
        (folder / ".hidden").write_text("ignored", encoding="utf-8")
        assert watcher.scan() == 1
        assert watcher.scan() == 0
        (folder / "b.txt").write_text("Turkey bought Russian missiles.", encoding="utf-8")
        assert watcher.scan() == 1
        assert db.query("SELECT count(*) FROM articles").rows == [(2,)]
    finally:
        db.close()
