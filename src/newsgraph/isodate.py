"""ISO calendar days, read in one way everywhere: records, stores, queries, options.

``parse_day`` is lenient (a stored or scraped value: the first ten characters, None when
they are no date); ``require_day`` is strict (what a user typed: a :class:`QueryError`
naming the value); ``date_window`` is the one SQL condition for "between two days".
"""

from __future__ import annotations

import datetime as dt

from .errors import QueryError

Day = dt.date | str | None


def parse_day(value: Day) -> dt.date | None:
    """``2016-08-09`` or ``2016-08-09T10:00:00Z`` -> that day; anything else -> None."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10]) if value.strip() else None
    except ValueError:
        return None


def require_day(value: Day, what: str = "date") -> dt.date | None:
    """A day a user gave (None stays None); anything but YYYY-MM-DD is a QueryError."""
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise QueryError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None


def date_window(column: str, start: Day = None, end: Day = None) -> str:
    """SQL: ``column`` between the two days, each bound optional ("TRUE" with none).
    The days are checked first, so the literals in the SQL are always plain dates."""
    lo, hi = require_day(start, "start"), require_day(end, "end")
    parts = [f"{column} >= DATE '{lo.isoformat()}'"] if lo else []
    if hi:
        parts.append(f"{column} <= DATE '{hi.isoformat()}'")
    return " AND ".join(parts) or "TRUE"
