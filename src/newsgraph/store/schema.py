"""DuckDB schema of the store (one table per record part; ids are content hashes).

``events`` holds one row per event coded in one article: a *mention* in GDELT terms.
Rows that report the same happening (the event's own date, dyad and CAMEO code family; see
``rows.event_key``) share a ``merged_id``; the views ``merged_events`` (one row per event, with NumMentions,
NumSources, NumArticles) and ``event_mentions`` (every mention) are built on it.
``clusters`` groups near-duplicate articles (syndicated copies of one story).
"""

from __future__ import annotations

from ..extractors import registry

# (table, columns with DuckDB types). Child tables carry article_id; order = insert order.
# The article and its parse; each extractor's tables follow (declared in newsgraph.extractors).
_BEFORE: dict[str, list[tuple[str, str]]] = {
    "articles": [
        ("id", "VARCHAR PRIMARY KEY"), ("url", "VARCHAR"), ("source", "VARCHAR"),
        ("title", "VARCHAR"), ("published", "DATE"), ("language", "VARCHAR"),
        ("word_count", "INTEGER"), ("tone", "DOUBLE"), ("signature", "VARCHAR"),
        ("cluster_id", "VARCHAR"), ("n_warnings", "INTEGER"), ("ingested_at", "TIMESTAMP"),
        ("text", "VARCHAR"), ("record", "JSON"),
    ],
    "sentences": [("article_id", "VARCHAR"), ("i", "INTEGER"), ("start", "INTEGER"),
                  ("end", "INTEGER")],
    "entities": [("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
                 ("text", "VARCHAR"), ("label", "VARCHAR"), ("rule", "VARCHAR")],
}
# Bookkeeping, after the extractors' tables.
_AFTER: dict[str, list[tuple[str, str]]] = {
    # One row per article: its near-duplicate cluster, and its MinHash for later arrivals.
    "clusters": [("article_id", "VARCHAR"), ("cluster_id", "VARCHAR"),
                 ("similarity", "DOUBLE"), ("minhash", "UINTEGER[]")],
    # LSH band keys of each article (see store/dedup.py).
    "cluster_bands": [("article_id", "VARCHAR"), ("band", "BIGINT")],
    # Inputs already handled (stored or failed): lets an interrupted ingest resume.
    "ingest_log": [("input_key", "VARCHAR"), ("article_id", "VARCHAR"),
                   ("status", "VARCHAR"), ("at", "TIMESTAMP")],
    "errors": [("source", "VARCHAR"), ("code", "VARCHAR"), ("message", "VARCHAR"),
               ("at", "TIMESTAMP")],
}


def _tables() -> dict[str, list[tuple[str, str]]]:
    extracted = {t.name: [("article_id", "VARCHAR"), *t.columns] for t in registry().tables()}
    return {**_BEFORE, **extracted, **_AFTER}


TABLES = _tables()

# Tables filled from records, in insert order after ``articles``.
CHILD_TABLES = [t for t in TABLES
                if t not in ("articles", "errors", "ingest_log", "clusters", "cluster_bands")]

# The code fields of a merged event (CAMEO code, base, root, name, QuadClass, Goldstein,
# PLOVER) all come from one report: of the code most reports give, the first report. Each
# field's own majority could pair a code with another code's base or Goldstein value.
_BY_CODE = "e.code_reports DESC, e.published NULLS LAST, e.global_id"

VIEWS = {
    # One row per merged event. Its first report is the earliest published one, undated
    # reports last (an undated report never empties a field); ``time_status`` is "new" when
    # any report tells it as news, "past" only when every report recalls it.
    "merged_events": """
        SELECT e.merged_id AS merged_id,
               min(e.day) AS day,
               first(e.date ORDER BY e.published NULLS LAST, e.global_id) AS date,
               first(e.date_resolution ORDER BY e.published NULLS LAST, e.global_id)
                   AS date_resolution,
               CASE WHEN bool_or(e.time_status = 'new') THEN 'new'
                    WHEN bool_or(e.time_status = 'ongoing') THEN 'ongoing'
                    WHEN bool_or(e.time_status = 'future') THEN 'future'
                    WHEN bool_or(e.time_status = 'past') THEN 'past' ELSE 'new' END
                   AS time_status,
               first(e.source_code ORDER BY e.published NULLS LAST, e.global_id) AS source_code,
               first(e.target_code ORDER BY e.published NULLS LAST, e.global_id) AS target_code,
               first(e.source_country ORDER BY e.published NULLS LAST, e.global_id)
                   AS source_country,
               first(e.target_country ORDER BY e.published NULLS LAST, e.global_id)
                   AS target_country,
               first(e.source_sector ORDER BY e.published NULLS LAST, e.global_id)
                   AS source_sector,
               first(e.target_sector ORDER BY e.published NULLS LAST, e.global_id)
                   AS target_sector,
               first(e.source_name ORDER BY e.published NULLS LAST, e.global_id) AS source_name,
               first(e.target_name ORDER BY e.published NULLS LAST, e.global_id) AS target_name,
               first(e.cameo ORDER BY {by_code}) AS cameo,
               first(e.cameo_base ORDER BY {by_code}) AS cameo_base,
               first(e.cameo_root ORDER BY {by_code}) AS cameo_root,
               first(e.cameo_name ORDER BY {by_code}) AS cameo_name,
               first(e.quad_class ORDER BY {by_code}) AS quad_class,
               first(e.goldstein ORDER BY {by_code}) AS goldstein,
               first(e.plover ORDER BY {by_code}) AS plover,
               first(e.plover_mode ORDER BY {by_code}) AS plover_mode,
               bool_or(e.is_root) AS is_root,
               bool_or(e.counted) AS counted,
               count(*) AS num_mentions,
               count(DISTINCT e.article_id) AS num_articles,
               count(DISTINCT coalesce(a.source, e.article_id)) AS num_sources,
               count(DISTINCT coalesce(c.cluster_id, e.article_id)) AS num_stories,
               avg(e.tone) AS avg_tone,
               first(e.article_id ORDER BY e.published NULLS LAST, e.global_id) AS first_article,
               first(e.global_id ORDER BY e.published NULLS LAST, e.global_id) AS first_global_id
        FROM (SELECT *, count(*) OVER (PARTITION BY merged_id, cameo) AS code_reports
              FROM events) e
        LEFT JOIN articles a ON a.id = e.article_id
        LEFT JOIN clusters c ON c.article_id = e.article_id
        GROUP BY e.merged_id
    """.replace("{by_code}", _BY_CODE),
    "event_mentions": """
        SELECT e.merged_id, e.global_id, e.article_id, e.event_id, e.published, e.sentence,
               e.date, e.date_resolution, e.date_source, e.time_status, e.mention_of,
               e.source_start, e.target_start, e.trigger_start, e.confidence, e.tone,
               a.url, a.source, length(a.text) AS doc_len, c.cluster_id
        FROM events e
        LEFT JOIN articles a ON a.id = e.article_id
        LEFT JOIN clusters c ON c.article_id = e.article_id
    """,
}


def ddl() -> list[str]:
    stmts = []
    for table, cols in TABLES.items():
        body = ", ".join(f'"{name}" {kind}' for name, kind in cols)
        stmts.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
        # Stores made by an earlier version gain the new columns (PRIMARY KEY ones never change).
        stmts += [f'ALTER TABLE {table} ADD COLUMN IF NOT EXISTS "{name}" {kind}'
                  for name, kind in cols if "PRIMARY" not in kind]
    stmts += [f"CREATE OR REPLACE VIEW {name} AS {sql}" for name, sql in VIEWS.items()]
    return stmts
