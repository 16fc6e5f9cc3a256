"""The outlet (``source``) is the name given, else the URL's domain, else the feed's or
file's name: never a file path with a line number. NumSources counts outlets."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from newsgraph.sources import read_inputs
from newsgraph.sources.outlet import outlet
from tests.conftest import shared_path

EVENT = "Turkey shot down a Russian jet near the Syrian border on Tuesday."


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_outlet_order():
    assert outlet("Reuters", "https://www.bbc.co.uk/news/1", "feed.xml") == "Reuters"
    assert outlet(None, "https://www.bbc.co.uk/news/1", "feed.xml") == "bbc.co.uk"
    assert outlet("", None, "/data/in/news.jsonl") == "news.jsonl"
    assert outlet(None, None, "https://feeds.example.org/rss") == "feeds.example.org"


def test_json_lines_get_domain_or_file_name(tmp_path):
    path = _jsonl(tmp_path / "wire.jsonl", [
        {"text": "One.", "url": "https://www.example.com/a"},
        {"text": "Two."},
        {"text": "Three.", "source": "The Daily Example"},
    ])
    assert [r.source for r in read_inputs([str(path)], max_bytes=10**6)] == \
        ["example.com", "wire.jsonl", "The Daily Example"]


def test_a_text_file_is_named_not_pathed(tmp_path):
    (tmp_path / "deep").mkdir()
    (tmp_path / "deep" / "story.txt").write_text(EVENT, encoding="utf-8")
    [raw] = read_inputs([str(tmp_path / "deep" / "story.txt")], max_bytes=10**6)
    assert raw.source == "story.txt"


def test_no_corpus_article_has_a_path_for_outlet():
    corpus = shared_path("corpus", "news.jsonl")
    sources = [r.source for r in read_inputs([str(corpus)], max_bytes=10**8)]
    assert len(sources) >= 600
    assert not [s for s in sources if not s or "/" in s or ":" in s]
    assert len(set(sources)) < len(sources)  # outlets repeat: they are not per-article


def test_num_sources_counts_outlets(tmp_path):
    from newsgraph.exports import ExportOptions, export
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings
    from newsgraph.store import Store

    path = _jsonl(tmp_path / "in.jsonl", [
        {"text": EVENT, "url": "https://news-a.example/1", "published": "2015-11-24"},
        {"text": EVENT + " Officials confirmed it.", "url": "https://news-a.example/2",
         "published": "2015-11-24"},
        {"text": EVENT, "url": "https://news-b.example/9", "published": "2015-11-24"},
    ])
    settings = Settings(store=str(tmp_path / "s.duckdb"), workers=1)
    assert ingest_paths([str(path)], settings).stored == 3
    out = tmp_path / "events.csv"
    with Store(settings.store, read_only=True) as store:
        export(store.con, "csv", str(out), ExportOptions(None, None, False, False))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    shot = [r for r in rows if r["num_articles"] == "3"]
    assert shot, rows
    assert all(r["num_sources"] == "2" for r in shot)
