"""Every article of the 632-article corpus opens in the dashboard, reached as a reader
reaches it: paging through the article list and following each link (ids of 67 characters
included), with no script error on any page. Slow: it ingests the corpus first."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest

from tests.conftest import shared_path
from tests.web.conftest import free_port, serving

pytestmark = [pytest.mark.slow, pytest.mark.browser]


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """(base URL, corpus ids) of the dashboard on a store of the whole corpus."""
    from newsgraph.api import create_app
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    corpus = shared_path("corpus", "news.jsonl")
    ids = [json.loads(line)["id"] for line in corpus.read_text(encoding="utf-8").splitlines()
           if line.strip()]
    settings = Settings(store=str(tmp_path_factory.mktemp("corpus") / "corpus.duckdb"),
                        port=free_port())
    report = ingest_paths([str(corpus)], settings)
    assert report.stored == len(ids), report.summary()
    with serving(create_app(settings), settings.port) as base:
        yield base, ids


def test_every_corpus_article_opens_from_the_article_list(browser, corpus_site):
    base, ids = corpus_site
    assert len(ids) == 632 and max(len(i) for i in ids) > 64
    ctx = browser.new_context(base_url=base)
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        # The list, page by page, as a reader pages through it.
        links: list[str] = []
        resp = page.goto("/articles")
        while True:
            assert resp is not None and resp.status == 200
            links += page.eval_on_selector_all("#article-list a[href^='/articles/']",
                                               "els => els.map(e => e.getAttribute('href'))")
            older = page.locator("#next")
            if not older.count():
                break
            resp = page.goto(older.get_attribute("href") or "")
        listed = [unquote(h.removeprefix("/articles/")) for h in links]
        assert sorted(listed) == sorted(ids)
        # Each link opens its article: the page names it, shows its text and links its record.
        failed = []
        for href, article_id in zip(links, listed, strict=True):
            resp = page.goto(href)
            record = page.locator("a[href^='/api/articles/']").first.get_attribute("href")
            if (resp is None or resp.status != 200
                    or not page.locator("#article-title").inner_text().strip()
                    or not page.locator("#article-text").inner_text().strip()
                    or unquote((record or "").removeprefix("/api/articles/")) != article_id):
                failed.append((article_id, resp.status if resp else None))
        assert not failed, f"{len(failed)} of {len(ids)} articles did not open: {failed[:5]}"
        assert not errors, errors[:5]
    finally:
        ctx.close()


def test_every_corpus_article_opens_in_the_api(corpus_site):
    import httpx

    from newsgraph.api.deps import id_path

    base, ids = corpus_site
    with httpx.Client(base_url=base, timeout=30) as client:
        bad = [i for i in ids if client.get(f"/api/articles/{id_path(i)}").status_code != 200]
    assert not bad, bad[:5]
