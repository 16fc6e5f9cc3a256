"""DuckDB schema of the store (one table per record part; ids are content hashes)."""

from __future__ import annotations

# (table, columns with DuckDB types). Child tables carry article_id; order = insert order.
TABLES: dict[str, list[tuple[str, str]]] = {
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
    "actors": [("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("name", "VARCHAR"),
               ("country", "VARCHAR"), ("sector", "VARCHAR"), ("code", "VARCHAR"),
               ("kind", "VARCHAR"), ("kb_id", "VARCHAR"), ("n_mentions", "INTEGER"),
               ("reason", "VARCHAR")],
    "mentions": [("article_id", "VARCHAR"), ("actor_id", "VARCHAR"), ("start", "INTEGER"),
                 ("end", "INTEGER")],
    "events": [
        ("article_id", "VARCHAR"), ("event_id", "VARCHAR"), ("global_id", "VARCHAR"),
        ("published", "DATE"), ("date", "VARCHAR"), ("sentence", "INTEGER"),
        ("source_country", "VARCHAR"), ("source_sector", "VARCHAR"), ("source_name", "VARCHAR"),
        ("target_country", "VARCHAR"), ("target_sector", "VARCHAR"), ("target_name", "VARCHAR"),
        ("cameo", "VARCHAR"), ("cameo_base", "VARCHAR"), ("cameo_root", "VARCHAR"),
        ("cameo_name", "VARCHAR"), ("plover", "VARCHAR"), ("plover_mode", "VARCHAR"),
        ("goldstein", "DOUBLE"), ("quad_class", "TINYINT"), ("is_root", "BOOLEAN"),
        ("negated", "BOOLEAN"), ("modality", "VARCHAR"), ("counted", "BOOLEAN"),
        ("place_name", "VARCHAR"), ("place_country", "VARCHAR"), ("lat", "DOUBLE"),
        ("lon", "DOUBLE"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
        ("rule", "VARCHAR"), ("confidence", "DOUBLE"), ("tone", "DOUBLE"),
    ],
    "quotes": [("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
               ("text", "VARCHAR"), ("kind", "VARCHAR"), ("cue", "VARCHAR"),
               ("speaker_actor", "VARCHAR"), ("speaker_name", "VARCHAR"),
               ("speaker_reason", "VARCHAR")],
    "places": [("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
               ("text", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"),
               ("admin1", "VARCHAR"), ("lat", "DOUBLE"), ("lon", "DOUBLE"),
               ("geonameid", "BIGINT"), ("feature", "VARCHAR"), ("role", "VARCHAR")],
    "dates": [("article_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER"),
              ("text", "VARCHAR"), ("value", "VARCHAR"), ("resolution", "VARCHAR")],
    "themes": [("article_id", "VARCHAR"), ("code", "VARCHAR"), ("gkg", "VARCHAR"),
               ("count", "INTEGER")],
    "errors": [("source", "VARCHAR"), ("code", "VARCHAR"), ("message", "VARCHAR"),
               ("at", "TIMESTAMP")],
}

CHILD_TABLES = [t for t in TABLES if t not in ("articles", "errors")]


def ddl() -> list[str]:
    stmts = []
    for table, cols in TABLES.items():
        body = ", ".join(f'"{name}" {kind}' for name, kind in cols)
        stmts.append(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    stmts += [
        "CREATE INDEX IF NOT EXISTS events_article ON events(article_id)",
        "CREATE INDEX IF NOT EXISTS events_dyad ON events(source_country, target_country)",
    ]
    return stmts
