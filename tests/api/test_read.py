"""Read endpoints on the store built from the seed and examples/."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest


def test_health_counts_every_article(client):
    counts = client.get("/api/health").json()["counts"]
    assert counts["articles"] == 23
    assert counts["events"] > 0 and counts["quotes"] > 0


def test_events_pages_do_not_overlap(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    ids = lambda page: {(e["article_id"], e["event_id"]) for e in page["items"]}  # noqa: E731
    assert len(ids(first)) == 5 and not ids(first) & ids(second)
    assert first["total"] == second["total"] >= 10


@pytest.mark.parametrize("params, check", [
    ({"dyad": "TUR-RUS"}, lambda e: {e["source_country"], e["target_country"]} == {"TUR", "RUS"}),
    ({"dyad": "TUR-RUS", "directed": "true"},
     lambda e: (e["source_country"], e["target_country"]) == ("TUR", "RUS")),
    ({"quad": [3, 4]}, lambda e: e["quad_class"] in (3, 4)),
    ({"root": "19"}, lambda e: e["cameo_root"] == "19"),
    ({"cameo": "19"}, lambda e: e["cameo"].startswith("19")),
    ({"start": "2016-06-01", "end": "2016-08-31"}, lambda e: "2016-06-01" <= e["published"] <= "2016-08-31"),
    ({"actor": "RUS"}, lambda e: "RUS" in (e["source_country"], e["target_country"])),
])
def test_event_filters_keep_only_matching_events(client, params, check):
    page = client.get("/api/events", params={**params, "limit": 1000}).json()
    assert page["items"], f"no events for {params}"
    assert all(check(e) for e in page["items"])
    assert page["total"] < client.get("/api/events").json()["total"]


@pytest.mark.parametrize("params", [
    {"quad": 5}, {"limit": 5000}, {"offset": -1}, {"start": "yesterday"}, {"dyad": "TURKEY-RUSSIA"},
    {"root": "1"}, {"source": "TURKEY"}, {"dyad": "TUR"}, {"actor": "<script>"},
])
def test_bad_parameters_are_refused(client, params):
    assert client.get("/api/events", params=params).status_code == 422


def test_codes_are_taken_in_any_case_as_the_cli_takes_them(client):
    def total(**params):
        return client.get("/api/events", params=params).json()["total"]

    assert total(source="tur") == total(source="TUR") > 0
    assert total(dyad="tur rus") == total(dyad="TUR-RUS") > 0
    assert total(actor="turgov") == total(actor="TURGOV") > 0


def test_downloads_hold_every_matching_row(client):
    total = client.get("/api/events", params={"dyad": "TUR-RUS"}).json()["total"]
    csv = client.get("/api/events", params={"dyad": "TUR-RUS", "format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "attachment" in csv.headers["content-disposition"]
    assert len(csv.text.strip().splitlines()) == total + 1
    parquet = client.get("/api/events", params={"dyad": "TUR-RUS", "format": "parquet"})
    table = pq.read_table(io.BytesIO(parquet.content))
    assert table.num_rows == total and "goldstein" in table.column_names
    rows = client.get("/api/events", params={"dyad": "TUR-RUS", "format": "json"}).json()
    assert len(rows) == total


def test_article_carries_its_full_record(client, seed_id):
    record = client.get(f"/api/articles/{seed_id}").json()
    assert record["schema"] == "newsgraph/1" and record["published"] == "2016-08-09"
    assert record["events"] and record["quotes"]
    assert client.get("/api/articles/nope").status_code == 404


def test_tur_rus_series_shows_collapse_then_recovery(client):
    data = client.get("/api/dyads/TUR/RUS/series").json()
    by = {r["period"]: r for r in data["series"]}
    crisis = [by[p]["goldstein_mean"] for p in ("2015-11", "2015-12") if by[p]["events"]]
    recovery = [by[p]["goldstein_mean"] for p in ("2016-06", "2016-07", "2016-08", "2016-10")
                if p in by and by[p]["events"]]
    assert crisis and recovery
    assert max(crisis) < 0 < min(sum(recovery) / len(recovery), 10)
    ups = [c for c in data["change_points"] if c["magnitude"] > 0]
    assert any("2016-02" <= c["period"] <= "2016-08" for c in ups), data["change_points"]


def test_tur_rus_series_is_calendar_true_and_has_no_background_spike(client):
    series = client.get("/api/dyads/TUR/RUS/series").json()["series"]
    periods = [r["period"] for r in series]
    first, last = periods[0], periods[-1]
    y, m = int(first[:4]), int(first[5:])
    expected = []
    while f"{y}-{m:02d}" <= last:
        expected.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    assert periods == expected  # every month from the first to the last
    assert any(r["events"] == 0 for r in series)  # zeros where empty, not left out
    assert all(isinstance(r[k], int) for r in series for k in ("events", "quad4", "articles"))
    aug = next(r for r in series if r["period"] == "2016-08")
    # The seed (2016-08-09) recalls the November 2015 downing: no material conflict in August.
    assert aug["events"] > 0 and aug["quad4"] == 0
    nov = next(r for r in series if r["period"] == "2015-11")
    assert nov["quad4"] >= 1


def test_unknown_dyad_has_an_empty_series(client):
    data = client.get("/api/dyads/ISL/NZL/series").json()
    assert data["series"] == [] and data["change_points"] == []


def test_network_json_and_files(client):
    import networkx as nx

    g = client.get("/api/network").json()
    assert {"TUR", "RUS"} <= {n["id"] for n in g["nodes"]}
    assert all(e["weight"] >= 1 for e in g["edges"])
    later = client.get("/api/network", params={"start": "2017-01-01"}).json()
    assert sum(e["weight"] for e in later["edges"]) < sum(e["weight"] for e in g["edges"])
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        resp = client.get("/api/network", params={"format": fmt})
        assert resp.status_code == 200
        assert "TUR" in reader(io.BytesIO(resp.content)).nodes


def test_places_quotes_actors(client):
    places = client.get("/api/places").json()
    assert places and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    quotes = client.get("/api/quotes", params={"q": "apolog"}).json()
    assert all("apolog" in q["text"].lower() for q in quotes["items"])
    actors = client.get("/api/actors", params={"limit": 5}).json()
    assert any(a["country"] == "TUR" for a in actors)
    assert client.get("/api/dyads").json()[0]["events"] > 0


@pytest.mark.parametrize("path", ["/", "/events", "/dyad?a=TUR&b=RUS", "/network", "/map",
                                  "/search?q=jet", "/search"])
def test_pages_render(client, path):
    resp = client.get(path)
    assert resp.status_code == 200 and "<nav" in resp.text


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/events", "/api/articles", "/api/dyads/{a}/{b}/series", "/api/network",
              "/api/quotes", "/api/places", "/api/actors"):
        assert p in paths
    assert "post" in paths["/api/articles"]
