"""GDELT GKG 2.1: 27 tab-separated columns, one row per article.

Filled from the stored record: themes (GKG codes where the theme has one), locations,
persons and organisations (resolved actors, else NER mentions), tone, dates, quotations and
all names. Fields newsgraph does not compute (counts, GCAM, images, amounts) stay empty.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape as xml_escape

import duckdb

from ..model import ArticleRecord
from ..sources.outlet import domain
from .common import place_geo, stamp, translation_info, tsv_line, window
from .registry import ExportOptions, register

COLUMNS = ["GKGRECORDID", "V2.1DATE", "V2SOURCECOLLECTIONIDENTIFIER", "V2SOURCECOMMONNAME",
           "V2DOCUMENTIDENTIFIER", "V1COUNTS", "V2.1COUNTS", "V1THEMES", "V2ENHANCEDTHEMES",
           "V1LOCATIONS", "V2ENHANCEDLOCATIONS", "V1PERSONS", "V2ENHANCEDPERSONS",
           "V1ORGANIZATIONS", "V2ENHANCEDORGANIZATIONS", "V1.5TONE", "V2.1ENHANCEDDATES",
           "V2GCAM", "V2.1SHARINGIMAGE", "V2.1RELATEDIMAGES", "V2.1SOCIALIMAGEEMBEDS",
           "V2.1SOCIALVIDEOEMBEDS", "V2.1QUOTATIONS", "V2.1ALLNAMES", "V2.1AMOUNTS",
           "V2.1TRANSLATIONINFO", "V2EXTRASXML"]
assert len(COLUMNS) == 27

# GKG date resolution: 1 = year only, 2 = month, 3 = full day (4 = month-day without year).
_RESOLUTION = {"year": 1, "month": 2, "part_of_month": 2, "day": 3}


def _clean(text: str, banned: str = ";,#|") -> str:
    for ch in banned:
        text = text.replace(ch, " ")
    return " ".join(text.split())


def _names(rec: ArticleRecord, kinds: set[str], labels: set[str]) -> list[tuple[str, int]]:
    """(name, first offset) of actors of ``kinds``, else NER entities with ``labels``."""
    found: dict[str, int] = {}
    for a in rec.actors:
        if a.kind in kinds and a.mentions:
            found.setdefault(_clean(a.name), a.mentions[0][0])
    if not found:
        for e in rec.entities:
            if e.label in labels:
                found.setdefault(_clean(e.text), e.start)
    return sorted(found.items(), key=lambda x: x[1])


def _locations(rec: ArticleRecord) -> tuple[str, str]:
    v1, v2, seen = [], [], set()
    for p in rec.places:
        geo = place_geo(p.country, p.name or p.text, p.admin1, p.feature, p.lat, p.lon,
                        p.geonameid)
        if not geo[0]:
            continue
        kind, full, code, adm1, adm2, lat, lon, fid = (
            _clean(str(x), ";#") if isinstance(x, str) else x for x in geo)
        v2.append(f"{kind}#{full}#{code}#{adm1}#{adm2}#{lat}#{lon}#{fid}#{p.start}")
        if full not in seen:
            seen.add(full)
            v1.append(f"{kind}#{full}#{code}#{adm1}#{lat}#{lon}#{fid}")
    return ";".join(v1), ";".join(v2)


def _dates(rec: ArticleRecord) -> str:
    out = []
    for d in rec.dates:
        if not d.value or d.resolution not in _RESOLUTION:
            continue
        parts = d.value[:10].split("-")
        try:
            year, month, day = (int(parts[i]) if len(parts) > i else 0 for i in range(3))
        except ValueError:
            continue
        out.append(f"{_RESOLUTION[d.resolution]}#{month}#{day}#{year}#{d.start}")
    return ";".join(out)


def gkg_values(rec: ArticleRecord, published: dt.date | None, serial: int = 1) -> list[object]:
    """One GKG row; ``serial`` numbers the records of one date stamp (GKGRECORDID's -N)."""
    web = bool(rec.url)
    themes = [t for t in rec.themes if t.gkg or t.code]
    v1_themes = ";".join(dict.fromkeys(t.gkg or t.code for t in themes))
    v2_themes = ";".join(f"{t.gkg or t.code},{s}" for t in themes
                         for s, _ in (t.spans or [(0, 0)]))
    v1_loc, v2_loc = _locations(rec)
    persons = _names(rec, {"person"}, {"PERSON"})
    orgs = _names(rec, {"organisation", "organization"}, {"ORG"})
    allnames = sorted({(_clean(e.text), e.start) for e in rec.entities
                       if e.label in {"PERSON", "ORG", "NORP", "FAC", "EVENT", "LAW"}},
                      key=lambda x: x[1])
    tone = rec.tone
    words = tone.word_count if tone and tone.word_count else len(rec.text.split())
    v15 = (f"{tone.tone:g},{tone.positive:g},{tone.negative:g},{tone.polarity:g},0,0,{words}"
           if tone else f"0,0,0,0,0,0,{words}")
    quotes = "#".join(
        f"{q.start}|{q.end - q.start}|{_clean(q.cue_word or '', '|#')}|{_clean(q.text, '|#')}"
        for q in rec.quotes if q.kind == "direct")
    title = xml_escape(rec.title or "")
    return [
        f"{stamp(published) or '00000000000000'}-{serial}", stamp(published), 1 if web else 2,
        domain(rec.url) if web else (rec.source or ""), rec.url or rec.id,
        "", "", v1_themes, v2_themes, v1_loc, v2_loc,
        ";".join(n for n, _ in persons), ";".join(f"{n},{o}" for n, o in persons),
        ";".join(n for n, _ in orgs), ";".join(f"{n},{o}" for n, o in orgs),
        v15, _dates(rec), "", "", "", "", "", quotes,
        ";".join(f"{n},{o}" for n, o in allnames), "",
        translation_info(rec.language),
        f"<PAGE_TITLE>{title}</PAGE_TITLE>" if title else "",
    ]


@register("gdelt-gkg", suffix=".gkg.csv",
          help="GDELT GKG 2.1: 27 tab-separated columns, one row per article.")
def write(con: duckdb.DuckDBPyConnection, out: TextIO | Path, options: ExportOptions) -> int:
    if options.header:
        out.write("\t".join(COLUMNS) + "\n")
    cur = con.cursor()
    cur.execute(f"SELECT record, published FROM articles WHERE {window('published', options)} "
                "ORDER BY published, id")
    n, serial, last = 0, 0, object()
    while rows := cur.fetchmany(1_000):
        for record, published in rows:
            serial = serial + 1 if published == last else 1
            last = published
            out.write(tsv_line(gkg_values(ArticleRecord.from_json(record), published, serial)))
            n += 1
    return n
