"""The data behind the corpus views, without a browser: the map's countries, points and
metonyms, the outline file, facets and sorting, the network layout, and watchlists (module,
API and `newsgraph watch --json`)."""

from __future__ import annotations

import gzip
import json

import pytest

from .conftest import EXAMPLES

pytest.importorskip("fastapi")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    settings = Settings(store=str(tmp_path_factory.mktemp("dash") / "ex.duckdb"))
    ingest_paths([str(p) for p in EXAMPLES], settings)
    return settings


@pytest.fixture(scope="module")
def client(store):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app

    with TestClient(create_app(store), base_url="http://127.0.0.1") as c:
        yield c


def test_map_puts_countries_in_areas_and_metonyms_apart(client):
    data = client.get("/api/map").json()
    countries = {c["iso3"]: c for c in data["countries"]}
    points = {p["name"] for p in data["points"]}
    assert "TUR" in countries and countries["TUR"]["name"] == "Turkey"
    assert "Ankara" in points and "Turkey" not in points and "Black Sea" not in points
    assert "Kremlin" not in points and [m["name"] for m in data["metonyms"]] == ["Kremlin"]
    # A country's count holds the events at its places (Ankara's are Turkey's too).
    ankara = next(p for p in data["points"] if p["name"] == "Ankara")
    assert countries["TUR"]["events"] > ankara["events"]
    # Filters apply as on the events page.
    conflict = client.get("/api/map", params={"quad": 4}).json()
    assert sum(c["events"] for c in conflict["countries"]) < sum(c["events"] for c in data["countries"])


def test_outlines_ship_with_the_package_and_are_served_compressed(client):
    resp = client.get("/api/basemap", headers={"Accept-Encoding": "gzip"})
    assert resp.status_code == 200 and resp.headers["content-encoding"] == "gzip"
    from newsgraph.api.basemap import OUTLINES

    assert len(gzip.compress(OUTLINES.read_bytes())) < 200_000
    outlines = resp.json()["countries"]
    assert len(outlines) > 200 and {"TUR", "RUS", "USA", "FRA", "XKX"} <= set(outlines)
    for ring in outlines["TUR"]["rings"]:
        assert len(ring) >= 4
    # Turkey's outline lies where Turkey is (bounding box in degrees).
    lons = [p[0] for r in outlines["TUR"]["rings"] for p in r]
    lats = [p[1] for r in outlines["TUR"]["rings"] for p in r]
    assert 25 < min(lons) < 27 and 44 < max(lons) < 46 and 35 < min(lats) < 37 and 41 < max(lats) < 43


def test_metonym_names_fold_case_accents_and_article():
    from newsgraph.api.basemap import is_metonym

    assert is_metonym("the Kremlin") and is_metonym("WHITE HOUSE") and is_metonym("Élysée")
    assert not is_metonym("Moscow") and not is_metonym(None)


def test_facets_add_up_and_sorting_orders_the_page(store):
    from newsgraph.api import browse
    from newsgraph.api.db import Database
    from newsgraph.api.filters import EventFilter

    db = Database(store)
    try:
        f = EventFilter(include_modal=False)
        total = db.query(f"SELECT count(*) FROM events WHERE {f.where()[0]}", f.where()[1]).rows[0][0]
        facets = browse.facets(db, f)
        assert sum(d["n"] for d in facets["quad"]) == total  # every event has a QuadClass
        assert [d["n"] for d in facets["root"]] == sorted((d["n"] for d in facets["root"]), reverse=True)
        rows = browse.page(db, f, sort="goldstein", limit=30, offset=0)
        values = [r["goldstein"] for r in rows if r["goldstein"] is not None]
        assert values == sorted(values) and len(rows) == 30
        rows = browse.page(db, f, sort="-date", limit=30, offset=0)
        dates = [r["date"] for r in rows if r["date"]]
        assert dates == sorted(dates, reverse=True)
        hit = next(r for r in rows if r["sentence"])
        assert any(is_trigger for _, is_trigger in hit["sentence"])
        assert browse.order_by("nonsense").startswith("published DESC")
    finally:
        db.close()


def test_network_layout_is_deterministic_and_sets_loop_only_countries_apart():
    import networkx as nx

    from newsgraph.api.netlayout import layout

    g = nx.DiGraph()
    for s, t, w in [("TUR", "RUS", 9), ("RUS", "TUR", 4), ("TUR", "SYR", 5), ("RUS", "SYR", 3),
                    ("USA", "USA", 7), ("FRA", "DEU", 1)]:
        g.add_edge(s, t, weight=w)
    for n in g.nodes:
        g.nodes[n]["events"] = 1
    first, second = layout(g), layout(g)
    assert first == second
    assert first["isolated"] == ["USA"] and first["loops"] == {"USA": 7}
    assert set(first["pos"]) == set(g.nodes)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in first["pos"].values())
    # The loop-only country sits beneath everything; the small pair beneath the main part.
    ys = first["pos"]
    assert ys["USA"][1] == 1.0 and ys["FRA"][1] > max(ys[n][1] for n in ("TUR", "RUS", "SYR"))


def test_watchlist_reports_only_what_arrived_after_it_was_saved(tmp_path):
    from newsgraph import watchlists as wl
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings
    from newsgraph.store import Store

    settings = Settings(store=str(tmp_path / "w.duckdb"))
    ingest_paths([str(EXAMPLES[1])], settings)
    with Store(settings.store) as s:
        dyad = wl.add(s.con, "dyad", "tur rus", "Turkey and Russia")
        actor = wl.add(s.con, "actor", "fra")
        query = wl.add(s.con, "events", "root=19&country=syr")
        with pytest.raises(wl.WatchlistError):
            wl.add(s.con, "dyad", "turkey")
        with pytest.raises(wl.WatchlistError):
            wl.add(s.con, "colour", "red")
        assert [w["value"] for w in wl.all_watchlists(s.con)] == ["TUR-RUS", "FRA", "root=19&country=syr"]
        assert not any(r["changed"] for r in wl.reports(s.con))
    new = tmp_path / "new.txt"
    new.write_text("Turkey and Russia sign deal\n\nANKARA - Turkey signed an agreement with "
                   "Russia on Monday to build a new gas pipeline, Turkish officials said.\n",
                   encoding="utf-8")
    ingest_paths([str(new)], settings)
    with Store(settings.store) as s:
        found = {r["id"]: r for r in wl.reports(s.con)}
        assert found[dyad]["new_events"] >= 1 and found[dyad]["changed"]
        assert all({e["source_country"], e["target_country"]} == {"TUR", "RUS"}
                   for e in found[dyad]["events"])
        assert not found[actor]["changed"] and not found[query]["changed"]
        assert wl.mark_seen(s.con, dyad) == 1
        assert not wl.report(s.con, next(w for w in wl.all_watchlists(s.con)
                                         if w["id"] == dyad))["changed"]
        assert wl.remove(s.con, actor) and not wl.remove(s.con, actor)


def test_watch_command_prints_json_and_exit_code(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    store = str(tmp_path / "c.duckdb")
    ingest_paths([str(EXAMPLES[0])], Settings(store=store))
    runner = CliRunner()
    added = runner.invoke(app, ["watch", "add", "dyad", "TUR-RUS", "--store", store])
    assert added.exit_code == 0, added.output
    out = runner.invoke(app, ["watch", "--json", "--store", store, "--exit-code"])
    assert out.exit_code == 0, out.output
    report = json.loads(out.output)
    assert report[0]["value"] == "TUR-RUS" and report[0]["new_events"] == 0
    bad = runner.invoke(app, ["watch", "add", "dyad", "nonsense", "--store", store])
    assert bad.exit_code == 2


def test_watchlist_api_and_form(client):
    made = client.post("/api/watchlists", json={"kind": "actor", "value": "tur"})
    assert made.status_code == 201
    wid = made.json()["id"]
    listed = client.get("/api/watchlists").json()
    assert any(w["id"] == wid and w["value"] == "TUR" for w in listed)
    assert client.post("/api/watchlists", json={"kind": "dyad", "value": "x"}).status_code == 422
    # The page's form: a redirect back, and a form from another site is refused.
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    ok = client.post("/watch", content="kind=dyad&value=tur-rus", headers=form,
                     follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/watch"
    foreign = client.post("/watch", content="kind=dyad&value=tur-rus",
                          headers={**form, "Origin": "http://evil.example"},
                          follow_redirects=False)
    assert foreign.status_code == 403
    page = client.get("/watch", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "TUR-RUS" in page.text
    assert client.delete(f"/api/watchlists/{wid}").status_code == 200
    assert client.delete(f"/api/watchlists/{wid}").status_code == 404
