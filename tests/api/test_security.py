"""Escaping, injection, request size, write token, read-only queries and time limits."""

from __future__ import annotations

import pytest

INJECTIONS = [
    "'; DROP TABLE events; --",
    "x' OR '1'='1",
    "1; DELETE FROM articles",
    "\" OR 1=1 --",
    "%' UNION SELECT record FROM articles --",
]


@pytest.mark.parametrize("value", INJECTIONS)
@pytest.mark.parametrize("name", ["q", "place", "actor", "article", "plover", "dyad"])
def test_sql_injection_in_filters_does_nothing(client, name, value):
    before = client.get("/api/health").json()["counts"]
    resp = client.get("/api/events", params={name: value})
    assert resp.status_code in (200, 422)
    if resp.status_code == 200:
        assert resp.json()["total"] == 0
    assert client.get("/api/health").json()["counts"] == before


def test_injection_in_text_search_pages_does_nothing(client):
    before = client.get("/api/health").json()["counts"]
    for path in ("/search", "/api/articles", "/api/quotes", "/api/actors"):
        assert client.get(path, params={"q": INJECTIONS[0]}).status_code == 200
    assert client.get("/api/health").json()["counts"] == before


XSS = ("Turkey warned Russia on Monday. <script>alert('owned')</script> "
       "<img src=x onerror=alert(1)> Officials said the talks would go on.")


def test_article_text_with_markup_is_shown_as_text(fresh_client):
    with fresh_client() as c:
        resp = c.post("/api/articles", json={"text": XSS, "title": "<b>bold</b> title",
                                             "date": "2016-08-09"})
        assert resp.status_code == 201, resp.text
        page = c.get(f"/articles/{resp.json()['id']}").text
        assert "<script>alert(" not in page and "<img src=x" not in page and "<b>bold" not in page
        assert "&lt;script&gt;alert(" in page and "&lt;b&gt;bold&lt;/b&gt; title" in page
        search = c.get("/search", params={"q": "<script>"}).text
        assert "<script>alert(" not in search


def test_posting_the_same_article_twice_stores_it_once(fresh_client):
    with fresh_client() as c:
        body = "Russia and Turkey signed a gas pipeline agreement in Istanbul on Monday."
        first = c.post("/api/articles", content=body, headers={"content-type": "text/plain"},
                       params={"date": "2016-10-10"})
        again = c.post("/api/articles", content=body, headers={"content-type": "text/plain"},
                       params={"date": "2016-10-10"})
        assert (first.status_code, again.status_code) == (201, 200)
        assert first.json()["id"] == again.json()["id"]
        assert c.get("/api/health").json()["counts"]["articles"] == 1


@pytest.mark.parametrize("body", [{}, {"title": "only a title"}, {"text": ""}])
def test_post_without_text_is_refused(fresh_client, body):
    with fresh_client() as c:
        assert c.post("/api/articles", json=body).status_code == 422


def test_post_with_a_non_http_url_is_refused(fresh_client):
    with fresh_client() as c:
        resp = c.post("/api/articles", json={"url": "file:///etc/passwd"})
        assert resp.status_code == 422 and "http" in resp.json()["detail"]


def test_oversized_body_without_length_is_refused(fresh_client):
    def chunks():
        for _ in range(40):
            yield b"x" * 65536

    with fresh_client(max_bytes=1_000_000) as c:
        resp = c.post("/api/articles", content=chunks(), headers={"content-type": "text/plain"})
        assert resp.status_code == 413
        assert c.get("/api/health").json()["counts"]["articles"] == 0


def test_declared_length_over_the_limit_is_refused(fresh_client):
    with fresh_client(max_bytes=1000) as c:
        resp = c.post("/api/articles", content=b"y" * 5000, headers={"content-type": "text/plain"})
        assert resp.status_code == 413 and "larger than" in resp.json()["detail"]


def test_writes_need_the_token_beyond_localhost(fresh_client):
    text = {"text": "Putin met Erdogan in St Petersburg on Tuesday.", "date": "2016-08-09"}
    with fresh_client(host="0.0.0.0", token="s3cret") as c:
        bare = {"Authorization": ""}
        refused = c.post("/api/articles", json=text, headers=bare)
        assert refused.status_code == 401 and refused.json()["code"] == "E062"
        wrong = {"Authorization": "Bearer nope"}
        assert c.post("/api/articles", json=text, headers=wrong).status_code == 401
        assert c.get("/api/health").json()["counts"]["articles"] == 0
        ok = c.post("/api/articles", json=text, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201
        assert c.get("/api/events").status_code == 200  # reads stay open


def test_queries_are_read_only_and_time_limited(tmp_path):
    from newsgraph.api.db import Database, QueryTimeout
    from newsgraph.settings import Settings

    db = Database(Settings(store=str(tmp_path / "t.duckdb"), query_timeout_ms=50))
    try:
        with pytest.raises(ValueError):
            db.query("DROP TABLE events")
        with pytest.raises(QueryTimeout):
            db.query("SELECT sum(a.range * b.range) FROM range(100000) a, range(100000) b")
        assert db.query("SELECT count(*) FROM events").rows == [(0,)]
    finally:
        db.close()
