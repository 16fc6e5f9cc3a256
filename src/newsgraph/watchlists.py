"""Watchlists: saved dyads, actors and event queries, and what each ingest brought them.

A watchlist is a row of the store's ``watchlists`` table (created on the first save): its
kind (``dyad`` TUR-RUS, ``actor`` TUR or a name, ``events`` an events-page query such as
``root=18&country=SYR``), the time up to which its owner has seen its changes (``seen_at``)
and the dyad change points known then. Its report lists what arrived since: the matching
events of articles ingested after ``seen_at`` (counted events, as the exports count them),
actor pairs that no earlier matching event had, and, for a dyad, change points of its
monthly series that were not there before. Marking it seen moves ``seen_at`` to now.

Everything runs on a DuckDB connection to the store, so ``newsgraph watch`` and the server
share one implementation.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any
from urllib.parse import parse_qsl

import duckdb

KINDS = ("dyad", "actor", "events")
TABLE = """CREATE TABLE IF NOT EXISTS watchlists (
    id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR, value VARCHAR,
    created_at TIMESTAMP, seen_at TIMESTAMP, known_change_points JSON)"""
# The events-page parameters an ``events`` watchlist may hold.
QUERY_FIELDS = ("actor", "source", "target", "dyad", "cameo", "root", "plover", "place", "q",
                "country", "outlet", "quad", "directed")


class WatchlistError(ValueError):
    """A watchlist that cannot be saved (unknown kind, value not of its kind)."""


def now() -> dt.datetime:
    """Local naive time, as the store writes ``articles.ingested_at``."""
    return dt.datetime.now()


def has_table(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables"
                      " WHERE table_name = 'watchlists'").fetchone()
    return bool(row and row[0])


def event_filter(kind: str, value: str) -> Any:
    """The EventFilter a watchlist stands for (counted events only)."""
    from .api.filters import EventFilter, actor_code, norm_code, norm_dyad

    try:
        if kind == "dyad":
            return EventFilter(dyad=norm_dyad(value), include_modal=False)
        if kind == "actor":
            return EventFilter(actor=actor_code(value) or value.strip(), include_modal=False)
        if kind == "events":
            args: dict[str, Any] = {}
            for key, val in parse_qsl(value.lstrip("?")):
                if key not in QUERY_FIELDS or not val:
                    continue
                if key == "quad":
                    args.setdefault("quad", []).append(int(val))
                elif key == "directed":
                    args["directed"] = val.lower() == "true"
                elif key in ("source", "target"):
                    args[key] = norm_code(val, key)
                elif key == "dyad":
                    args[key] = norm_dyad(val)
                elif key == "actor":
                    args[key] = actor_code(val) or val.strip()
                elif key == "country":
                    args[key] = val.strip().upper()
                else:
                    args[key] = val
            if not args:
                raise WatchlistError(f"{value!r} holds no events filter ({', '.join(QUERY_FIELDS)})")
            return EventFilter(**args, include_modal=False)
    except (ValueError, TypeError) as exc:
        raise WatchlistError(str(exc)) from None
    except Exception as exc:  # an HTTPException from the code checks
        detail = getattr(exc, "detail", None)
        if detail:
            raise WatchlistError(str(detail)) from None
        raise
    raise WatchlistError(f"unknown watchlist kind {kind!r} (one of {', '.join(KINDS)})")


def normalise(kind: str, value: str) -> str:
    """The value as stored: codes upper-cased, a dyad as A-B."""
    f = event_filter(kind, value)
    if kind == "dyad":
        return f.dyad
    if kind == "actor":
        return f.actor
    return value.strip().lstrip("?")


def add(con: duckdb.DuckDBPyConnection, kind: str, value: str, name: str | None = None) -> str:
    """Save a watchlist; its report starts empty (everything stored so far counts as seen)."""
    value = normalise(kind, value)
    con.execute(TABLE)
    wid = uuid.uuid4().hex[:12]
    at = now()
    con.execute("INSERT INTO watchlists VALUES (?, ?, ?, ?, ?, ?, ?)",
                [wid, (name or "").strip() or value, kind, value, at, at,
                 json.dumps(_change_periods(con, kind, value))])
    return wid


def remove(con: duckdb.DuckDBPyConnection, wid: str) -> bool:
    if not has_table(con):
        return False
    return bool(con.execute("DELETE FROM watchlists WHERE id = ? RETURNING id", [wid]).fetchall())


def mark_seen(con: duckdb.DuckDBPyConnection, wid: str | None = None) -> int:
    """Move ``seen_at`` of one watchlist (or all) to now; returns how many were marked."""
    if not has_table(con):
        return 0
    rows = all_watchlists(con) if wid is None else [w for w in all_watchlists(con)
                                                     if w["id"] == wid]
    at = now()
    for w in rows:
        con.execute("UPDATE watchlists SET seen_at = ?, known_change_points = ? WHERE id = ?",
                    [at, json.dumps(_change_periods(con, w["kind"], w["value"])), w["id"]])
    return len(rows)


def all_watchlists(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    if not has_table(con):
        return []
    res = con.execute("SELECT id, name, kind, value, created_at, seen_at, known_change_points"
                      " FROM watchlists ORDER BY created_at, id")
    cols = [d[0] for d in res.description]
    return [dict(zip(cols, r, strict=True)) for r in res.fetchall()]


def _change_periods(con: duckdb.DuckDBPyConnection, kind: str, value: str) -> list[str]:
    if kind != "dyad":
        return []
    from .analytics import change_points, dyad_series

    a, b = value.split("-")
    return sorted(str(c["period"]) for c in change_points(dyad_series(con, a, b, by="month")))


def report(con: duckdb.DuckDBPyConnection, w: dict[str, Any], *, limit: int = 20
           ) -> dict[str, Any]:
    """What arrived for ``w`` since its ``seen_at``: new events, new actor pairs, new change
    points (dyads)."""
    from .api.queries import EVENT_COLUMNS

    f = event_filter(w["kind"], w["value"])
    where, params = f.where()
    new = f"({where}) AND article_id IN (SELECT id FROM articles WHERE ingested_at > ?)"
    old = f"({where}) AND article_id IN (SELECT id FROM articles WHERE ingested_at <= ?)"
    seen = w["seen_at"]
    row = con.execute(f"SELECT count(*) FROM events WHERE {new}", [*params, seen]).fetchone()
    n_new = row[0] if row else 0
    res = con.execute(f"SELECT {EVENT_COLUMNS} FROM events WHERE {new}"
                      f" ORDER BY published DESC NULLS LAST, rowid LIMIT ?", [*params, seen, limit])
    cols = [d[0] for d in res.description]
    events = [dict(zip(cols, r, strict=True)) for r in res.fetchall()]
    pairs = con.execute(
        f"SELECT source_country, target_country, count(*) FROM events WHERE {new}"
        f" AND source_country IS NOT NULL AND target_country IS NOT NULL"
        f" AND source_country <> target_country"
        f" AND (source_country, target_country) NOT IN (SELECT (source_country, target_country)"
        f"   FROM events WHERE {old} AND source_country IS NOT NULL"
        f"   AND target_country IS NOT NULL)"
        f" GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2",
        [*params, seen, *params, seen]).fetchall()
    known = set(json.loads(w.get("known_change_points") or "[]"))
    cps = []
    if w["kind"] == "dyad":
        from .analytics import change_points, dyad_series

        a, b = w["value"].split("-")
        cps = [{**c, "period": str(c["period"])} for c in change_points(
            dyad_series(con, a, b, by="month")) if str(c["period"]) not in known]
    return {"id": w["id"], "name": w["name"], "kind": w["kind"], "value": w["value"],
            "seen_at": seen.isoformat(sep=" ", timespec="seconds") if seen else None,
            "new_events": int(n_new), "events": events,
            "new_pairs": [{"source": s, "target": t, "events": n} for s, t, n in pairs],
            "new_change_points": cps,
            "changed": bool(n_new or pairs or cps)}


def reports(con: duckdb.DuckDBPyConnection, *, limit: int = 20) -> list[dict[str, Any]]:
    return [report(con, w, limit=limit) for w in all_watchlists(con)]
