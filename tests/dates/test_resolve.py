"""Resolution rules for single expressions (no parsing needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.dates import resolve

TUE = dt.date(2016, 8, 9)  # the seed article's publication day, a Tuesday


@pytest.mark.parametrize(
    ("text", "tense", "value", "resolution"),
    [
        ("November past year", "", "2015-11", "month"),
        ("late June", "", "2016-06", "part_of_month"),
        ("later Tuesday", "future", "2016-08-09", "day"),
        ("Wednesday", "future", "2016-08-10", "day"),
        ("Wednesday", "past", "2016-08-03", "day"),
        ("Tuesday", "", "2016-08-09", "day"),
        ("last Tuesday", "", "2016-08-02", "day"),
        ("next Monday", "", "2016-08-15", "day"),
        ("the year 2016 to 2019", "", "2016/2019", "range"),
        ("2014-15", "", "2014/2015", "range"),
        ("today", "", "2016-08-09", "day"),
        ("yesterday", "", "2016-08-08", "day"),
        ("24 November 2015", "", "2015-11-24", "day"),
        ("Nov. 24, 2015", "", "2015-11-24", "day"),
        ("Nov 24", "past", "2015-11-24", "day"),
        ("Nov 24", "future", "2016-11-24", "day"),
        ("last month", "", "2016-07", "month"),
        ("next week", "", "2016-W33", "week"),
        ("two years ago", "", "2014", "year"),
        ("December", "", "2015-12", "month"),
        ("December", "future", "2016-12", "month"),
        ("last June", "", "2016-06", "month"),
        ("the 1990s", "", "1990/1999", "decade"),
        ("mid-2015", "", "2015", "part_of_year"),
    ],
)
def test_resolves_against_publication_date(text, tense, value, resolution):
    res = resolve(text, TUE, tense)
    assert (res.value, res.resolution) == (value, resolution)
    assert res.reason is None


def test_part_of_month_keeps_which_part():
    assert resolve("late June", TUE).qualifier == "late"
    assert resolve("early March 2014", TUE).qualifier == "early"


def test_relative_expression_without_publication_date_says_why():
    res = resolve("later Tuesday", None)
    assert res.value is None and "no publication date" in res.reason


def test_absolute_date_needs_no_publication_date():
    assert resolve("12 March 1999", None).value == "1999-03-12"


@pytest.mark.parametrize("text", ["31 February 2015", "2019 to 2016"])
def test_impossible_dates_are_unresolved_with_reason(text):
    res = resolve(text, TUE)
    assert res.value is None and res.reason


def test_durations_are_not_points_in_time():
    res = resolve("the past two weeks", TUE)
    assert res.value is None and res.resolution == "duration"
