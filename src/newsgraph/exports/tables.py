"""Merged events as PLOVER/POLECAT-style JSON Lines, CSV and GeoJSON."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

import duckdb

from .common import event_filter, window
from .identity import identity
from .registry import ExportOptions, register

# One row per merged event, with its first report and its (first) place.
QUERY = """
WITH detail AS (
    SELECT merged_id,
           list({{'article_id': article_id, 'event_id': event_id, 'sentence': sentence,
                  'trigger': [trigger_start, trigger_end], 'confidence': confidence}}
                ORDER BY published NULLS LAST, global_id) AS mentions,
           arg_min(place_name, global_id) FILTER (WHERE lat IS NOT NULL) AS place_name,
           arg_min(place_country, global_id) FILTER (WHERE lat IS NOT NULL) AS place_country,
           arg_min(lat, global_id) FILTER (WHERE lat IS NOT NULL) AS lat,
           arg_min(lon, global_id) FILTER (WHERE lat IS NOT NULL) AS lon
    FROM events GROUP BY merged_id
)
SELECT m.merged_id AS id, m.day, m.source_code, m.source_name, m.source_country,
       m.source_sector, m.target_code, m.target_name, m.target_country, m.target_sector,
       m.cameo, m.cameo_name, m.cameo_root, m.quad_class, m.goldstein, m.plover, m.plover_mode,
       m.date AS event_date, m.date_resolution, m.time_status,
       m.num_mentions, m.num_sources, m.num_articles, m.num_stories, m.avg_tone, m.counted,
       a.url, d.place_name, d.place_country, d.lat, d.lon, d.mentions
FROM merged_events m
JOIN detail d USING (merged_id)
JOIN articles a ON a.id = m.first_article
WHERE {counted} AND {window}
ORDER BY m.day, m.merged_id
"""

CSV_COLUMNS = ["id", "day", "source_code", "source_name", "source_country", "source_sector",
               "target_code", "target_name", "target_country", "target_sector", "event_date",
               "date_resolution", "time_status", "cameo",
               "cameo_name", "cameo_root", "quad_class", "goldstein", "plover", "plover_mode",
               "num_mentions", "num_sources", "num_articles", "num_stories", "avg_tone", "url",
               "place_name", "place_country", "lat", "lon"]


def merged_rows(con: duckdb.DuckDBPyConnection, options: ExportOptions):
    counted = event_filter(options)
    cur = con.cursor()
    cur.execute(QUERY.format(counted=counted, window=window("m.day", options)))
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(10_000):
        for r in rows:
            yield dict(zip(names, r, strict=True))


def _entity(row: dict, side: str) -> list[dict]:
    """PLOVER's entity object list: ``code`` (country or group), ``sector``, ``entity_text``;
    ``actor_code`` is the full CAMEO code (IGOWSTNAT for NATO)."""
    code, name = row[f"{side}_code"], row[f"{side}_name"]
    if not code:  # an uncoded name is not a PLOVER entity
        return []
    top = row[f"{side}_country"] or code[:3]
    full = identity(code, name, row[f"{side}_country"], row[f"{side}_sector"], row["day"]).code
    return [{"code": top, "sector": row[f"{side}_sector"] or None, "entity_text": name,
             "actor_code": full or code}]


def _context(cameo: str | None) -> list[str]:
    from ..events.tables import cameo_table

    info = cameo_table().get(cameo or "")
    return [c.strip() for c in (info.plover_context or "").split(",") if c.strip()] if info \
        else []


# The CAMEO->PLOVER crosswalk (2021) has a few values the manual's mode and context tables
# do not: they are written as the manual's nearest value (its descriptions say which), or
# left out where the manual retired the value ('%return', '%cleansing'). A context word in
# the mode slot (175's 'pro_autocracy') moves to the contexts.
_MODES: dict[tuple[str, str], str | None] = {
    ("THREATEN", "ban"): "restrict", ("THREATEN", "political"): "restrict",
    ("COERCE", "ban"): "restrict", ("ASSAULT", "seize"): "destroy",
    ("ASSAULT", "assassinate"): "targeted", ("ASSAULT", "massacre"): "targeted",
    ("ASSAULT", "cleansing"): None, ("RETREAT", "return"): None, ("RETREAT", "ease"): None,
    ("ASSAULT", "pro_autocracy"): None,
}
_MODE_AS_CONTEXT = {"pro_autocracy"}
_CONTEXTS = {"humanitarian": "human_security", "democracy": "pro_democracy"}


def plover_values(plover: str, mode: str | None, cameo: str | None
                  ) -> tuple[list[str], list[str], list[str]]:
    """The PLOVER ``event``, ``mode`` and ``context`` lists of an event, in the manual's
    vocabulary (see ``_MODES``)."""
    context = [_CONTEXTS.get(c, c) for c in _context(cameo)]
    if mode in _MODE_AS_CONTEXT:
        context.append(mode)
    if mode is not None:
        mode = _MODES.get((plover, mode), mode)
    return [plover], [mode] if mode else [], list(dict.fromkeys(context))


def plover_record(r: dict) -> dict | None:
    """One merged event as the PLOVER manual's Data Fields, or None when PLOVER cannot hold it.

    PLOVER requires a date, an actor and an event category: undated events, events with no
    coded actor, and CAMEO codes PLOVER has no category for (01 statements) are left out.
    """
    actor = _entity(r, "source")
    if not actor or not r["plover"] or r["day"] is None:
        return None
    event, mode, context = plover_values(r["plover"], r["plover_mode"], r["cameo"])
    place = ({"resolved_place": r["place_name"], "country_code": r["place_country"],
              "lat": r["lat"], "lon": r["lon"]} if r["lat"] is not None else None)
    return {
        "id": r["id"], "date": r["day"].isoformat(),
        "actor": actor, "recipient": _entity(r, "target"),
        "event": event, "mode": mode, "context": context,
        "quad_code": r["quad_class"], "event_scale": r["goldstein"],
        "event_loc": place,
        "cite_info": {"url": r["url"], "coder": "newsgraph"},
        # newsgraph's own fields (the manual invites extra named fields). ``date`` is the
        # day on a calendar axis; ``event_date`` the event's own date as the text gives it
        # (any resolution), ``time_status`` new | past | ongoing | future.
        "event_date": r["event_date"], "date_resolution": r["date_resolution"],
        "time_status": r["time_status"],
        "cameo": {"code": r["cameo"], "root": r["cameo_root"], "name": r["cameo_name"]},
        "num_mentions": r["num_mentions"], "num_sources": r["num_sources"],
        "num_articles": r["num_articles"], "num_stories": r["num_stories"],
        "tone": r["avg_tone"], "counted": r["counted"], "mentions": r["mentions"],
    }


# What a PLOVER record needs (see plover_record): a date, a coded actor and the PLOVER
# category of the event's code.
PLOVER_KEEP = "m.day IS NOT NULL AND m.source_code IS NOT NULL AND m.plover IS NOT NULL"
GEOJSON_KEEP = """EXISTS (SELECT 1 FROM events e WHERE e.merged_id = m.merged_id
                          AND e.lat IS NOT NULL AND e.lon IS NOT NULL)"""


@register("plover", suffix=".jsonl", keep=PLOVER_KEEP,
          left_out="no date, no coded actor, or a CAMEO code PLOVER has no category for "
                   "(PLOVER requires each)",
          help="PLOVER JSON Lines (the manual's Data Fields): one merged event per line, every "
               "mention kept; events without a date, an actor or a PLOVER category are left "
               "out.")
def write_plover(con: duckdb.DuckDBPyConnection, out: TextIO | Path, options: ExportOptions) -> int:
    n = 0
    for r in merged_rows(con, options):
        obj = plover_record(r)
        if obj is None:
            continue
        out.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


@register("csv", suffix=".csv", keep="TRUE", help="Merged events as comma-separated values with a header.")
def write_csv(con: duckdb.DuckDBPyConnection, out: TextIO | Path, options: ExportOptions) -> int:
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    n = 0
    for r in merged_rows(con, options):
        writer.writerow(["" if r[c] is None else r[c] for c in CSV_COLUMNS])
        n += 1
    return n


@register("geojson", suffix=".geojson", keep=GEOJSON_KEEP, left_out="no place",
          help="Merged events that have a place, as a GeoJSON FeatureCollection of points.")
def write_geojson(con: duckdb.DuckDBPyConnection, out: TextIO | Path,
                  options: ExportOptions) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for r in merged_rows(con, options):
        if r["lat"] is None or r["lon"] is None:
            continue
        props = {c: r[c] for c in CSV_COLUMNS if c not in ("lat", "lon")}
        feature = {"type": "Feature", "id": r["id"],
                   "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                   "properties": props}
        out.write((",\n" if n else "") + json.dumps(feature, ensure_ascii=False, default=str))
        n += 1
    out.write("\n]}\n")
    return n
