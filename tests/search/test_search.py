"""The FTS5 search: query syntax, folding, ranking, snippets, sync after ingest."""

from __future__ import annotations

import duckdb
import pytest

from newsgraph.search import SearchIndex, fts_query, index_path
from newsgraph.store import Store


def test_query_syntax_quotes_every_term():
    assert fts_query("Putin Erdogan") == '"Putin" "Erdogan"'
    assert fts_query('"fighter jet" Russia') == '"fighter jet" "Russia"'
    assert fts_query("sanction*") == '"sanction"*'
    # operators and punctuation are words, never FTS5 syntax
    assert fts_query("NOT OR ( ) - :") == '"NOT" "OR"'
    assert fts_query('al-Assad "unclosed') == '"al Assad" "unclosed"'
    assert fts_query("  ") == ""


def _store(tmp_path, rows):
    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        for aid, title, text in rows:
            store.con.execute("INSERT INTO articles (id, title, text, published) VALUES (?, ?, ?, ?)",
                              [aid, title, text, "2016-01-02"])
    return path


def _query(path):
    con = duckdb.connect(str(path), read_only=True)
    return con, lambda sql, params: con.execute(sql, list(params)).fetchall()


def test_words_anded_phrases_accents_ranking(tmp_path):
    path = _store(tmp_path, [
        ("a", "Putin meets Erdoğan", "The presidents met in Sochi. Putin and Erdoğan spoke."),
        ("b", "Putin alone", "Putin spoke about the economy."),
        ("c", None, "Ankara talks\nERDOGAN said the fighter jet was shot down."),
        ("d", "Jets", "A jet fighter flew; the fighter was fast."),
    ])
    con, query = _query(path)
    index = SearchIndex(index_path(path))
    assert index.sync(query) == 4
    assert index.sync(query) == 0  # nothing new
    ids = lambda q: [h.ref["id"] for h in index.search(q, "articles")[0]]  # noqa: E731
    assert ids("Putin Erdogan") == ["a"]
    assert set(ids("erdoğan")) == {"a", "c"} == set(ids("ERDOGAN"))
    assert ids('"fighter jet"') == ["c"]
    assert set(ids("fighter jet")) == {"c", "d"}
    assert ids("Putin")[0] in {"a", "b"} and set(ids("Putin")) == {"a", "b"}
    hits, total = index.search("erdogan", "articles")
    assert total == 2
    untitled = next(h for h in hits if h.ref["id"] == "c")
    assert "".join(t for t, _ in untitled.title) == "Ankara talks"  # first line as its label
    assert ("ERDOGAN", True) in untitled.snippet
    con.close()


def test_sync_adds_only_new_articles(tmp_path):
    path = _store(tmp_path, [("a", "One", "alpha words")])
    con, query = _query(path)
    index = SearchIndex(index_path(path))
    index.sync(query)
    con.close()
    with Store(path) as store:
        store.con.execute("INSERT INTO articles (id, title, text) VALUES ('b', 'Two', 'beta words')")
    con, query = _query(path)
    assert index.sync(query) == 1
    assert index.search("words", "articles")[1] == 2
    con.close()


@pytest.mark.parametrize("q", ['"', "*", "NEAR(a b)", "a:b", "^x", "'; DROP TABLE x; --"])
def test_hostile_queries_do_not_raise(tmp_path, q):
    path = _store(tmp_path, [("a", "One", "alpha")])
    con, query = _query(path)
    index = SearchIndex(index_path(path))
    index.sync(query)
    index.search(q, "articles")
    con.close()
