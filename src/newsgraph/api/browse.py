"""The events page as a data browser: sorting by column, facet counts, the sentence of each row.

Facets count the events matching the current filters by CAMEO root, actor (country on
either side), place country, QuadClass and outlet; each value links to the same filters plus
that value. Sorting picks the page's row ids over narrow columns first (as
``queries.events`` does), then reads those rows with their sentence.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from .db import Database
from .filters import EventFilter
from .queries import EVENT_COLUMNS

# Sort key -> SQL expression on the events table (ties broken by rowid).
SORTS = {
    "published": "published", "date": "date", "source": "coalesce(source_code, source_country)",
    "target": "coalesce(target_code, target_country)", "event": "cameo",
    "quad": "quad_class", "goldstein": "goldstein", "place": "place_name",
    "confidence": "confidence",
}
DEFAULT_SORT = "-published"
FACET_LIMIT = 8


def order_by(sort: str | None) -> str:
    """``published`` ascending, ``-published`` descending; unknown keys fall back to newest."""
    key = (sort or DEFAULT_SORT).lstrip("-")
    desc = (sort or DEFAULT_SORT).startswith("-")
    expr = SORTS.get(key)
    if expr is None:
        expr, desc = SORTS["published"], True
    return f"{expr} {'DESC' if desc else 'ASC'} NULLS LAST, rowid"


def page(db: Database, f: EventFilter, *, sort: str | None, limit: int,
         offset: int) -> list[dict[str, Any]]:
    """One page of events in the chosen order, each with its sentence and trigger offsets."""
    where, params = f.where()
    order = order_by(sort)
    ids = db.query(f"SELECT rowid FROM events WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                   [*params, limit, offset]).rows
    if not ids:
        return []
    rank = {r[0]: i for i, r in enumerate(ids)}
    res = db.query(f"SELECT rowid AS _rid, {EVENT_COLUMNS}, sentence AS _sent, trigger_start,"
                   f" trigger_end, time_status FROM events WHERE rowid IN (SELECT unnest(?))",
                   [list(rank)])
    rows = sorted(res.dicts(), key=lambda r: rank[r.pop("_rid")])
    # The sentences and outlets of just these rows (filters on both sides of the join, so
    # neither table is scanned whole).
    arts = sorted({r["article_id"] for r in rows})
    sents = {(a, i): (start, text) for a, i, start, text in db.query(
        "SELECT s.article_id, s.i, s.start, substr(a.text, s.start + 1, s.\"end\" - s.start)"
        " FROM sentences s JOIN articles a ON a.id = s.article_id"
        " WHERE s.article_id IN (SELECT unnest(?)) AND a.id IN (SELECT unnest(?))"
        " AND s.i IN (SELECT unnest(?))",
        [arts, arts, sorted({r["_sent"] for r in rows if r["_sent"] is not None})]).rows}
    outlets = dict(db.query("SELECT id, source FROM articles WHERE id IN (SELECT unnest(?))",
                            [arts]).rows)
    for r in rows:
        r["s_start"], r["sentence_text"] = sents.get((r["article_id"], r.pop("_sent")),
                                                     (None, None))
        r["outlet"] = outlets.get(r["article_id"])
    for r in rows:
        r["sentence"] = sentence_parts(r)
    return rows


def sentence_parts(row: dict[str, Any], width: int = 260) -> list[tuple[str, bool]]:
    """The row's sentence as (text, is_trigger) pieces, cut to about ``width`` characters
    around the trigger."""
    text = row.get("sentence_text") or ""
    if not text:
        return []
    s0, t0, t1 = row.get("s_start"), row.get("trigger_start"), row.get("trigger_end")
    if s0 is None or t0 is None or t1 is None or not (s0 <= t0 < t1 <= s0 + len(text)):
        return [(shorten(text, width), False)]
    a, b = t0 - s0, t1 - s0
    before, hit, after = text[:a], text[a:b], text[b:]
    room = max(width - len(hit), 40)
    if len(before) > room // 2:
        before = "…" + before[-(room // 2):].split(" ", 1)[-1]
    if len(after) > room - len(before):
        after = after[:max(room - len(before), 20)].rsplit(" ", 1)[0] + "…"
    return [(p, h) for p, h in ((before, False), (hit, True), (after, False)) if p]


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width].rsplit(" ", 1)[0] + "…"


def store_version(db: Database) -> tuple[Any, ...]:
    """What changes when the store does: its path, event count and latest ingest time."""
    row = db.query("SELECT (SELECT count(*) FROM events),"
                   " (SELECT max(ingested_at) FROM articles)").rows[0]
    return (str(db.path), *row)


_CACHE: OrderedDict[tuple, dict[str, list[dict[str, Any]]]] = OrderedDict()
CACHE_SIZE = 64


def facets(db: Database, f: EventFilter) -> dict[str, list[dict[str, Any]]]:
    """Counts of the matching events per value of each facet, largest first.

    Kept for the last few filters (paging and re-sorting one filter reuse its counts), keyed
    by the store's event count and latest ingest time, so that an ingest makes them fresh.
    """
    where, params = f.where()
    key = (*store_version(db), where, repr(params))
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    out = _facets(db, where, params)
    _CACHE[key] = out
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return out


def _facets(db: Database, where: str, params: list[Any]) -> dict[str, list[dict[str, Any]]]:
    base = (f"SELECT article_id, cameo_root, source_country, target_country, place_country,"
            f" quad_class FROM events WHERE {where}")
    specs = {
        "root": "SELECT cameo_root AS value, count(*) AS n FROM ev WHERE cameo_root IS NOT NULL"
                " GROUP BY 1",
        # An event counts once for each country on either side (once when both are one).
        "actor": "SELECT c AS value, count(*) AS n FROM (SELECT source_country AS c FROM ev"
                 " UNION ALL SELECT target_country FROM ev"
                 " WHERE target_country IS DISTINCT FROM source_country)"
                 " WHERE c IS NOT NULL GROUP BY 1",
        "country": "SELECT place_country AS value, count(*) AS n FROM ev"
                   " WHERE place_country IS NOT NULL GROUP BY 1",
        "quad": "SELECT CAST(quad_class AS VARCHAR) AS value, count(*) AS n FROM ev"
                " WHERE quad_class IS NOT NULL GROUP BY 1",
        # Events per article first, then per outlet: the join sees one row per article.
        "outlet": "SELECT a.source AS value, sum(k.n)::BIGINT AS n FROM (SELECT article_id,"
                  " count(*) AS n FROM ev GROUP BY 1) k JOIN articles a ON a.id = k.article_id"
                  " WHERE a.source IS NOT NULL GROUP BY 1",
    }
    union = " UNION ALL ".join(
        f"SELECT '{name}' AS facet, value, n FROM ("
        f"SELECT *, row_number() OVER (ORDER BY n DESC, value) AS k FROM ({sql})) WHERE k <= ?"
        for name, sql in specs.items())
    rows = db.query(f"WITH ev AS ({base}) {union}",
                    [*params, *([FACET_LIMIT] * len(specs))]).rows
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in specs}
    for facet, value, n in rows:
        out[facet].append({"value": value, "n": n})
    for items in out.values():
        items.sort(key=lambda d: (-d["n"], d["value"]))
    return out
