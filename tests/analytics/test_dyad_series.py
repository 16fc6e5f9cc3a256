"""Dyad series, rankings and networks on a small hand-made store."""

from __future__ import annotations

import pandas as pd
import pytest

import newsgraph
from newsgraph.analytics import dyad_series, network, top_actors, top_dyads
from newsgraph.errors import QueryError
from newsgraph.store import Store
from newsgraph.testing import synthetic_record

HIT, MEET, THREAT = ("190", 4, -10.0), ("036", 1, 4.0), ("130", 3, -4.4)


def _ev(src, tgt, code, s_sector="GOV", t_sector=""):
    return (src, s_sector, tgt, t_sector, *code)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("dyad") / "d.duckdb"
    recs = [
        synthetic_record("n1", "2015-11-24", [_ev("TUR", "RUS", HIT)], text="Jet downing report A."),
        # A second report of the same downing: one event, two mentions.
        synthetic_record("n2", "2015-11-24", [_ev("TUR", "RUS", HIT)], text="Jet downing report B."),
        synthetic_record("n3", "2015-12-02", [_ev("RUS", "TUR", THREAT, "GOV", "GOV")],
                         text="Moscow threatens Ankara."),
        synthetic_record("n4", "2016-08-09", [_ev("TUR", "RUS", MEET), _ev("RUS", "TUR", MEET)],
                         text="Leaders meet in St Petersburg."),
        synthetic_record("n5", "2016-08-10", [_ev("USA", "TUR", MEET)], text="Washington talks."),
        synthetic_record("n6", "2016-08-11", [], text="An article with no events."),
    ]
    with Store(path) as s:
        s.write(recs)
    return path


@pytest.fixture
def con(store):
    with Store(store, read_only=True) as s:
        yield s.con


def test_dyad_series_counts_events_not_reports(con):
    df = dyad_series(con, "TUR", "RUS", by="month")
    assert list(df.columns) == ["period", "events", "quad1", "quad2", "quad3", "quad4",
                                "goldstein_sum", "goldstein_mean", "tone_mean", "articles",
                                "events_per_100_articles"]
    nov = df.set_index("period").loc["2015-11"]
    assert nov.events == 1 and nov.quad4 == 1 and nov.goldstein_sum == -10.0
    assert nov.articles == 2
    assert nov.events_per_100_articles == pytest.approx(50.0)


def test_undirected_counts_both_directions_and_directed_only_one(con):
    both = dyad_series(con, "TUR", "RUS").set_index("period")
    one = dyad_series(con, "TUR", "RUS", directed=True).set_index("period")
    assert both.loc["2016-08"].events == 2
    assert one.loc["2016-08"].events == 1
    assert both.loc["2015-12"].events == 1 and one.loc["2015-12"].events == 0


def test_months_without_events_inside_the_span_are_present_with_zero(con):
    df = dyad_series(con, "TUR", "RUS")
    periods = df.period.tolist()
    # Every month from the first event to the last, although no article at all was
    # published from January to July 2016.
    assert periods == ["2015-11", "2015-12"] + [f"2016-{m:02d}" for m in range(1, 9)]
    empty = df.set_index("period").loc["2016-01":"2016-07"]
    assert (empty.events == 0).all() and (empty.quad4 == 0).all() and (empty.articles == 0).all()
    assert empty.goldstein_mean.isna().all() and (empty.goldstein_sum == 0).all()
    assert df.events.sum() == 4
    assert all(str(df[c].dtype) == "int64" for c in ("events", "quad1", "quad4", "articles"))


@pytest.mark.parametrize(("by", "first", "last", "n"), [
    ("day", "2015-11-24", "2016-08-09", 260),
    ("week", "2015-W48", "2016-W32", 38),
    ("year", "2015", "2016", 2),
])
def test_every_period_is_on_the_axis(con, by, first, last, n):
    df = dyad_series(con, "TUR", "RUS", by=by)
    assert (df.period.iloc[0], df.period.iloc[-1], len(df)) == (first, last, n)
    assert df.period.is_unique and df.period.is_monotonic_increasing
    assert df.events.sum() == 4


def test_a_window_sets_the_axis_and_nothing_matching_is_empty(con):
    df = dyad_series(con, "TUR", "RUS", start="2015-10-01", end="2016-09-30")
    assert df.period.iloc[0] == "2015-10" and df.period.iloc[-1] == "2016-09"
    assert df.set_index("period").loc["2015-10"].events == 0
    assert dyad_series(con, "TUR", "RUS", start="2017-01-01").empty
    assert dyad_series(con, "USA", "RUS").empty  # no event between them: no axis either


def test_past_references_fall_in_their_own_month_and_undated_events_in_none(tmp_path):
    from dataclasses import replace

    past = synthetic_record("p1", "2016-08-09", [_ev("TUR", "RUS", HIT)])
    past.events[0] = replace(past.events[0], date="2015-11", date_resolution="month",
                             time_status="past")
    undated = synthetic_record("u1", "", [_ev("TUR", "RUS", HIT)])
    news = synthetic_record("n1", "2016-08-09", [_ev("TUR", "RUS", MEET)])
    with Store(tmp_path / "p.duckdb") as s:
        s.write([past, undated, news])
        df = dyad_series(s.con, "TUR", "RUS").set_index("period")
    assert df.loc["2015-11"].quad4 == 1 and df.loc["2016-08"].quad4 == 0
    assert df.loc["2016-08"].events == 1 and df.events.sum() == 2  # the undated one: no month
    assert len(df) == 10


def test_composite_codes_and_date_window(con):
    df = dyad_series(con, "TURGOV", "RUS", directed=True, start="2016-01-01")
    assert df.events.sum() == 1
    assert dyad_series(con, "TUR", "RUS", by="year").period.tolist() == ["2015", "2016"]
    assert dyad_series(con, "TUR", "CHN").empty


def test_bad_arguments_are_refused(con):
    with pytest.raises(QueryError):
        dyad_series(con, "TUR", "RUS", by="fortnight")
    with pytest.raises(QueryError):
        dyad_series(con, "TUR'; DROP TABLE events; --", "RUS")
    with pytest.raises(QueryError) as err:
        dyad_series(con, "TUR", "RUS", start="2016-13-01")
    assert err.value.code == "E045"


def test_top_actors_dyads_and_network(con):
    actors = top_actors(con, 3, by="country")
    assert actors.actor.tolist()[0] == "TUR"
    # The downing (2 reports, 1 event), the threat, 2 meetings, the US talks.
    assert actors.set_index("actor").loc["TUR"].events == 5
    dyads = top_dyads(con, 10)
    assert isinstance(dyads, pd.DataFrame)
    assert dyads.iloc[0].events >= dyads.iloc[-1].events
    g = network(con, by="country")
    assert g["TUR"]["RUS"]["weight"] == 2
    assert g["TUR"]["RUS"]["goldstein"] == pytest.approx(-3.0)
    assert not g.has_edge("TUR", "CHN")


def test_the_python_api_answers_the_same(store):
    with newsgraph.open_store(str(store), read_only=True) as s:
        assert s.dyad("TUR", "RUS").events.sum() == 4
        assert not s.top_actors(2).empty


def test_an_event_dated_only_to_a_year_is_on_no_month(tmp_path):
    # "Russia imposed sanctions on Turkey in late 2015", told in 2017: a year, not a month.
    rec = synthetic_record("y1", "2017-05-03", [_ev("RUS", "TUR", THREAT)], text="Looking back.")
    ev = rec.events[0]
    ev.date, ev.date_resolution, ev.time_status = "2015", "part_of_year", "past"
    later = synthetic_record("y2", "2015-11-24", [_ev("TUR", "RUS", HIT)], text="Jet down.")
    with Store(tmp_path / "y.duckdb") as s:
        s.write([rec, later])
        monthly = dyad_series(s.con, "TUR", "RUS", by="month")
        yearly = dyad_series(s.con, "TUR", "RUS", by="year").set_index("period")
    assert "2015-01" not in set(monthly.period)  # no January spike from "late 2015"
    assert monthly.events.sum() == 1 and monthly.attrs["off_axis"] == 1
    assert yearly.loc["2015"].events == 2 and yearly.attrs["off_axis"] == 0
