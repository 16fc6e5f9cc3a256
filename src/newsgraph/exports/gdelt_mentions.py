"""GDELT 2.0 Mentions: 16 tab-separated columns, one row per mention of a merged event."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

import duckdb

from ..sources.outlet import domain
from .common import gdelt_int_id, stamp, translation_info, tsv_line, window
from .registry import ExportOptions, register

COLUMNS = ["GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType",
           "MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset",
           "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen",
           "MentionDocTone", "MentionDocTranslationInfo", "Extras"]
assert len(COLUMNS) == 16

QUERY = """
SELECT e.merged_id, first.published AS event_published, e.published, a.url, a.source, a.title,
       e.article_id, e.sentence, e.source_start, e.target_start, e.trigger_start, e.confidence,
       length(a.text) AS doc_len, a.tone, a.language
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN merged_events m ON m.merged_id = e.merged_id
JOIN articles first ON first.id = m.first_article
WHERE {counted} AND {window}
ORDER BY m.day, e.merged_id, e.published, e.global_id
"""


@register("gdelt-mentions", suffix=".mentions.CSV",
          help="GDELT 2.0 Mentions: 16 tab-separated columns, one row per event mention.")
def write(con: duckdb.DuckDBPyConnection, out: TextIO | Path, options: ExportOptions) -> int:
    if options.header:
        out.write("\t".join(COLUMNS) + "\n")
    counted = "TRUE" if options.all_events else "m.counted"
    cur = con.cursor()
    cur.execute(QUERY.format(counted=counted, window=window("m.day", options)))
    n = 0
    while rows := cur.fetchmany(10_000):
        for (mid, ev_pub, pub, url, source, title, art, sent, s_off, t_off, trig, conf,
             doc_len, tone, lang) in rows:
            web = bool(url)
            citation = url if web else "; ".join(x for x in (source, title, art) if x)
            out.write(tsv_line([
                gdelt_int_id(mid), stamp(ev_pub), stamp(pub), 1 if web else 2,
                domain(url) if web else (source or ""), citation,
                (sent or 0) + 1, -1 if s_off is None else s_off, -1 if t_off is None else t_off,
                -1 if trig is None else trig, 1,
                max(10, min(100, round(100 * (conf or 0)))), doc_len or 0,
                round(tone, 4) if tone is not None else 0.0,
                translation_info(lang), "",
            ]))
            n += 1
    return n
