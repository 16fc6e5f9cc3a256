"""Every stored article id opens, in the API and on the dashboard, whatever its length or
characters (the store caps neither), and every link to an article reaches it."""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

from tests.conftest import shared_path

ODD_IDS = [
    "sh-" + "0123456789abcdef" * 4,  # 67 characters, as in the corpus
    "x" * 300,
    "feed/item/42",
    "id with spaces",
    "percent%20sign",
    "query?and#hash",
    "Ünïcødé-ид",
    "dots..",
]


def _store(path: Path, articles: list[tuple[str, str, str]]) -> Path:
    from newsgraph.model import ArticleRecord
    from newsgraph.store import Store

    with Store(path) as store:
        store.write([ArticleRecord(id=i, title=t, text=x, published="2018-01-02")
                     for i, t, x in articles])
    return path


@contextmanager
def _client(path: Path):
    """httpx on a real uvicorn server (TestClient decodes a percent-encoded path twice)."""
    import httpx
    import uvicorn

    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(store=str(path))),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _links(html: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="(/articles/[^"#]+)', html)]


def _opens_everywhere(client, ids: list[str]) -> None:
    from newsgraph.api.deps import id_path

    for article_id in ids:
        api = client.get(f"/api/articles/{id_path(article_id)}")
        assert api.status_code == 200, (article_id, api.text[:200])
        assert json.loads(api.text)["id"] == article_id
        page = client.get(f"/articles/{id_path(article_id)}")
        assert page.status_code == 200, (article_id, page.text[:200])
        events = client.get("/api/events", params={"article": article_id})
        assert events.status_code == 200, (article_id, events.text[:200])


def test_odd_ids_open_in_api_and_pages(tmp_path):
    path = _store(tmp_path / "ids.duckdb", [(i, f"Title {n}", f"Text number {n}.")
                                            for n, i in enumerate(ODD_IDS)])
    with _client(path) as client:
        _opens_everywhere(client, ODD_IDS)
        linked = _links(client.get("/search", params={"q": "Text"}).text)
        assert len(linked) == len(ODD_IDS)
        for href in linked:
            assert client.get(href).status_code == 200, href


def test_missing_id_is_a_404_not_a_422(tmp_path):
    path = _store(tmp_path / "ids.duckdb", [("a", "A", "Some text.")])
    with _client(path) as client:
        assert client.get("/api/articles/" + "z" * 100).status_code == 404
        assert client.get("/articles/" + "z" * 100).status_code == 404


def test_every_corpus_id_opens(tmp_path):
    corpus = shared_path("corpus", "news.jsonl")
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    articles = [(r["id"], r.get("title") or "", r.get("text") or "") for r in rows if r.get("id")]
    assert len(articles) >= 600
    path = _store(tmp_path / "corpus.duckdb", articles)
    with _client(path) as client:
        _opens_everywhere(client, [a[0] for a in articles])


@pytest.mark.parametrize("template", ["overview.html", "search.html", "macros.html",
                                      "article.html"])
def test_templates_encode_article_links(template):
    from newsgraph.api.pages import WEB

    text = (WEB / "templates" / template).read_text(encoding="utf-8")
    for link in re.findall(r"/articles/\{\{[^}]*\}\}", text):
        assert "idpath" in link, link
