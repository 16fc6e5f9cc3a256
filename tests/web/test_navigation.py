"""Ways in and out a person relies on: error pages, forgiving forms, undated and untitled
articles, and the API documentation with no network."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import httpx
import pytest

pytestmark = pytest.mark.browser


def test_unknown_page_is_an_html_page_with_the_way_back(page, live_server):
    resp = page.goto("/no-such-page")
    assert resp.status == 404
    assert "not found" in page.locator("h1").inner_text().lower()
    assert page.locator("nav .nav-links a").count() >= 5
    page.click("#error a[href='/events']")
    page.wait_for_url(re.compile(r"/events$"))
    assert page.locator("table.events tbody tr").count() >= 1
    # The API keeps its JSON errors for scripts.
    api = httpx.get(f"{live_server}/api/articles/no-such-id")
    assert api.status_code == 404 and api.headers["content-type"].startswith("application/json")
    assert "detail" in api.json()


def test_a_bad_value_names_the_field_and_what_it_takes(page, live_server):
    resp = page.goto("/events?cameo=abc")
    assert resp.status == 422
    problem = page.locator("#error .problems li").inner_text()
    assert "cameo" in problem and "digits" in problem and "abc" in problem
    assert page.locator("#error a[href='/']").count() == 1
    assert httpx.get(f"{live_server}/api/events", params={"cameo": "abc"}).status_code == 422


def test_dyad_form_takes_lower_case_codes(page):
    page.goto("/dyad")
    page.fill("input[name=a]", "tur")
    page.fill("input[name=b]", " rus ")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_url(re.compile(r"/dyad\?a="))
    # No browser "Please match the requested format": the server normalised the codes.
    assert page.locator("input[name=a]").input_value() == "TUR"
    assert page.locator("input[name=b]").input_value() == "RUS"
    page.wait_for_selector("#dyad-chart svg rect")
    assert page.locator("table.events tbody tr .code").count() >= 1


def test_events_form_takes_a_loose_dyad_and_composite_actor(page, live_server):
    def total(url: str) -> int:
        page.goto(url)
        return int(page.locator("#total").inner_text().replace(",", ""))

    exact = total("/events?dyad=TUR-RUS")
    assert exact > 0
    page.goto("/events")
    page.fill("input[name=dyad]", "tur rus")
    page.click("#apply")
    page.wait_for_url(re.compile(r"dyad="))
    assert int(page.locator("#total").inner_text().replace(",", "")) == exact
    assert page.locator("input[name=dyad]").input_value() == "TUR-RUS"
    # A composite code as the CLI takes it: only events whose actor carries it.
    # The page counts as the exports do (no negated or modal events) unless asked.
    items = httpx.get(f"{live_server}/api/events",
                      params={"actor": "turgov", "limit": 200, "include_modal": "false"}).json()
    assert items["total"] > 0
    for e in items["items"]:
        assert "TURGOV" in {f"{e['source_country']}{e['source_sector'] or ''}",
                            f"{e['target_country']}{e['target_sector'] or ''}"}
    assert total("/events?actor=turgov") == items["total"] < total("/events?actor=tur")


def test_undated_and_untitled_articles_are_counted_and_listed(page, live_server):
    text = ("Moscow and Ankara agreed on new talks about the gas pipeline.\n"
            "Officials from both sides met again later.")
    resp = httpx.post(f"{live_server}/api/articles", json={"text": text})
    assert resp.status_code == 201, resp.text
    health = httpx.get(f"{live_server}/api/health").json()["counts"]
    assert health["undated"] >= 1
    page.goto("/")
    link = page.locator("#date-range #undated-link")
    assert link.inner_text().startswith(f"{health['undated']} undated article")
    link.click()
    page.wait_for_url(re.compile(r"/articles\?dated=false"))
    rows = page.locator("#article-list tbody tr")
    assert rows.count() == health["undated"]
    assert set(page.locator("#article-list tbody td.mono").all_inner_texts()) == {"undated"}
    label = page.locator("#article-list a.untitled", has_text="Moscow and Ankara agreed").first
    shown = label.inner_text()
    assert shown.startswith("Moscow and Ankara agreed on new talks about the gas pipeline.")
    assert len(shown) <= 91  # a label, cut at a word, not the whole text
    label.click()
    page.wait_for_url(re.compile(r"/articles/"))
    assert page.locator("#article-title").inner_text().startswith("Moscow and Ankara agreed")
    # Every article is reachable from the list: the three filters add up.
    page.goto("/articles?dated=true")
    dated = int(page.locator("#total").inner_text().replace(",", ""))
    assert dated + health["undated"] == health["articles"]


@pytest.mark.parametrize("path, ready", [("/docs", "#swagger-ui .opblock"),
                                         ("/redoc", "redoc [id^='operation']")])
def test_api_documentation_renders_with_no_network(page, live_server, path, ready):
    local = urlparse(live_server).netloc
    remote: list[tuple[str, str]] = []

    def only_local(route):
        if urlparse(route.request.url).netloc == local:
            route.continue_()
        else:
            remote.append((route.request.resource_type, route.request.url))
            route.abort()  # what a machine with no network gets

    page.route("**/*", only_local)
    page.goto(path)
    page.wait_for_selector(ready, timeout=15_000)
    assert "/api/events" in page.locator("body").inner_text()
    # Everything the page needs is served here; at most ReDoc's own branding image is
    # asked from outside (and fails quietly, as with no network).
    assert all(kind == "image" for kind, _ in remote), remote
