from __future__ import annotations

import numpy as np
import pandas as pd

from newsgraph.analytics import change_points


def _series(values):
    periods = [f"{2014 + i // 12}-{i % 12 + 1:02d}" for i in range(len(values))]
    return pd.DataFrame({"period": periods, "goldstein_mean": values})


def test_a_step_up_is_found_where_it_happens_and_called_cooperative():
    rng = np.random.default_rng(3)
    values = np.r_[rng.normal(-5, 0.5, 18), rng.normal(2, 0.5, 12)]
    points = change_points(_series(values))
    assert len(points) == 1
    assert points[0]["period"] == "2015-07"
    assert points[0]["direction"] == "cooperative"
    assert points[0]["magnitude"] > 5
    assert "binary segmentation" in points[0]["method"]


def test_two_steps_give_two_points_in_order():
    rng = np.random.default_rng(4)
    values = np.r_[rng.normal(2, 0.4, 10), rng.normal(-6, 0.4, 10), rng.normal(1, 0.4, 10)]
    points = change_points(_series(values))
    assert [p["direction"] for p in points] == ["hostile", "cooperative"]


def test_noise_alone_has_no_change_point():
    rng = np.random.default_rng(5)
    assert change_points(_series(rng.normal(0, 1, 48))) == []


def test_short_or_empty_series_give_nothing():
    assert change_points(_series([1.0, 2.0, 3.0])) == []
    assert change_points(_series([np.nan] * 10)) == []


def _calendar(values, events):
    """A calendar-true monthly series: ``values`` with NaN (and 0 events) for empty months."""
    df = _series(values)
    df["events"] = events
    return df


def test_empty_months_keep_their_place_and_do_not_make_a_change():
    """Steady relations reported in bursts: gaps between bursts are no change."""
    values, events = [], []
    for i in range(36):
        busy = i % 6 < 2
        values.append(-1.0 + 0.1 * ((i * 7) % 3 - 1) if busy else np.nan)
        events.append(5 if busy else 0)
    assert change_points(_calendar(values, events)) == []


def test_a_step_after_a_gap_is_reported_at_the_first_month_with_events():
    rng = np.random.default_rng(7)
    values = [*rng.normal(3, 0.3, 12), *[np.nan] * 6, *rng.normal(-6, 0.3, 12)]
    events = [4] * 12 + [0] * 6 + [4] * 12
    points = change_points(_calendar(values, events))
    assert len(points) == 1
    assert points[0]["period"] == "2015-07"  # month 18: the first after the empty half year
    assert points[0]["direction"] == "hostile" and points[0]["before"] > 2


def test_one_event_does_not_outweigh_many():
    """A single hostile event in a busy cooperative stretch is noise, not a new regime;
    the same values counted as many events each are a change."""
    values = [2.0, 2.1, 1.9, 2.0, -8.0, -8.0, 2.0, 2.1, 1.9, 2.0, 2.0, 1.9]
    few = [20, 20, 20, 20, 1, 1, 20, 20, 20, 20, 20, 20]
    assert change_points(_calendar(values, few)) == []
    assert change_points(_calendar(values, [20] * 12))
