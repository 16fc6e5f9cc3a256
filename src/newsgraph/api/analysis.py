"""Dyad time series, change points and the actor network for the API.

Same shapes as ``newsgraph.analytics`` plans: a series is one row per period with events,
quad1..quad4, goldstein_sum, goldstein_mean, tone_mean, articles and events_per_100_articles.
"""

from __future__ import annotations

import datetime as dt
from statistics import median
from typing import Any

import duckdb
import networkx as nx
import pandas as pd

SERIES_COLUMNS = ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum",
                  "goldstein_mean", "tone_mean", "articles", "events_per_100_articles"]


def _periods(first: dt.date, last: dt.date, by: str) -> list[str]:
    """Every period label from ``first`` to ``last`` (months or days) so gaps show as zeros."""
    out = []
    if by == "day":
        d = first
        while d <= last:
            out.append(d.isoformat())
            d += dt.timedelta(days=1)
        return out
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def dyad_series(con: duckdb.DuckDBPyConnection, a: str, b: str, *, by: str = "month",
                directed: bool = False, start: dt.date | None = None,
                end: dt.date | None = None) -> pd.DataFrame:
    """Events between countries ``a`` and ``b`` per period (both directions unless directed)."""
    unit, fmt = ("day", "%Y-%m-%d") if by == "day" else ("month", "%Y-%m")
    pair = "(source_country = ? AND target_country = ?)"
    cond = pair if directed else f"({pair} OR {pair})"
    params: list[Any] = [a, b] if directed else [a, b, b, a]
    rng, rparams = "", []
    if start:
        rng += " AND published >= ?"
        rparams.append(start)
    if end:
        rng += " AND published <= ?"
        rparams.append(end)
    sql = f"""
        WITH e AS (
            SELECT strftime(date_trunc('{unit}', published), '{fmt}') AS period, count(*) AS events,
                   count(*) FILTER (WHERE quad_class = 1) AS quad1,
                   count(*) FILTER (WHERE quad_class = 2) AS quad2,
                   count(*) FILTER (WHERE quad_class = 3) AS quad3,
                   count(*) FILTER (WHERE quad_class = 4) AS quad4,
                   sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
                   avg(tone) AS tone_mean, count(DISTINCT article_id) AS dyad_articles
            FROM events WHERE published IS NOT NULL AND coalesce(counted, true)
              AND {cond}{rng} GROUP BY 1),
        a AS (
            SELECT strftime(date_trunc('{unit}', published), '{fmt}') AS period,
                   count(*) AS articles
            FROM articles WHERE published IS NOT NULL{rng} GROUP BY 1)
        SELECT e.*, coalesce(a.articles, 0) AS articles FROM e LEFT JOIN a USING (period)
        ORDER BY period"""
    df = con.execute(sql, [*params, *rparams, *rparams]).df()
    if df.empty:
        return pd.DataFrame(columns=SERIES_COLUMNS)
    first = start or dt.date.fromisoformat(df["period"].iloc[0] + ("-01" if unit == "month" else ""))
    last = end or dt.date.fromisoformat(df["period"].iloc[-1] + ("-01" if unit == "month" else ""))
    full = pd.DataFrame({"period": _periods(first, last, unit)})
    df = full.merge(df, on="period", how="left")
    for col in ("events", "quad1", "quad2", "quad3", "quad4", "articles"):
        df[col] = df[col].fillna(0).astype(int)
    df["goldstein_sum"] = df["goldstein_sum"].fillna(0.0)
    df["events_per_100_articles"] = (100 * df["events"] / df["articles"].where(df["articles"] > 0))
    return df[SERIES_COLUMNS]


def change_points(series: pd.DataFrame, column: str = "goldstein_mean", *,
                  min_shift: float = 2.0, min_size: int = 2) -> list[dict[str, Any]]:
    """Level shifts in ``column`` by binary segmentation over the periods that have values.

    A split is kept when the medians on either side differ by at least ``min_shift`` and each
    side has ``min_size`` observed periods; each side is then searched again. Medians keep
    one outlying period from making a change point.
    """
    obs = series.dropna(subset=[column])
    periods, values = list(obs["period"]), [float(v) for v in obs[column]]
    found: list[dict[str, Any]] = []

    def split(lo: int, hi: int) -> None:
        best, best_i = 0.0, None
        for i in range(lo + min_size, hi - min_size + 1):
            left, right = values[lo:i], values[i:hi]
            shift = median(right) - median(left)
            # Weight by segment sizes so one outlier period does not make a change point.
            score = abs(shift) * (len(left) * len(right) / (hi - lo)) ** 0.5
            if abs(shift) >= min_shift and score > best:
                best, best_i = score, i
        if best_i is None:
            return
        shift = median(values[best_i:hi]) - median(values[lo:best_i])
        found.append({"period": periods[best_i], "direction": "up" if shift > 0 else "down",
                      "magnitude": round(abs(shift), 3), "method": "binary-segmentation"})
        split(lo, best_i)
        split(best_i, hi)

    split(0, len(values))
    return sorted(found, key=lambda c: c["period"])


def network(con: duckdb.DuckDBPyConnection, start: dt.date | None = None,
            end: dt.date | None = None, *, min_events: int = 1) -> nx.DiGraph:
    """Country-to-country event network: edge weight = events, with mean Goldstein."""
    rng, params = "", []
    if start:
        rng += " AND published >= ?"
        params.append(start)
    if end:
        rng += " AND published <= ?"
        params.append(end)
    rows = con.execute(f"""
        SELECT source_country, target_country, count(*) AS events, avg(goldstein) AS goldstein,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict
        FROM events WHERE source_country IS NOT NULL AND target_country IS NOT NULL
          AND source_country <> target_country{rng}
        GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC""", [*params, min_events]).fetchall()
    g = nx.DiGraph()
    for src, tgt, n, gold, conflict in rows:
        g.add_edge(src, tgt, weight=int(n), goldstein=round(float(gold or 0.0), 3),
                   conflict=int(conflict))
    for node in g.nodes:
        g.nodes[node]["label"] = node
        g.nodes[node]["events"] = int(g.in_degree(node, weight="weight")
                                      + g.out_degree(node, weight="weight"))
    return g
