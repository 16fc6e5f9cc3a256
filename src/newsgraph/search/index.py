"""The FTS5 index file: its tables, its sync from the store, and ranked, highlighted hits.

One FTS5 table per kind of thing found (articles, events, quotes, actors), so bm25 statistics
and counts are per kind. Tokenizer ``unicode61 remove_diacritics 2`` folds case and accents
("erdoğan" finds "Erdogan" and "ERDOĞAN"). Titles weigh five times the body in the ranking.
The index records which article ids it holds; ``sync`` reads only the articles it lacks, so
it runs after every ingest in time proportional to what was added.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .query import fts_query

KINDS = ("articles", "events", "quotes", "actors")
TOKENIZE = "unicode61 remove_diacritics 2"
OPEN, CLOSE = "\x02", "\x03"
CHUNK = 2000
RANK_LIMIT = 20_000  # matches ranked by bm25; more are listed newest first
SCHEMA_VERSION = "1"
# Indexed columns first (title, body): bm25 weights follow column order.
COLUMNS = {
    "articles": ("title", "body", "id UNINDEXED", "published UNINDEXED", "source UNINDEXED"),
    "events": ("title", "body", "article_id UNINDEXED", "event_id UNINDEXED",
               "published UNINDEXED"),
    "quotes": ("title", "body", "article_id UNINDEXED", "start UNINDEXED",
               "published UNINDEXED"),
    "actors": ("title", "body", "code UNINDEXED", "country UNINDEXED"),
}
DATED = {"articles", "events", "quotes"}

# A read of the store: SQL and parameters in, row tuples out.
StoreQuery = Callable[[str, Sequence[Any]], list[tuple]]


def index_path(store: str | Path) -> Path:
    """Where the index of ``store`` lives: beside it, ``<store>.search.sqlite``."""
    return Path(f"{store}.search.sqlite")


def first_line(text: str | None, width: int = 90) -> str:
    """An untitled article's label: its first non-empty line, cut at a word near ``width``."""
    for line in (text or "").splitlines():
        line = line.strip()
        if line:
            if len(line) <= width:
                return line
            cut = line[:width].rsplit(" ", 1)[0]
            return cut + "…"
    return ""


def segments(marked: str) -> list[tuple[str, bool]]:
    """``a \\x02b\\x03 c`` as [("a ", False), ("b", True), (" c", False)] (for escaping)."""
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(marked.split(OPEN)):
        if i == 0:
            if part:
                out.append((part, False))
            continue
        hit, _, rest = part.partition(CLOSE)
        if hit:
            out.append((hit, True))
        if rest:
            out.append((rest, False))
    return out


@dataclass
class Hit:
    kind: str
    ref: dict[str, Any]
    title: list[tuple[str, bool]] = field(default_factory=list)
    snippet: list[tuple[str, bool]] = field(default_factory=list)
    score: float = 0.0


class SearchIndex:
    """The FTS5 index of one store (a connection per call; writes serialised)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        with self._connect() as con:
            self._create(con)

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        con.execute("PRAGMA journal_mode=WAL")
        return con

    @staticmethod
    def _create(con: sqlite3.Connection) -> None:
        con.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = con.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if row and row[0] != SCHEMA_VERSION:
            for kind in KINDS:
                con.execute(f"DROP TABLE IF EXISTS {kind}_fts")
            con.execute("DROP TABLE IF EXISTS indexed")
            con.execute("DROP TABLE IF EXISTS actor_names")
        for kind, cols in COLUMNS.items():
            con.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {kind}_fts USING fts5("
                        f"{', '.join(cols)}, tokenize='{TOKENIZE}')")
        con.execute("CREATE TABLE IF NOT EXISTS indexed (id TEXT PRIMARY KEY)")
        con.execute("CREATE TABLE IF NOT EXISTS actor_names (name TEXT PRIMARY KEY)")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", [SCHEMA_VERSION])
        con.commit()

    # -- keeping up with the store ---------------------------------------------------------

    def n_indexed(self) -> int:
        with self._connect() as con:
            return con.execute("SELECT count(*) FROM indexed").fetchone()[0]

    def clear(self) -> None:
        with self._lock:
            self._clear()

    def sync(self, query: StoreQuery, *, n_store: int | None = None) -> int:
        """Index the store's articles the index lacks; returns how many were added.

        ``n_store`` (the store's article count) lets a caller skip the id scan when nothing
        changed. An index holding more articles than the store (a store rebuilt under it) is
        rebuilt from scratch.
        """
        with self._lock:
            if n_store is None:
                n_store = query("SELECT count(*) FROM articles", [])[0][0]
            have = self.n_indexed()
            if have == n_store:
                return 0
            if have > n_store:
                self._clear()
            store_ids = [r[0] for r in query("SELECT id FROM articles", [])]
            with self._connect() as con:
                known = {r[0] for r in con.execute("SELECT id FROM indexed")}
            new = [i for i in store_ids if i not in known]
            for start in range(0, len(new), CHUNK):
                self._add(query, new[start:start + CHUNK])
            return len(new)

    def _clear(self) -> None:
        with self._connect() as con:
            for kind in KINDS:
                con.execute(f"DELETE FROM {kind}_fts")
            con.execute("DELETE FROM indexed")
            con.execute("DELETE FROM actor_names")
            con.commit()

    def _add(self, query: StoreQuery, ids: list[str]) -> None:
        arts = query("SELECT id, title, text, CAST(published AS VARCHAR), source FROM articles "
                     "WHERE id IN (SELECT unnest(?))", [ids])
        events = query(
            "SELECT e.article_id, e.event_id, CAST(e.published AS VARCHAR), e.source_name,"
            " e.cameo_name, e.target_name, e.place_name, e.plover,"
            " CASE WHEN s.start IS NOT NULL THEN substr(a.text, s.start + 1, s.\"end\" - s.start)"
            " END"
            " FROM events e JOIN articles a ON a.id = e.article_id"
            " LEFT JOIN sentences s ON s.article_id = e.article_id AND s.i = e.sentence"
            " WHERE e.article_id IN (SELECT unnest(?))", [ids])
        quotes = query(
            "SELECT q.article_id, q.start, CAST(a.published AS VARCHAR), q.speaker_name, q.text"
            " FROM quotes q JOIN articles a ON a.id = q.article_id"
            " WHERE q.article_id IN (SELECT unnest(?))", [ids])
        actors = query(
            "SELECT name, any_value(code), any_value(country), any_value(kind) FROM actors"
            " WHERE article_id IN (SELECT unnest(?)) AND name IS NOT NULL GROUP BY name", [ids])
        with self._connect() as con:
            con.executemany(
                "INSERT INTO articles_fts VALUES (?, ?, ?, ?, ?)",
                ((title or first_line(text), text or "", aid, pub, src)
                 for aid, title, text, pub, src in arts))
            con.executemany(
                "INSERT INTO events_fts VALUES (?, ?, ?, ?, ?)",
                ((" ".join(x for x in (src, name, tgt, place, plover) if x), sent or "",
                  aid, eid, pub)
                 for aid, eid, pub, src, name, tgt, place, plover, sent in events))
            con.executemany(
                "INSERT INTO quotes_fts VALUES (?, ?, ?, ?, ?)",
                ((speaker or "", text or "", aid, start, pub)
                 for aid, start, pub, speaker, text in quotes))
            known = {r[0] for r in con.execute("SELECT name FROM actor_names")} if actors else set()
            fresh = [a for a in actors if a[0] not in known]
            con.executemany("INSERT INTO actor_names VALUES (?)", ((a[0],) for a in fresh))
            con.executemany(
                "INSERT INTO actors_fts VALUES (?, ?, ?, ?)",
                ((name, " ".join(x for x in (code, country, kind) if x), code, country)
                 for name, code, country, kind in fresh))
            con.executemany("INSERT OR IGNORE INTO indexed VALUES (?)", ((i,) for i in ids))
            con.commit()

    # -- searching -------------------------------------------------------------------------

    def search(self, q: str | None, kind: str, *, limit: int = 20, offset: int = 0,
               start: str | None = None, end: str | None = None) -> tuple[list[Hit], int]:
        """Ranked hits of one kind and the number of matches (0, [] for an empty query)."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        match = fts_query(q)
        if not match:
            return [], 0
        table = f"{kind}_fts"
        conds, params = [f"{table} MATCH ?"], [match]
        if kind in DATED and start:
            conds.append("published >= ?")
            params.append(str(start))
        if kind in DATED and end:
            conds.append("published <= ?")
            params.append(str(end))
        where = " AND ".join(conds)
        names = [c.split()[0] for c in COLUMNS[kind]][2:]
        with self._connect() as con:
            try:
                total = con.execute(f"SELECT count(*) FROM {table} WHERE {where}",
                                    params).fetchone()[0]
                if not total:
                    return [], 0
                # bm25 over every match costs ~1 ms per 1,000 matches; past RANK_LIMIT the
                # newest indexed matches come first (the page says so).
                order = (f"bm25({table}, 5.0, 1.0)" if total <= RANK_LIMIT
                         else f"{table}.rowid DESC")
                sql = (f"SELECT {', '.join(names)},"
                       f" highlight({table}, 0, '{OPEN}', '{CLOSE}'),"
                       f" snippet({table}, 1, '{OPEN}', '{CLOSE}', '…', 24), {order}"
                       f" FROM {table} WHERE {where} AND {table}.rowid IN"
                       f" (SELECT {table}.rowid FROM {table} WHERE {where}"
                       f"  ORDER BY {order} LIMIT ? OFFSET ?) ORDER BY {order}")
                rows = con.execute(sql, [*params, *params, limit, offset]).fetchall()
            except sqlite3.OperationalError:  # a query FTS5 still refuses: nothing found
                return [], 0
        hits = []
        for row in rows:
            ref = dict(zip(names, row[:len(names)], strict=True))
            title, snip, score = row[len(names):]
            hits.append(Hit(kind, ref, segments(title or ""), segments(snip or ""), score))
        return hits, total
