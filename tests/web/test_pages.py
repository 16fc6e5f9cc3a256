"""Every dashboard page in headless Chromium: loads, charts draw, filters work, screenshots."""

from __future__ import annotations

import re

import httpx
import pytest

pytestmark = pytest.mark.browser


def wait_count(page, selector: str, op: str, n: int) -> None:
    """Wait until the number of ``selector`` matches compares to ``n`` by ``op``.

    A function, not a string of JavaScript: the pages' content security policy forbids
    evaluating strings (Playwright's string predicates are evaluated that way)."""
    page.wait_for_function(
        "([sel, op, n]) => { const k = document.querySelectorAll(sel).length;"
        " return op === '<' ? k < n : op === '>' ? k > n : k === n; }",
        arg=[selector, op, n])


def _seed_id(base: str) -> str:
    items = httpx.get(f"{base}/api/articles", params={"q": "pivots to Putin"}).json()["items"]
    return items[0]["id"]


def test_overview(page, shoot):
    page.goto("/")
    page.wait_for_selector("#volume-chart svg rect")
    stored = httpx.get(f"{page.url.rstrip('/')}/api/health").json()["counts"]["articles"]
    assert int(page.locator("[data-kpi=articles]").inner_text().replace(",", "")) == stored >= 23
    assert page.locator("#top-dyads li").count() >= 3
    assert page.locator("table.events tbody tr").count() >= 5
    shoot(page, "overview")
    page.locator("#top-dyads a").first.click()
    page.wait_for_url(re.compile(r"/dyad\?a="))


def test_events_filters_and_downloads(page, live_server, shoot):
    page.goto("/events")
    total = int(page.locator("#total").inner_text().replace(",", ""))
    page.fill("input[name=dyad]", "TUR-RUS")
    page.check("input[name=quad][value='4']")
    page.click("#apply")
    page.wait_for_url(re.compile(r"quad=4"))
    filtered = int(page.locator("#total").inner_text().replace(",", ""))
    assert 0 < filtered < total
    badges = page.locator("table.events tbody .quad").all_inner_texts()
    assert badges and set(badges) == {"Material conflict"}
    href = page.locator("a[data-download=csv]").get_attribute("href")
    assert "dyad=TUR-RUS" in href and "quad=4" in href
    csv = httpx.get(live_server + href)
    assert len(csv.text.strip().splitlines()) == filtered + 1
    page.goto("/events?root=04")
    assert page.locator("table.events tbody tr").count() >= 1
    assert all(c.startswith("04") for c in page.locator("table.events tbody .code:not(a)").all_inner_texts())
    page.goto("/events")
    shoot(page, "events", full_page=False)


def test_dyad_view_shows_collapse_and_recovery(page, shoot):
    page.goto("/dyad?a=TUR&b=RUS")
    page.wait_for_selector("#dyad-chart path.line-goldstein_mean")
    assert page.locator("#dyad-chart rect[data-period='2015-11']").count() >= 1
    assert page.locator("#dyad-chart .change-point").count() >= 1
    assert "more cooperative" in page.locator("#change-points").inner_text()
    assert page.locator("table.events tbody tr").count() >= 10
    shoot(page, "dyad")


def test_network_slider_and_downloads(page, shoot):
    page.goto("/network")
    page.wait_for_selector("#network svg circle")
    before = page.locator("#network svg line").count()
    page.locator("#from").evaluate("(el) => { el.value = el.max - 2; el.dispatchEvent(new Event('input')); }")
    wait_count(page, "#network svg line", "<", before)
    assert "start=" in page.locator("#dl-gexf").get_attribute("href")
    page.locator("#from").evaluate("(el) => { el.value = 0; el.dispatchEvent(new Event('input')); }")
    wait_count(page, "#network svg line", "===", before)
    page.locator("#network svg circle").first.hover()
    assert page.locator("#tip").is_visible()
    shoot(page, "network")


def test_map(page, shoot):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready] svg circle.pt")
    n = page.locator("#map svg circle.pt").count()
    for q in ("1", "2", "3"):
        page.uncheck(f"#map-filters input[value='{q}']")
    wait_count(page, "#map svg circle.pt", "<", n)
    page.check("#map-filters input[value='1']")
    wait_count(page, "#map svg circle.pt", ">", 0)
    page.reload()
    page.wait_for_selector("#map[data-ready] svg circle.pt")
    shoot(page, "map", full_page=False)


def test_seed_article_highlights_the_jet_downing_and_quotes(page, live_server, shoot):
    page.goto(f"/articles/{_seed_id(live_server)}")
    triggers = page.locator("#article-text .hl-trigger")
    assert triggers.count() >= 3
    texts = " ".join(triggers.all_inner_texts()).lower()
    assert re.search(r"shot|down", texts), texts
    assert page.locator("#article-text .hl-quote").count() >= 3
    assert page.locator("#article-text .hl-actor").count() >= 5
    assert page.locator("#article-text .hl-place").count() >= 1
    downing = page.locator("#article-text .hl-trigger", has_text=re.compile("shot|downing", re.I)).first
    downing.hover()
    tip = page.locator("#tip")
    shown = tip.inner_text().lower()
    assert tip.is_visible() and "rule" in shown and "confidence" in shown
    assert "cameo 19" in shown  # the downing is coded as fighting (CAMEO 19x)
    page.click("#toggles .toggle.actor")
    assert "off-actor" in page.locator("#article-text").get_attribute("class")
    page.click("#toggles .toggle.actor")
    downing.hover()
    shoot(page, "article", full_page=False)


def test_search(page, shoot):
    page.goto("/")
    page.fill("nav input[name=q]", "sanctions")
    page.press("nav input[name=q]", "Enter")
    page.wait_for_url(re.compile(r"/search\?q=sanctions"))
    assert page.locator("#article-results li a").count() >= 2
    assert page.locator("#article-results mark").count() >= 2
    shoot(page, "search")


def _n(page, url: str) -> int:
    page.goto(url)
    return int(page.locator("#n-articles").inner_text())


def test_search_words_phrases_accents(page):
    putin, erdogan = _n(page, "/search?q=Putin"), _n(page, "/search?q=Erdogan")
    both = _n(page, "/search?q=Putin+Erdogan")
    assert 0 < both <= min(putin, erdogan)
    marks = {m.lower() for m in page.locator("#article-results mark").all_inner_texts()}
    assert {"putin", "erdogan"} <= marks
    assert _n(page, "/search?q=erdo%C4%9Fan") == _n(page, "/search?q=ERDOGAN") == erdogan
    words = _n(page, "/search?q=shot+down")
    phrase = _n(page, "/search?q=%22shot+down%22")
    assert 0 < phrase <= words
    assert _n(page, "/search?q=%22down+shot%22") < phrase


def test_script_in_an_article_is_shown_as_text(page, live_server):
    text = ("Turkey and Russia met in Ankara on Monday. <script>alert('xss')</script> "
            "<img src=x onerror=\"alert('img')\"> The talks went on.")
    resp = httpx.post(f"{live_server}/api/articles", json={"text": text, "date": "2016-08-10",
                                                            "title": "<i>markup</i> in a title"})
    assert resp.status_code == 201, resp.text
    page.goto(f"/articles/{resp.json()['id']}")
    body = page.locator("#article-text").inner_text()
    assert "<script>alert('xss')</script>" in body
    assert page.locator("#article-text script, #article-text img").count() == 0
    assert page.locator("#article-title").inner_text() == "<i>markup</i> in a title"
