"""Issue #19: an article URL of javascript:... (JSON line, sidecar, POST, or a record stored
before the check) shows no live link, and clicking it runs nothing."""

from __future__ import annotations

import json

import httpx
import pytest

from .conftest import TOKEN, WRITE, free_port, serving

pytestmark = pytest.mark.browser

TEXT = ("Turkey and Russia held talks in Ankara on {day}. Officials from both sides said "
        "the meeting on the {topic} went well.")
# Each would set a flag on the page (or change its title) if it ran.
PAYLOADS = {
    "jsonl": "javascript:document.title='pwned-jsonl';window.pwned=1",
    "sidecar": " JavaScript:document.title='pwned-sidecar';window.pwned=1",
    "post": "java\tscript:document.title='pwned-post';window.pwned=1",
    "stored": "javascript:document.title='pwned-stored';window.pwned=1",
}


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    """A server whose store holds one article per way a javascript: URL gets in; yields
    (base URL, {way: article id})."""
    from newsgraph.api import create_app
    from newsgraph.ingest import ingest_paths
    from newsgraph.model import ArticleRecord
    from newsgraph.settings import Settings

    folder = tmp_path_factory.mktemp("xss")
    jsonl = folder / "lines.jsonl"
    jsonl.write_text(json.dumps({"text": TEXT.format(day="Monday", topic="pipeline"),
                                 "url": PAYLOADS["jsonl"], "title": "From a JSON line"}) + "\n",
                     encoding="utf-8")
    txt = folder / "side.txt"
    txt.write_text(TEXT.format(day="Tuesday", topic="grain deal"), encoding="utf-8")
    (folder / "side.meta.json").write_text(
        json.dumps({"url": PAYLOADS["sidecar"], "title": "From a sidecar"}), encoding="utf-8")
    settings = Settings(store=str(folder / "xss.duckdb"), port=free_port(), token=TOKEN)
    ingest_paths([str(jsonl), str(txt)], settings)
    app = create_app(settings)
    # A record written before URLs were checked: the page must not link it either.
    app.state.db.write([ArticleRecord(id="old-record", text="An old article.",
                                      title="Stored before the check", url=PAYLOADS["stored"])])
    with serving(app, settings.port) as base:
        posted = httpx.post(f"{base}/api/articles", headers=WRITE, json={
            "text": TEXT.format(day="Wednesday", topic="gas price"), "url": PAYLOADS["post"],
            "title": "Posted"})
        assert posted.status_code == 201, posted.text
        ids = {"post": posted.json()["id"], "stored": "old-record"}
        for item in httpx.get(f"{base}/api/articles", params={"limit": 50}).json()["items"]:
            if item["title"] == "From a JSON line":
                ids["jsonl"] = item["id"]
            elif item["title"] == "From a sidecar":
                ids["sidecar"] = item["id"]
        assert set(ids) == set(PAYLOADS), ids
        yield base, ids


@pytest.mark.parametrize("way", list(PAYLOADS))
def test_javascript_url_is_no_live_link_and_a_click_runs_nothing(browser, xss_server, way):
    base, ids = xss_server
    ctx = browser.new_context(base_url=base)
    pg = ctx.new_page()
    try:
        resp = pg.goto(f"/articles/{ids[way]}")
        assert resp.status == 200
        assert "script-src 'self'" in resp.headers["content-security-policy"]
        title = pg.title()
        # No link anywhere on the page leads to a javascript: URL.
        hrefs = pg.eval_on_selector_all("[href], [src]", "els => els.map(e => "
                                        "e.getAttribute('href') || e.getAttribute('src'))")
        assert not [h for h in hrefs if "script:" in h.lower().replace("\t", "")], hrefs
        shown = pg.locator("#article-url")
        if way == "stored":
            assert "javascript:" in shown.inner_text()  # shown as text, for what it is
        else:  # dropped at ingest, with the reason among the warnings
            assert shown.count() == 0
            warnings = pg.locator("ul.small.muted li").all_inner_texts()
            assert any(w.startswith("W007") and "http" in w for w in warnings), warnings
            shown = pg.locator(".meta-line")
        shown.click()
        pg.wait_for_timeout(300)
        assert pg.evaluate("() => window.pwned === undefined")
        assert pg.title() == title and "pwned" not in pg.title()
        assert pg.url == f"{base}/articles/{ids[way]}"
    finally:
        ctx.close()


def test_an_http_url_stays_a_live_link(browser, xss_server):
    base, _ = xss_server
    posted = httpx.post(f"{base}/api/articles", headers=WRITE, json={
        "text": TEXT.format(day="Thursday", topic="border"), "url": "https://news.example/a?b=1",
        "title": "Linked"})
    assert posted.status_code == 201, posted.text
    ctx = browser.new_context(base_url=base)
    pg = ctx.new_page()
    try:
        pg.goto(f"/articles/{posted.json()['id']}")
        assert pg.locator("a#article-url").get_attribute("href") == "https://news.example/a?b=1"
    finally:
        ctx.close()


def test_the_policy_blocks_inline_script_handlers_and_javascript_urls(browser, xss_server):
    """Even markup that got into a page some other way runs nothing."""
    base, ids = xss_server
    ctx = browser.new_context(base_url=base)
    pg = ctx.new_page()
    try:
        pg.goto(f"/articles/{ids['post']}")
        pg.evaluate("""() => {
          const s = document.createElement("script");
          s.textContent = "window.pwned = 'inline script'";
          document.body.append(s);
          const a = document.createElement("a");
          a.id = "probe-link"; a.textContent = "probe"; a.href = "javascript:window.pwned='url'";
          document.body.append(a);
          const b = document.createElement("button");
          b.id = "probe-button"; b.textContent = "probe";
          b.setAttribute("onclick", "window.pwned = 'handler'");
          document.body.append(b);
        }""")
        pg.click("#probe-link")
        pg.click("#probe-button")
        pg.wait_for_timeout(300)
        assert pg.evaluate("() => window.pwned === undefined")
        # The page's own scripts (in files) still run: the highlight toggles work.
        pg.click("#toggles .toggle.actor")
        assert "off-actor" in pg.locator("#article-text").get_attribute("class")
    finally:
        ctx.close()
