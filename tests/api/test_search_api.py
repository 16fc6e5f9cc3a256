"""Search through the API and the page, on the example store."""

from __future__ import annotations


def test_search_api_ands_words_and_folds_accents(client):
    both = client.get("/api/search", params={"q": "Putin Erdogan"}).json()
    putin = client.get("/api/search", params={"q": "Putin"}).json()
    assert 0 < both["total"] <= putin["total"]
    for item in both["items"]:
        text = (item["title"] + item["snippet"]).lower()
        assert "[" in text
    accented = client.get("/api/search", params={"q": "erdoğan"}).json()
    plain = client.get("/api/search", params={"q": "erdogan"}).json()
    assert accented["total"] == plain["total"] > 0


def test_search_kinds(client):
    for kind in ("events", "quotes", "actors"):
        r = client.get("/api/search", params={"q": "Russia", "kind": kind})
        assert r.status_code == 200, r.text
    assert client.get("/api/search", params={"q": "Russia", "kind": "x"}).status_code == 422
    actors = client.get("/api/search", params={"q": "russia", "kind": "actors"}).json()
    assert actors["total"] >= 1


def test_search_page_highlights(client):
    html = client.get("/search", params={"q": "erdoğan"}).text
    assert "<mark>" in html
    assert 'id="n-articles">0<' not in html
