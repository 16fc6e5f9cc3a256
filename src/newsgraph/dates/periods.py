"""The calendar period a resolved date value covers, and how periods compare.

Values are those of :class:`~newsgraph.model.DateMention`: ``2016-08-09`` (day),
``2016-06`` (month), ``2016-W32`` (ISO week), ``2015`` (year), ``2016/2019`` (range or
decade). A period is the inclusive pair (first day, last day).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

Period = tuple[dt.date, dt.date]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_RANGE = re.compile(r"(\d{4})/(\d{4})")


def period(value: str | None) -> Period | None:
    """(first day, last day) of ``value``, or None when it is no calendar value."""
    if not value:
        return None
    try:
        if m := _DAY.fullmatch(value):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := _MONTH.fullmatch(value):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := _WEEK.fullmatch(value):
            first = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + dt.timedelta(days=6)
        if m := _YEAR.fullmatch(value):
            y = int(m[1])
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := _RANGE.fullmatch(value):
            return dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31)
    except ValueError:
        return None
    return None


def contains(outer: str | None, inner: str | None) -> bool:
    """True when the period of ``inner`` lies inside that of ``outer`` (2015 contains 2015-11)."""
    a, b = period(outer), period(inner)
    return bool(a and b and a[0] <= b[0] and b[1] <= a[1])


def compatible(x: str | None, y: str | None) -> bool:
    """Two dates that may name the same happening: one period inside the other."""
    return contains(x, y) or contains(y, x)


def span_days(value: str | None) -> int:
    """Length of the value's period in days (a smaller one is more precise); huge if none."""
    p = period(value)
    return (p[1] - p[0]).days + 1 if p else 1 << 30
