"""Dyad time series and rankings, computed in DuckDB."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..errors import SettingsError

# Period name -> strftime format of the period label.
PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}

SERIES_COLUMNS = ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum",
                  "goldstein_mean", "tone_mean", "articles", "events_per_100_articles"]


def actor_filter(side: str, code: str) -> str:
    """SQL condition: a 3-letter code matches the country, a longer one the full actor code."""
    column = f"{side}_country" if len(code) <= 3 else f"{side}_code"
    return f"{column} = '{_safe(code)}'"


def _safe(code: str) -> str:
    if not code.replace("_", "").isalnum():
        raise SettingsError(f"{code!r} is not an actor code (letters and digits, e.g. TUR, TURGOV)")
    return code.upper()


def _window(column: str, start: str | None, end: str | None) -> str:
    parts = []
    if start:
        parts.append(f"{column} >= DATE '{_iso(start)}'")
    if end:
        parts.append(f"{column} <= DATE '{_iso(end)}'")
    return " AND ".join(parts) or "TRUE"


def _iso(value: str) -> str:
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise SettingsError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def dyad_series(
    con: duckdb.DuckDBPyConnection,
    a: str,
    b: str,
    *,
    by: str = "month",
    directed: bool = False,
    start: str | None = None,
    end: str | None = None,
) -> pd.DataFrame:
    """Events between ``a`` and ``b`` per period (a->b only when ``directed``).

    Columns: period, events, quad1..quad4, goldstein_sum, goldstein_mean, tone_mean,
    articles (all articles published in the period, for normalisation),
    events_per_100_articles.
    """
    if by not in PERIODS:
        raise SettingsError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    fmt = PERIODS[by]
    pair = f"({actor_filter('source', a)} AND {actor_filter('target', b)})"
    if not directed:
        pair += f" OR ({actor_filter('source', b)} AND {actor_filter('target', a)})"
    sql = f"""
    WITH mentions AS (
        SELECT merged_id, day, quad_class, goldstein, tone FROM events
        WHERE counted AND ({pair}) AND {_window("day", start, end)}
    ), merged AS (
        SELECT strftime(min(day), '{fmt}') AS period, any_value(quad_class) AS quad_class,
               any_value(goldstein) AS goldstein, avg(tone) AS tone
        FROM mentions GROUP BY merged_id
    ), ev AS (
        SELECT period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS quad1,
               count(*) FILTER (WHERE quad_class = 2) AS quad2,
               count(*) FILTER (WHERE quad_class = 3) AS quad3,
               count(*) FILTER (WHERE quad_class = 4) AS quad4,
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               avg(tone) AS tone_mean
        FROM merged GROUP BY period
    ), arts AS (
        SELECT strftime(published, '{fmt}') AS period, count(*) AS articles FROM articles
        WHERE published IS NOT NULL AND {_window("published", start, end)} GROUP BY period
    ), span AS (SELECT min(period) AS lo, max(period) AS hi FROM ev)
    SELECT coalesce(ev.period, arts.period) AS period,
           coalesce(events, 0) AS events, coalesce(quad1, 0) AS quad1,
           coalesce(quad2, 0) AS quad2, coalesce(quad3, 0) AS quad3, coalesce(quad4, 0) AS quad4,
           coalesce(goldstein_sum, 0.0) AS goldstein_sum, goldstein_mean, tone_mean,
           coalesce(articles, 0) AS articles,
           CASE WHEN coalesce(articles, 0) > 0 THEN 100.0 * coalesce(events, 0) / articles END
               AS events_per_100_articles
    FROM ev FULL OUTER JOIN arts ON ev.period = arts.period, span
    WHERE coalesce(ev.period, arts.period) BETWEEN span.lo AND span.hi
    ORDER BY period
    """
    df = con.execute(sql).df()
    for col in ("events", "quad1", "quad2", "quad3", "quad4", "articles"):
        df[col] = df[col].astype("int64")
    return df[SERIES_COLUMNS]


def top_actors(
    con: duckdb.DuckDBPyConnection,
    n: int = 20,
    start: str | None = None,
    end: str | None = None,
    *,
    by: str = "code",
) -> pd.DataFrame:
    """The ``n`` actors in most events (as source or target): actor, events, as_source,
    as_target, goldstein_mean, articles. ``by`` = "code" (TURGOV) or "country" (TUR)."""
    s, t = ("source_code", "target_code") if by == "code" else ("source_country",
                                                                  "target_country")
    where = f"counted AND {_window('day', start, end)}"
    # One row per merged event (a happening reported N times counts once).
    sql = f"""
    WITH m AS (
        SELECT merged_id, any_value({s}) AS src, any_value({t}) AS tgt,
               any_value(goldstein) AS goldstein
        FROM events WHERE {where} GROUP BY merged_id
    ), ends AS (
        SELECT src AS actor, 'source' AS side, goldstein FROM m WHERE src IS NOT NULL
        UNION ALL
        SELECT tgt, 'target', goldstein FROM m WHERE tgt IS NOT NULL
    ), arts AS (
        SELECT actor, count(DISTINCT article_id) AS articles FROM (
            SELECT {s} AS actor, article_id FROM events WHERE {where}
            UNION ALL SELECT {t}, article_id FROM events WHERE {where}
        ) WHERE actor IS NOT NULL GROUP BY actor
    )
    SELECT actor, count(*) AS events,
           count(*) FILTER (WHERE side = 'source') AS as_source,
           count(*) FILTER (WHERE side = 'target') AS as_target,
           avg(goldstein) AS goldstein_mean, any_value(arts.articles) AS articles
    FROM ends JOIN arts USING (actor)
    GROUP BY actor ORDER BY events DESC, actor LIMIT {int(n)}
    """
    return con.execute(sql).df()


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    n: int = 20,
    start: str | None = None,
    end: str | None = None,
    *,
    by: str = "code",
) -> pd.DataFrame:
    """The ``n`` directed dyads with most events: source, target, events, quad1..quad4,
    goldstein_mean, articles."""
    s, t = ("source_code", "target_code") if by == "code" else ("source_country",
                                                                  "target_country")
    where = (f"counted AND {s} IS NOT NULL AND {t} IS NOT NULL AND "
             f"{_window('day', start, end)}")
    sql = f"""
    WITH m AS (
        SELECT merged_id, any_value({s}) AS source, any_value({t}) AS target,
               any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein
        FROM events WHERE {where} GROUP BY merged_id
    ), arts AS (
        SELECT {s} AS source, {t} AS target, count(DISTINCT article_id) AS articles
        FROM events WHERE {where} GROUP BY ALL
    )
    SELECT source, target, count(*) AS events,
           count(*) FILTER (WHERE quad_class = 1) AS quad1,
           count(*) FILTER (WHERE quad_class = 2) AS quad2,
           count(*) FILTER (WHERE quad_class = 3) AS quad3,
           count(*) FILTER (WHERE quad_class = 4) AS quad4,
           avg(goldstein) AS goldstein_mean, any_value(arts.articles) AS articles
    FROM m JOIN arts USING (source, target)
    GROUP BY source, target ORDER BY events DESC, source, target LIMIT {int(n)}
    """
    return con.execute(sql).df()
