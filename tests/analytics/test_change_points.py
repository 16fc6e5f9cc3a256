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
