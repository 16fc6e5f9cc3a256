"""The map's data: country outlines shipped in the package and events per country and place.

``data/world_countries.json`` holds Natural Earth's admin-0 countries (public domain),
simplified to ~0.07 degree and keyed by ISO alpha-3 code (built by tools/basemap.py). The
page draws them itself (static/map.js): no tile server, no map library, no network.

Events are shown two ways: per country (the choropleth: every located event counts for its
place's country) and per place below country level (points, clustered by the browser as the
zoom requires). A place that is the country itself is no point (it would sit at the
centroid, e.g. Russia in Siberia), and seats of government used as actors in news language
("the Kremlin said", "the White House denied") are no places at all: they are listed apart.
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from .db import Database
from .filters import EventFilter

DATA = Path(__file__).resolve().parents[1] / "data"
OUTLINES = DATA / "world_countries.json"
# Place kinds drawn as areas (countries) or not at all (continents, regions), never as points.
AREAS = frozenset({"country", "continent", "region"})
# Buildings and streets that stand for a government (metonyms): actors, never places.
METONYMS = frozenset({
    "kremlin", "the kremlin", "white house", "the white house", "pentagon", "the pentagon",
    "downing street", "number 10", "no 10", "whitehall", "elysee", "elysee palace",
    "capitol hill", "foggy bottom", "zhongnanhai", "blue house", "quai d'orsay",
    "the vatican", "holy see", "beltway", "langley", "westminster", "bankova",
    "chancellery", "the chancellery", "knesset", "the knesset", "the porch",
})


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def is_metonym(name: str | None) -> bool:
    """True for a place name that news uses for a government ("the Kremlin")."""
    return bool(name) and _fold(name or "") in METONYMS


@lru_cache(maxsize=1)
def outlines_gzip() -> bytes:
    return gzip.compress(OUTLINES.read_bytes(), compresslevel=6)


def outlines_response(request: Request) -> Response:
    """The outline file, gzip-compressed for clients that take it (417 kB -> 139 kB)."""
    headers = {"Cache-Control": "public, max-age=86400", "Vary": "Accept-Encoding"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        return Response(outlines_gzip(), media_type="application/json",
                        headers={**headers, "Content-Encoding": "gzip"})
    return Response(OUTLINES.read_bytes(), media_type="application/json", headers=headers)


@lru_cache(maxsize=1)
def country_table() -> dict[str, dict[str, Any]]:
    """iso3 -> name, aliases and representative point of the bundled country table."""
    out: dict[str, dict[str, Any]] = {}
    with (DATA / "places_countries.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            names = {_fold(row["name"])} | {_fold(a) for a in (row["aliases"] or "").split("|") if a}
            out[row["iso3"]] = {"name": row["name"], "names": names,
                                "lat": float(row["lat"]), "lon": float(row["lon"])}
    return out


def is_country_place(name: str | None, country: str | None, lat: float | None,
                     lon: float | None) -> bool:
    """A place that is its country as a whole (by name, or lying on the country's point)."""
    info = country_table().get(country or "")
    if not info:
        return False
    if name and _fold(name) in info["names"]:
        return True
    return (lat is not None and lon is not None and abs(lat - info["lat"]) < 0.01
            and abs(lon - info["lon"]) < 0.01)


def map_data(db: Database, f: EventFilter, *, limit: int = 5000) -> dict[str, Any]:
    """Events per country, per place (points) and per metonym for the filters ``f``."""
    where, params = f.where()
    places = db.query(f"""
        SELECT place_name AS name, place_country AS country, round(lat, 3) AS lat,
               round(lon, 3) AS lon, any_value(place_feature) AS feature, count(*) AS events, avg(goldstein) AS goldstein_mean,
               count(*) FILTER (WHERE quad_class = 1) AS quad1,
               count(*) FILTER (WHERE quad_class = 2) AS quad2,
               count(*) FILTER (WHERE quad_class = 3) AS quad3,
               count(*) FILTER (WHERE quad_class = 4) AS quad4
        FROM events WHERE (place_name IS NOT NULL OR lat IS NOT NULL) AND {where}
        GROUP BY 1, 2, 3, 4 ORDER BY events DESC LIMIT ?""", [*params, limit]).dicts()
    countries: dict[str, dict[str, Any]] = {}
    points, metonyms = [], []
    for p in places:
        if is_metonym(p["name"]):
            metonyms.append({"name": p["name"], "country": p["country"], "events": p["events"]})
            continue
        if p["country"]:
            c = countries.setdefault(p["country"], {"iso3": p["country"], "events": 0,
                                                    "goldstein_sum": 0.0, "goldstein_n": 0})
            c["events"] += p["events"]
            if p["goldstein_mean"] is not None:
                c["goldstein_sum"] += p["goldstein_mean"] * p["events"]
                c["goldstein_n"] += p["events"]
        if p["lat"] is None or p["lon"] is None:
            continue
        if p.pop("feature") in AREAS:  # a country, continent or region is no point
            continue
        if not is_country_place(p["name"], p["country"], p["lat"], p["lon"]):
            points.append(p)
    rows = []
    for c in sorted(countries.values(), key=lambda c: -c["events"]):
        n = c.pop("goldstein_n")
        total = c.pop("goldstein_sum")
        info = country_table().get(c["iso3"])
        rows.append({**c, "name": info["name"] if info else c["iso3"],
                     "goldstein_mean": round(total / n, 3) if n else None})
    return {"countries": rows, "points": points, "metonyms": metonyms}
