"""Dyad time series and rankings, computed in DuckDB."""

from __future__ import annotations

import duckdb
import pandas as pd

from ..errors import QueryError
from ..isodate import Day, date_window, require_day

# Period name -> strftime format of the period label.
PERIODS = {"day": "%Y-%m-%d", "week": "%G-W%V", "month": "%Y-%m", "year": "%Y"}

# How fine each date resolution is, on the scale of the series periods (day 0 .. year 3).
# An event goes on a series axis only when its date is at least as fine as the period:
# "sanctions imposed in late 2015" has no month, so it is on no month of a monthly series
# (placing it on the year's first day would make a January spike that never happened).
RESOLUTION_RANK = {"day": 0.0, "week": 1.0, "part_of_month": 2.0, "month": 2.0,
                   "quarter": 2.5, "season": 2.5, "part_of_year": 3.0, "year": 3.0}
PERIOD_RANK = {"day": 0.0, "week": 1.0, "month": 2.0, "year": 3.0}


def fits_axis(by: str) -> str:
    """SQL condition: the event's date is fine enough for a series by ``by`` (an event
    without its own resolution is dated by its publication day)."""
    ok = sorted(r for r, rank in RESOLUTION_RANK.items() if rank <= PERIOD_RANK[by])
    listed = ", ".join(f"'{r}'" for r in ok)
    return f"coalesce(date_resolution, 'day') IN ({listed})"


SERIES_COLUMNS = ["period", "events", "quad1", "quad2", "quad3", "quad4", "goldstein_sum",
                  "goldstein_mean", "tone_mean", "articles", "events_per_100_articles"]


def actor_filter(side: str, code: str) -> str:
    """SQL condition: a 3-letter code matches the country, a longer one the full actor code."""
    column = f"{side}_country" if len(code) <= 3 else f"{side}_code"
    return f"{column} = '{_safe(code)}'"


def _safe(code: str) -> str:
    if not code.replace("_", "").isalnum():
        raise QueryError(f"{code!r} is not an actor code (letters and digits, e.g. TUR, TURGOV)")
    return code.upper()


def calendar(lo: str, hi: str, by: str) -> str:
    """SQL for every period label from the period holding day expression ``lo`` to the one
    holding ``hi``, in calendar order, as a one-column relation ``period`` (zero-filling)."""
    unit = "week" if by == "week" else by
    return f"""SELECT strftime(p, '{PERIODS[by]}') AS period FROM (
        SELECT unnest(generate_series(date_trunc('{unit}', ({lo})::DATE)::TIMESTAMP,
                                      date_trunc('{unit}', ({hi})::DATE)::TIMESTAMP,
                                      INTERVAL 1 {unit})) AS p)"""


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
    """Events between ``a`` and ``b`` per period (a->b only when ``directed``), on a
    calendar-true axis: every period from the first event's (or ``start``'s) to the last
    event's (or ``end``'s), periods without events present with zero counts. Empty when no
    event matches. Events are merged events dated by their own date (a past reference
    falls in its own month, an undated event in none); one dated more coarsely than the
    period (a year on a month axis) is on no period and counted in ``df.attrs["off_axis"]``.

    Columns: period, events, quad1..quad4 (integers), goldstein_sum (0 when empty),
    goldstein_mean and tone_mean (missing when empty), articles (all articles published in
    the period, for normalisation), events_per_100_articles (missing without articles).
    """
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    fmt = PERIODS[by]
    pair = f"({actor_filter('source', a)} AND {actor_filter('target', b)})"
    if not directed:
        pair += f" OR ({actor_filter('source', b)} AND {actor_filter('target', a)})"
    first, last = require_day(start, "start"), require_day(end, "end")
    lo = f"DATE '{first.isoformat()}'" if first else "(SELECT min(day) FROM merged)"
    hi = f"DATE '{last.isoformat()}'" if last else "(SELECT max(day) FROM merged)"
    chosen = f"counted AND ({pair}) AND day IS NOT NULL AND {date_window('day', start, end)}"
    sql = f"""
    WITH mentions AS (
        SELECT merged_id, day, quad_class, goldstein, tone FROM events
        WHERE {chosen} AND {fits_axis(by)}
    ), merged AS (
        SELECT min(day) AS day, any_value(quad_class) AS quad_class,
               any_value(goldstein) AS goldstein, avg(tone) AS tone
        FROM mentions GROUP BY merged_id
    ), ev AS (
        SELECT strftime(day, '{fmt}') AS period, count(*) AS events,
               count(*) FILTER (WHERE quad_class = 1) AS quad1,
               count(*) FILTER (WHERE quad_class = 2) AS quad2,
               count(*) FILTER (WHERE quad_class = 3) AS quad3,
               count(*) FILTER (WHERE quad_class = 4) AS quad4,
               sum(goldstein) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               avg(tone) AS tone_mean
        FROM merged GROUP BY period
    ), arts AS (
        SELECT strftime(published, '{fmt}') AS period, count(*) AS articles FROM articles
        WHERE published IS NOT NULL AND {date_window("published", start, end)} GROUP BY period
    ), axis AS (
        {calendar(lo, hi, by)} WHERE EXISTS (SELECT 1 FROM merged)
    )
    SELECT axis.period,
           coalesce(events, 0) AS events, coalesce(quad1, 0) AS quad1,
           coalesce(quad2, 0) AS quad2, coalesce(quad3, 0) AS quad3, coalesce(quad4, 0) AS quad4,
           coalesce(goldstein_sum, 0.0) AS goldstein_sum, goldstein_mean, tone_mean,
           coalesce(articles, 0) AS articles,
           CASE WHEN coalesce(articles, 0) > 0 THEN 100.0 * coalesce(events, 0) / articles END
               AS events_per_100_articles
    FROM axis LEFT JOIN ev USING (period) LEFT JOIN arts USING (period)
    ORDER BY axis.period
    """
    df = con.execute(sql).df()
    for col in ("events", "quad1", "quad2", "quad3", "quad4", "articles"):
        df[col] = df[col].astype("int64")
    df = df[SERIES_COLUMNS]
    off = con.execute(f"""SELECT count(DISTINCT merged_id) FROM events WHERE {chosen}
        AND merged_id NOT IN (SELECT merged_id FROM events WHERE {chosen} AND {fits_axis(by)})
        """).fetchone()
    df.attrs["off_axis"] = int(off[0]) if off else 0  # events dated too coarsely for ``by``
    return df


def volume_series(con: duckdb.DuckDBPyConnection, *, by: str = "month") -> pd.DataFrame:
    """Articles (by publication date) and counted merged events (by their own date) per
    period, with events by QuadClass, on a calendar-true axis: every period from the first
    to the last publication (empty periods with zeros). Events dated outside that span
    (history a story recalls, plans ahead), undated events and events dated more coarsely
    than the period (see :func:`fits_axis`) are on no period.

    Columns: period, articles, events, quad1..quad4 (integers).
    """
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, not {by!r}")
    fmt = PERIODS[by]
    lo, hi = "(SELECT min(published) FROM articles)", "(SELECT max(published) FROM articles)"
    sql = f"""
    WITH axis AS ({calendar(lo, hi, by)} WHERE EXISTS (SELECT 1 FROM articles
                                                      WHERE published IS NOT NULL)),
    a AS (SELECT strftime(published, '{fmt}') AS period, count(*) AS articles FROM articles
          WHERE published IS NOT NULL GROUP BY 1),
    e AS (SELECT strftime(day, '{fmt}') AS period, count(*) AS events,
                 count(*) FILTER (WHERE quad_class = 1) AS quad1,
                 count(*) FILTER (WHERE quad_class = 2) AS quad2,
                 count(*) FILTER (WHERE quad_class = 3) AS quad3,
                 count(*) FILTER (WHERE quad_class = 4) AS quad4
          FROM merged_events WHERE counted AND day IS NOT NULL AND {fits_axis(by)} GROUP BY 1)
    SELECT axis.period, coalesce(articles, 0) AS articles, coalesce(events, 0) AS events,
           coalesce(quad1, 0) AS quad1, coalesce(quad2, 0) AS quad2,
           coalesce(quad3, 0) AS quad3, coalesce(quad4, 0) AS quad4
    FROM axis LEFT JOIN a USING (period) LEFT JOIN e USING (period) ORDER BY axis.period
    """
    df = con.execute(sql).df()
    for col in ("articles", "events", "quad1", "quad2", "quad3", "quad4"):
        df[col] = df[col].astype("int64")
    return df


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
    where = f"counted AND {date_window('day', start, end)}"
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


DYAD_COLUMNS = ["source", "target", "events", "quad1", "quad2", "quad3", "quad4", "conflict",
                "goldstein_mean", "articles"]


def top_dyads_query(n: int = 20, start: Day = None, end: Day = None, *,
                    by: str = "code", directed: bool = True, international: bool = False
                    ) -> str:
    """SQL for the ``n`` dyads with most events: the one counting rule every caller uses.

    An event is a merged event (its mentions across an article counted once) that is
    ``counted`` (neither a background reference nor a duplicate); a dyad names both sides.
    ``by``: "code" (TURGOV) or "country" (TUR). ``directed`` False folds A->B and B->A into
    one pair (source < target alphabetically); ``international`` leaves out pairs whose two
    sides are the same. Columns: :data:`DYAD_COLUMNS` (conflict = quad3 + quad4)."""
    if by not in ("code", "country"):
        raise QueryError(f"by must be 'code' or 'country', not {by!r}")
    s, t = ("source_code", "target_code") if by == "code" else ("source_country",
                                                                  "target_country")
    a, b = (s, t) if directed else (f"least({s}, {t})", f"greatest({s}, {t})")
    where = (f"counted AND {s} IS NOT NULL AND {t} IS NOT NULL AND "
             f"{date_window('day', start, end)}" + (f" AND {s} <> {t}" if international else ""))
    return f"""
    WITH m AS (
        SELECT merged_id, any_value({a}) AS source, any_value({b}) AS target,
               any_value(quad_class) AS quad_class, any_value(goldstein) AS goldstein
        FROM events WHERE {where} GROUP BY merged_id
    ), arts AS (
        SELECT {a} AS source, {b} AS target, count(DISTINCT article_id) AS articles
        FROM events WHERE {where} GROUP BY ALL
    )
    SELECT source, target, count(*) AS events,
           count(*) FILTER (WHERE quad_class = 1) AS quad1,
           count(*) FILTER (WHERE quad_class = 2) AS quad2,
           count(*) FILTER (WHERE quad_class = 3) AS quad3,
           count(*) FILTER (WHERE quad_class = 4) AS quad4,
           count(*) FILTER (WHERE quad_class >= 3) AS conflict,
           avg(goldstein) AS goldstein_mean, any_value(arts.articles) AS articles
    FROM m JOIN arts USING (source, target)
    GROUP BY source, target ORDER BY events DESC, source, target LIMIT {int(n)}
    """


def top_dyads(
    con: duckdb.DuckDBPyConnection,
    n: int = 20,
    start: str | None = None,
    end: str | None = None,
    *,
    by: str = "code",
    directed: bool = True,
    international: bool = False,
) -> pd.DataFrame:
    """The ``n`` dyads with most events (see :func:`top_dyads_query` for the rule)."""
    sql = top_dyads_query(n, start, end, by=by, directed=directed, international=international)
    return con.execute(sql).df()
