"""GDELT 2.0 Events: 61 tab-separated columns, one row per merged event.

Events merged across reports (see newsgraph.store.schema): NumMentions counts every
mention, NumArticles the distinct articles, NumSources the distinct sources (outlets).
CAMEO codes stay strings with their leading zeros; geo country codes are FIPS 10-4.
Actor geography is the actor's country (type 1) since newsgraph does not locate actors;
ActionGeo is the place the event coder attached to the event.
"""

from __future__ import annotations

import datetime as dt
from typing import TextIO

import duckdb

from .common import (
    country_geo,
    event_filter,
    fraction_date,
    gdelt_int_id,
    is_country,
    place_geo,
    stamp,
    tsv_line,
    window,
    yyyymmdd,
)
from .identity import identity
from .registry import ExportOptions, register

_ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                 "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
               "FeatureID"]

COLUMNS: list[str] = (
    ["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR_FIELDS] + [f"Actor2{f}" for f in _ACTOR_FIELDS]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"{who}Geo_{f}" for who in ("Actor1", "Actor2", "Action") for f in _GEO_FIELDS]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(COLUMNS) == 61

QUERY = """
SELECT m.merged_id, m.day, m.source_code, m.source_name, m.source_country, m.source_sector,
       m.target_code, m.target_name, m.target_country, m.target_sector, m.is_root, m.cameo,
       m.cameo_base, m.cameo_root, m.quad_class, m.goldstein, m.num_mentions, m.num_sources,
       m.num_articles, m.avg_tone, a.published, coalesce(a.url, a.source, a.id) AS source_url,
       p.place_country, p.place_name, p.place_admin1, p.place_feature, p.lat, p.lon,
       p.place_geonameid
FROM merged_events m
JOIN articles a ON a.id = m.first_article
LEFT JOIN (
    SELECT merged_id,
           arg_min(place_country, global_id) AS place_country,
           arg_min(place_name, global_id) AS place_name,
           arg_min(place_admin1, global_id) AS place_admin1,
           arg_min(place_feature, global_id) AS place_feature,
           arg_min(lat, global_id) AS lat, arg_min(lon, global_id) AS lon,
           arg_min(place_geonameid, global_id) AS place_geonameid
    FROM events WHERE place_name IS NOT NULL OR place_country IS NOT NULL GROUP BY merged_id
) p USING (merged_id)
WHERE {counted} AND {window} AND {coded}
ORDER BY m.day, m.merged_id
"""


# A GDELT row names at least one coded actor (the codebook: "one of the two actor fields may
# be blank"); events coded with no actor code on either side are left out of this file.
CODED = "(coalesce(m.source_code, '') <> '' OR coalesce(m.target_code, '') <> '')"


def _actor(code: str | None, name: str | None, country: str | None, sector: str | None,
           day: dt.date | None) -> list[object]:
    """The 10 actor fields: the CAMEO identity (IGOWSTNAT, KnownGroupCode NAT) of IGOs and
    NGOs, the composite code (TURGOV) of states; types are the code's role codes."""
    if not code and not name:
        return [""] * 10
    ident = identity(code, name, country, sector, day)
    types = [*ident.types, "", "", ""][:3]
    return [ident.code, (name or "").upper(), ident.country if is_country(ident.country) else "",
            ident.known_group, "", "", "", *types]


def event_rows(con: duckdb.DuckDBPyConnection, options: ExportOptions):
    """Yield the 61 GDELT values of each merged event (in COLUMNS order)."""
    counted = event_filter(options)
    cur = con.cursor()
    cur.execute(QUERY.format(counted=counted, window=window("m.day", options), coded=CODED))
    while rows := cur.fetchmany(10_000):
        for r in rows:
            (mid, day, scode, sname, scountry, ssector, tcode, tname, tcountry, tsector, is_root,
             cameo, base, root, quad, gold, n_ment, n_src, n_art, tone, published, url,
             pcountry, pname, padm1, pfeat, lat, lon, pgeo) = r
            day = day or published
            yield [
                gdelt_int_id(mid), yyyymmdd(day), day.strftime("%Y%m") if day else "",
                day.year if day else "", fraction_date(day) if day else "",
                *_actor(scode, sname, scountry, ssector, day),
                *_actor(tcode, tname, tcountry, tsector, day),
                1 if is_root else 0, cameo, base or cameo[:3], root or cameo[:2], quad,
                gold, n_ment, n_src, n_art, round(tone, 4) if tone is not None else 0.0,
                *country_geo(scountry), *country_geo(tcountry),
                *place_geo(pcountry, pname, padm1, pfeat, lat, lon, pgeo),
                stamp(published), url,
            ]


@register("gdelt-events", suffix=".export.CSV", keep=CODED,
          left_out="no coded actor on either side",
          help="GDELT 2.0 Events: 61 tab-separated columns, one row per merged event.")
def write(con: duckdb.DuckDBPyConnection, out: TextIO, options: ExportOptions) -> int:
    n = 0
    if options.header:
        out.write("\t".join(COLUMNS) + "\n")
    for values in event_rows(con, options):
        out.write(tsv_line(values))
        n += 1
    return n
