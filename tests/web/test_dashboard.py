"""The corpus views as an analyst uses them, in headless Chromium: sorting and facets on the
events page, the map (outlines, zoom, place click, metonyms), a network that keeps its
layout, chart axes, and a watchlist that reports an event ingested after it was saved."""

from __future__ import annotations

import re

import httpx
import pytest

from .conftest import EXAMPLES, serving
from .test_pages import wait_count

pytestmark = pytest.mark.browser


def _rows(page, column: int) -> list[str]:
    return page.locator(f"table.browse-table tbody tr td:nth-child({column})").all_inner_texts()


def test_events_sort_by_goldstein_both_ways(page):
    page.goto("/events")
    page.click("th a.sort[data-sort=goldstein]")  # first click: largest first
    page.wait_for_url(re.compile(r"sort=-goldstein"))
    values = [float(v) for v in _rows(page, 7) if v.strip() not in ("", "–")]
    assert len(values) >= 10 and values == sorted(values, reverse=True)
    page.click("th a.sort[data-sort=goldstein]")  # second click: smallest first
    page.wait_for_url(re.compile(r"sort=goldstein"))
    values = [float(v) for v in _rows(page, 7) if v.strip() not in ("", "–")]
    assert values == sorted(values) and values[0] < 0
    # The order is kept across pages.
    page.click("#next")
    page.wait_for_url(re.compile(r"offset=50"))
    assert "sort=goldstein" in page.url
    later = [float(v) for v in _rows(page, 7) if v.strip() not in ("", "–")]
    assert later and later[0] >= values[-1]


def test_facets_count_and_filter_on_click(page):
    page.goto("/events")
    total = int(page.locator("#total").inner_text().replace(",", ""))
    quad = page.locator(".facet[data-facet=quad] li a").first
    name, count = quad.locator(".fv").inner_text(), int(quad.locator(".fn").inner_text().replace(",", ""))
    assert name in ("Verbal cooperation", "Material cooperation", "Verbal conflict",
                    "Material conflict") and 0 < count < total
    quad.click()
    page.wait_for_url(re.compile(r"quad=\d"))
    assert int(page.locator("#total").inner_text().replace(",", "")) == count
    assert set(page.locator("table.browse-table tbody .quad").all_inner_texts()) == {name}
    # Counts of the other facets now add up within the filtered rows.
    roots = page.locator(".facet[data-facet=root] .fn").all_inner_texts()
    assert roots and sum(int(r.replace(",", "")) for r in roots) <= count
    # The chosen value is marked and a second click removes the filter.
    page.locator(".facet[data-facet=quad] li a.chosen").click()
    page.wait_for_url(lambda url: "quad=" not in url)
    assert int(page.locator("#total").inner_text().replace(",", "")) == total
    # An outlet facet filters through the article.
    outlet = page.locator(".facet[data-facet=outlet] li a").first
    n = int(outlet.locator(".fn").inner_text().replace(",", ""))
    outlet.click()
    page.wait_for_url(re.compile(r"outlet="))
    assert int(page.locator("#total").inner_text().replace(",", "")) == n


def test_rows_show_the_sentence_with_its_trigger_and_fit_the_page(page):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto("/events?dyad=TUR-RUS")
    marks = page.locator("table.browse-table .sent mark")
    assert marks.count() >= 5
    sentence = page.locator("table.browse-table .sent").first.inner_text()
    assert marks.first.inner_text() in sentence and len(sentence) > len(marks.first.inner_text())
    # No horizontal scrolling at 1400 px, and a date stays on one line.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1400
    wrap = page.locator("table.browse-table").evaluate(
        "(t) => t.parentElement.scrollWidth <= t.parentElement.clientWidth + 1")
    assert wrap
    lines = page.locator("table.browse-table tbody td.date").evaluate_all(
        "(tds) => tds.filter((td) => td.textContent.trim().length > 1).map((td) => {"
        " const r = document.createRange(); r.selectNodeContents(td);"
        " return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size; })")
    assert lines and set(lines) == {1}
    # The negated/modal toggle: off by default (as the exports), on shows more.
    off = int(page.locator("#total").inner_text().replace(",", ""))
    page.check("#include-modal")
    page.click("#apply")
    page.wait_for_url(re.compile(r"include_modal=true"))
    assert int(page.locator("#total").inner_text().replace(",", "")) > off


def test_map_borders_zoom_place_click_and_metonyms(page):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready]")
    assert page.locator("#map svg path.country").count() > 150
    assert page.locator("#map svg path.country[data-iso3=TUR].has-events").count() == 1
    # Countries are areas, not points at their centroid; a metonym is no place at all.
    points = page.locator("#map svg circle.pt").evaluate_all("(cs) => cs.map((c) => c.dataset.place)")
    assert "Turkey" not in points and "Kremlin" not in points
    assert "Kremlin" in page.locator("#metonyms").inner_text()
    km = float(page.locator("#map-scale").get_attribute("data-km"))
    page.click("#zoom-in")
    page.click("#zoom-in")
    assert float(page.locator("#map-scale").get_attribute("data-km")) < km
    # Back to all events; clicking the group holding Ankara zooms in on it until Ankara is a
    # point of its own; a click on it filters the events.
    page.click("#zoom-fit")
    for _ in range(8):
        if page.locator("#map circle.pt[data-place=Ankara]").count():
            break
        page.locator("#map g.cluster[data-members*=Ankara]").click()
    page.locator("#map circle.pt[data-place=Ankara]").click()
    page.wait_for_url(re.compile(r"/events\?place=Ankara"))
    assert int(page.locator("#total").inner_text().replace(",", "")) > 0
    assert "Ankara" in page.locator("table.browse-table").inner_text()


def test_map_drag_pans(page):
    page.goto("/map")
    page.wait_for_selector("#map[data-ready]")
    before = page.locator("#map g.world").get_attribute("transform")
    box = page.locator("#map svg").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2 + 120, box["y"] + box["height"] / 2 + 40, steps=5)
    page.mouse.up()
    assert page.locator("#map g.world").get_attribute("transform") != before


def _positions(page) -> dict[str, tuple[str, str]]:
    return dict(page.locator("#network g.node").evaluate_all(
        "(gs) => gs.map((g) => [g.dataset.id, [g.dataset.x, g.dataset.y]])"))


def test_network_positions_unchanged_after_a_slider_move(page):
    page.goto("/network")
    page.wait_for_selector("#network[data-ready] g.node")
    before = _positions(page)
    n_links = page.locator("#network line.link").count()
    page.locator("#from").evaluate("(el) => { el.value = el.max - 3; el.dispatchEvent(new Event('input')); }")
    wait_count(page, "#network line.link", "<", n_links)
    after = _positions(page)
    assert after and len(after) < len(before)
    assert all(after[k] == before[k] for k in after)
    page.locator("#from").evaluate("(el) => { el.value = 0; el.dispatchEvent(new Event('input')); }")
    wait_count(page, "#network line.link", "===", n_links)
    assert _positions(page) == before
    # No self-loop is drawn, and no two visible labels overlap.
    ends = page.locator("#network line.link").evaluate_all(
        "(ls) => ls.map((l) => Math.hypot(l.x2.baseVal.value - l.x1.baseVal.value,"
        " l.y2.baseVal.value - l.y1.baseVal.value))")
    assert min(ends) > 1
    boxes = page.locator("#network g.node text:not(.hidden-label)").evaluate_all(
        "(ts) => ts.map((t) => { const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; })")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1)


def test_chart_axes_are_whole_numbers_with_titles_and_names(page):
    page.goto("/dyad?a=tur&b=rus")
    page.wait_for_selector("#dyad-chart path.line-goldstein_mean")
    left = page.locator("#dyad-chart text.tick-left").all_text_contents()
    assert left and all(re.fullmatch(r"-?\d+", t) for t in left)
    right = page.locator("#dyad-chart text.tick-right").all_text_contents()
    assert right and all(re.fullmatch(r"-?\d+", t) for t in right)
    titles = page.locator("#dyad-chart text.axis-title").all_text_contents()
    assert "events" in titles and any("Goldstein" in t for t in titles)
    legend = page.locator(".legend").first.inner_text()
    assert "Verbal cooperation" in legend and "Q1" not in legend
    # A change point towards cooperation is labelled in the cooperation colour, not red.
    up = page.locator("#dyad-chart text.cp-label", has_text="▲")
    assert up.count() >= 1
    fill = up.first.evaluate("(t) => t.style.fill")
    q2 = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--q2').trim()")
    q4 = page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--q4').trim()")
    probe = page.evaluate("([a, b]) => { const d = document.createElement('i'); document.body.append(d);"
                          " d.style.color = a; const x = getComputedStyle(d).color; d.style.color = b;"
                          " const y = getComputedStyle(d).color; d.remove(); return [x, y]; }", [q2, q4])
    assert fill.replace(" ", "") == probe[0].replace(" ", "") != probe[1].replace(" ", "")


@pytest.fixture
def watch_server(tmp_path):
    from newsgraph.api import create_app
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    from .conftest import free_port

    settings = Settings(store=str(tmp_path / "watch.duckdb"), port=free_port())
    ingest_paths([str(EXAMPLES[1])], settings)
    with serving(create_app(settings), settings.port) as base:
        yield base


def test_watchlist_reports_an_event_ingested_after_it_was_saved(browser, watch_server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 900}, base_url=watch_server)
    page = ctx.new_page()
    try:
        page.goto("/dyad?a=tur&b=rus")
        page.click("#watch-dyad")
        page.wait_for_url(re.compile(r"/watch$"))
        card = page.locator("section.watch").first
        assert "TUR-RUS" in card.inner_text() and "Nothing new" in card.inner_text()
        # An article arrives (the server's own ingest path, as an upload or the watch folder).
        text = ("ANKARA, 2 March 2018 - Turkey accused Russia on Friday of violating its "
                "airspace near the Syrian border, and Turkish officials summoned the Russian "
                "ambassador in Ankara.")
        resp = httpx.post(f"{watch_server}/api/articles",
                          json={"text": text, "title": "Turkey accuses Russia", "date": "2018-03-02"})
        assert resp.status_code in (200, 201), resp.text
        page.reload()
        card = page.locator("section.watch").first
        assert "new event" in card.locator(".badge-new").inner_text()
        assert "Turkey accuses Russia" in httpx.get(
            f"{watch_server}/api/articles/{resp.json()['id']}").text
        rows = card.locator("table.events tbody tr")
        assert rows.count() >= 1 and "2018-03-02" in rows.first.inner_text()
        report = httpx.get(f"{watch_server}/api/watchlists").json()
        assert report[0]["value"] == "TUR-RUS" and report[0]["new_events"] >= 1
        card.locator("button", has_text="Mark seen").click()
        page.wait_for_url(re.compile(r"/watch$"))
        assert "Nothing new" in page.locator("section.watch").first.inner_text()
    finally:
        ctx.close()
