"""ICEWS coded event file layout: 20 tab-separated columns with a header, one row per event.

The columns and their order are those of the ICEWS Coded Event Data files (Harvard
Dataverse, doi:10.7910/DVN/28075). As in ICEWS, an event is a (source, event code, target,
day) with the story and sentence it was coded from: newsgraph writes one row per merged event
with its first report's story and sentence. Names are the actors' names; countries are
country names; sectors are newsgraph's sector words (docs/actors.md); ``Intensity`` is the
CAMEO code's Goldstein value (-10..10); ``CAMEO Code`` keeps its leading zero (``042``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TextIO

import duckdb

from .common import country_name, event_filter, tsv_line, window
from .gdelt_events import CODED
from .identity import identity
from .registry import ExportOptions, register

COLUMNS: list[str] = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
    "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
    "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude",
    "Longitude",
]

QUERY = """
SELECT m.merged_id, m.day, m.source_name, m.source_country, m.source_sector, m.source_code,
       m.target_name, m.target_country, m.target_sector, m.target_code, m.cameo, m.goldstein,
       m.first_article, f.sentence, a.published, a.source, a.url,
       p.place_name, p.place_country, p.place_admin1, p.place_feature, p.lat, p.lon
FROM merged_events m
JOIN articles a ON a.id = m.first_article
LEFT JOIN events f ON f.global_id = m.first_global_id
LEFT JOIN (
    SELECT merged_id,
           arg_min(place_name, global_id) AS place_name,
           arg_min(place_country, global_id) AS place_country,
           arg_min(place_admin1, global_id) AS place_admin1,
           arg_min(place_feature, global_id) AS place_feature,
           arg_min(lat, global_id) AS lat, arg_min(lon, global_id) AS lon
    FROM events WHERE place_name IS NOT NULL OR place_country IS NOT NULL GROUP BY merged_id
) p ON p.merged_id = m.merged_id
WHERE {counted} AND {window} AND {coded}
ORDER BY m.day, m.merged_id
"""


def story_id(article_id: str) -> int:
    """A stable positive integer for an article (ICEWS story ids are integers), < 2**53."""
    return int(hashlib.sha1(article_id.encode()).hexdigest()[:13], 16)


def _sectors(country: str | None, sector: str | None, code: str | None, name: str | None,
             day: dt.date | None) -> str:
    from ..actors.codes import SECTORS

    words = []
    for t in identity(code, name, country, sector, day).types or ((sector,) if sector else ()):
        word = SECTORS.get(t)
        if word and word.capitalize() not in words:
            words.append(word.capitalize())
    return ",".join(words)


def _place(name: str | None, country: str | None, admin1: str | None,
           feature: str | None) -> list[str]:
    """City, District, Province, Country of the event's place."""
    city = name if name and feature not in {"country", "admin1", "admin2"} else ""
    district = name if name and feature == "admin2" else ""
    province = name if name and feature == "admin1" else (admin1 or "")
    if province.isdigit() or (province.isupper() and len(province) <= 3):
        province = ""  # a gazetteer code, not a name
    return [city or "", district or "", province, country_name(country)]


def icews_rows(con: duckdb.DuckDBPyConnection, options: ExportOptions):
    """Yield the 20 ICEWS values of each merged event (in COLUMNS order)."""
    from ..events.tables import cameo_table

    table = cameo_table()
    cur = con.cursor()
    cur.execute(QUERY.format(counted=event_filter(options), window=window("m.day", options),
                             coded=CODED))
    while rows := cur.fetchmany(10_000):
        for r in rows:
            (mid, day, sname, scountry, ssector, scode, tname, tcountry, tsector, tcode, cameo,
             gold, first, sentence, published, outlet, url, pname, pcountry, padm1, pfeat,
             lat, lon) = r
            day = day or published
            info = table.get(cameo or "")
            yield [
                int(mid[:13], 16), day.isoformat() if day else "",
                sname or "", _sectors(scountry, ssector, scode, sname, day),
                country_name(scountry),
                info.name if info else "", cameo, gold,
                tname or "", _sectors(tcountry, tsector, tcode, tname, day),
                country_name(tcountry),
                story_id(first), (sentence + 1) if sentence is not None else "",
                outlet or url or "", *_place(pname, pcountry, padm1, pfeat),
                lat if lat is not None else "", lon if lon is not None else "",
            ]


@register("icews", suffix=".tab", keep=CODED, left_out="no coded actor on either side",
          help="ICEWS coded event file layout: 20 tab-separated columns with a header row, "
               "one row per merged event (its first report's story and sentence).")
def write(con: duckdb.DuckDBPyConnection, out: TextIO, options: ExportOptions) -> int:
    assert not isinstance(out, Path)  # a stream format: export() opens the file
    out.write("\t".join(COLUMNS) + "\n")
    n = 0
    for values in icews_rows(con, options):
        out.write(tsv_line(values))
        n += 1
    return n
