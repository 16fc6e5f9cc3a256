"""Resolve one temporal expression against the publication date.

Each rule is a regular expression over the normalised expression (lower case, single
spaces, no leading "the"/"on"/"in") and a function that turns the match into a
:class:`Resolution`. Rules are tried in order; the first that matches wins.

News conventions used here (docs/dates.md explains them with examples):

* a bare weekday is the nearest such day in the publication week: on or before the
  publication date for past or undetermined tense, on or after it for a future verb;
* a month without a year is the most recent such month (the current one included), or
  the coming one when the verb is future;
* "last June" is the most recent June strictly before the publication month;
  "June last year" / "June past year" is June of the previous year.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import (
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    NUMBER_WORDS,
    PART_RE,
    PARTS,
    QUARTERS,
    SEASONS,
    WEEKDAY_RE,
    WEEKDAYS,
)

Tense = str  # "past" | "present" | "future" | "" (unknown)


@dataclass(frozen=True)
class Resolution:
    value: str | None
    resolution: str | None
    rule: str
    reason: str | None = None
    qualifier: str | None = None


NO_DATE = "relative expression and no publication date to resolve it against"


def normalise(text: str) -> str:
    s = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'")).strip(" .,;:")
    s = re.sub(r"\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.", r"\1", s)
    s = s.replace("–", "-").replace("—", "-")
    s = re.sub(r"^(?:on|in|at|during|of)\s+", "", s)
    return re.sub(r"^the\s+(?!past|last|next|end|beginning|start|middle|day)", "", s)


def _month(m: str) -> int:
    return MONTHS[m.rstrip(".")]


def _year(y: str, ref: dt.date | None) -> int:
    n = int(y)
    if len(y) == 2:  # '16 or the second half of "2016-19"
        century = (ref.year // 100 * 100) if ref else 2000
        n += century
    return n


def _iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def _month_year(month: int, ref: dt.date, tense: Tense, rel: str) -> int:
    """Year of a month named without one (see the module notes)."""
    if rel in {"last year", "past year", "of last year", "previous year"}:
        return ref.year - 1
    if rel in {"next year", "of next year"}:
        return ref.year + 1
    if rel in {"this year", "of this year"}:
        return ref.year
    if rel in {"last", "past", "previous"}:
        return ref.year if month < ref.month else ref.year - 1
    if rel in {"next", "coming"}:
        return ref.year if month > ref.month else ref.year + 1
    if tense == "future":
        return ref.year if month >= ref.month else ref.year + 1
    if tense == "present" and month > ref.month:  # the nearest: ahead when closer
        return ref.year if month - ref.month <= 12 - month + ref.month else ref.year - 1
    return ref.year if month <= ref.month else ref.year - 1


def _day_year(month: int, day: int, ref: dt.date, tense: Tense) -> int:
    """Year of a day-and-month date without a year: on or after the publication date
    for a future verb, the nearest for a present one, on or before it otherwise."""
    this = _safe_date(ref.year, month, day)
    if this is None:
        return ref.year
    if tense == "future":
        return ref.year if this >= ref else ref.year + 1
    if tense == "present":
        other = _safe_date(ref.year + (1 if this < ref else -1), month, day) or this
        return this.year if abs((this - ref).days) <= abs((other - ref).days) else other.year
    return ref.year if this <= ref else ref.year - 1


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _day(d: dt.date | None, rule: str, bad: str = "not a valid calendar date") -> Resolution:
    if d is None:
        return Resolution(None, None, rule, bad)
    return Resolution(d.isoformat(), "day", rule)


# -- rule functions: (match, ref, tense) -> Resolution ---------------------------------

Handler = Callable[[re.Match[str], dt.date | None, Tense], Resolution]


def _iso(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    return _day(_safe_date(int(m["y"]), int(m["m"]), int(m["d"])), "absolute_iso")


def _absolute_day(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    return _day(_safe_date(_year(m["y"], ref), _month(m["mon"]), int(m["d"])), "absolute_day")


def _day_month(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    mon, d = _month(m["mon"]), int(m["d"])
    if ref is None:
        return Resolution(None, "day", "day_month", "day and month without a year; " + NO_DATE)
    return _day(_safe_date(_day_year(mon, d, ref, tense), mon, d), "day_month_nearest_year")


def _month_with_year(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    value = _iso_month(_year(m["y"], ref), _month(m["mon"]))
    part = PARTS.get(m["part"] or "")
    if part:
        return Resolution(value, "part_of_month", "part_of_month_year", qualifier=part)
    return Resolution(value, "month", "month_year")


def _month_relative(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    part = PARTS.get(m["part"] or "")
    resolution = "part_of_month" if part else "month"
    if ref is None:
        return Resolution(None, resolution, "month_without_year", NO_DATE, part)
    rel = (m["pre"] or m["post"] or "").strip()
    year = _month_year(_month(m["mon"]), ref, tense, rel)
    rule = "month_" + (rel.replace(" ", "_") if rel else f"nearest_{tense or 'past'}")
    return Resolution(_iso_month(year, _month(m["mon"])), resolution, rule, qualifier=part)


def _year_only(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    part = PARTS.get((m["part"] or "").rstrip("-"))
    if part:
        return Resolution(m["y"], "part_of_year", "part_of_year", qualifier=part)
    return Resolution(m["y"], "year", "year")


def _year_range(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    a, b = int(m["a"]), int(m["b"])
    if len(m["b"]) == 2:
        b = a // 100 * 100 + b
    if b <= a:
        return Resolution(None, None, "year_range", "range ends before it starts")
    return Resolution(f"{a}/{b}", "range", "year_range")


def _decade(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    start = int(m["d"]) * 10
    return Resolution(f"{start}/{start + 9}", "decade", "decade")


def _relative_day(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    word = m["w"]
    offset = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1}[word]
    if m["before"]:
        offset = -2 if word == "yesterday" else 2
    if ref is None:
        return Resolution(None, "day", f"relative_day_{word}", NO_DATE)
    return _day(ref + dt.timedelta(days=offset), f"relative_day_{word}")


def _weekday(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    wd = WEEKDAYS[m["wd"]]
    rel = m["rel"] or ""
    rule = f"weekday_{rel or 'bare'}"
    if ref is None:
        return Resolution(None, "day", rule, NO_DATE)
    back = (ref.weekday() - wd) % 7  # days since the most recent such day (0 = today)
    ahead = (wd - ref.weekday()) % 7  # days until the next such day (0 = today)
    if rel in {"last", "past", "previous"}:
        delta = -(back or 7)
    elif rel in {"next", "coming"}:
        delta = ahead or 7
    elif rel in {"later", "earlier"} and back == 0:
        delta = 0  # "later Tuesday" in a Tuesday story is that same day
    elif tense == "future":
        delta, rule = ahead, rule + "_future"
    elif tense == "present":
        delta, rule = (ahead if ahead <= 3 else -back), rule + "_present"
    else:
        delta = -back
    return _day(ref + dt.timedelta(days=delta), rule)


def _week(ref: dt.date, k: int) -> str:
    y, w, _ = (ref + dt.timedelta(weeks=k)).isocalendar()
    return f"{y}-W{w:02d}"


_UNIT_SHIFT = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1}


def _relative_unit(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    unit, rel = m["unit"], m["rel"]
    resolution = "week" if unit == "weekend" else unit
    rule = f"relative_{unit}_{rel}".replace(" ", "_")
    if ref is None:
        return Resolution(None, resolution, rule, NO_DATE)
    k = _UNIT_SHIFT.get(rel, 0)  # "earlier this", "later this" -> the current unit
    qualifier = (
        "early" if rel.startswith("earlier") else "late" if rel.startswith("later") else None
    )
    if unit == "year":
        return Resolution(str(ref.year + k), "year", rule, qualifier=qualifier)
    if unit == "month":
        return Resolution(_iso_month(*_shift_month(ref.year, ref.month, k)), "month", rule,
                          qualifier=qualifier)  # fmt: skip
    return Resolution(_week(ref, k), "week", rule, qualifier=qualifier)


def _ago(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    n = NUMBER_WORDS.get(m["n"]) or int(m["n"])
    unit = m["unit"]
    rule = f"{unit}s_ago"
    if ref is None:
        return Resolution(None, unit, rule, NO_DATE)
    if unit == "day":
        return _day(ref - dt.timedelta(days=n), rule)
    if unit == "week":
        return Resolution(_week(ref, -n), "week", rule)
    if unit == "month":
        return Resolution(_iso_month(*_shift_month(ref.year, ref.month, -n)), "month", rule)
    return Resolution(str(ref.year - n), "year", rule)


def _season(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    first, last = SEASONS[m["s"]]
    if m["y"]:
        year = int(m["y"])
    elif ref is None:
        return Resolution(None, "season", "season", NO_DATE)
    else:
        year = _season_year(first, ref, m["rel"] or "")
    end_year = year + 1 if last < first else year
    return Resolution(f"{_iso_month(year, first)}/{_iso_month(end_year, last)}", "season", "season")


def _season_year(first: int, ref: dt.date, rel: str) -> int:
    """Start year of the season meant: "last" = the latest one already over, "next" =
    the first not yet begun, otherwise the current or latest begun one."""
    now = ref.year * 12 + ref.month - 1
    begun = ref.year if ref.month >= first else ref.year - 1  # latest start on or before now
    in_it = now - (begun * 12 + first - 1) < 3
    if rel in ("last", "past"):
        return begun - 1 if in_it else begun
    if rel == "next":
        return begun + 1
    return begun


def _quarter(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    q = QUARTERS[m["q"]]
    if m["y"]:
        year = int(m["y"])
    elif ref is None:
        return Resolution(None, "quarter", "quarter", NO_DATE)
    else:
        year = ref.year if q <= (ref.month - 1) // 3 + 1 else ref.year - 1
    return Resolution(f"{year}-Q{q}", "quarter", "quarter")


def _duration(m: re.Match[str], ref: dt.date | None, tense: Tense) -> Resolution:
    return Resolution(None, "duration", "duration", "a duration, not a point in time")


_Y = r"(?:1[5-9]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)?"
_WDP = rf"(?:(?:{WEEKDAY_RE}),? )?"
_UNITS = r"(?:second|minute|hour|day|night|week|weekend|month|year|decade|century|centuries)s?"

RULES: list[tuple[re.Pattern[str], Handler]] = [
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})$"), _iso),
    (re.compile(rf"^{_WDP}(?P<d>\d{{1,2}}){_ORD} (?:of )?(?P<mon>{MONTH_RE}),? (?P<y>{_Y})$"),
     _absolute_day),
    (re.compile(rf"^{_WDP}(?P<mon>{MONTH_RE}) (?P<d>\d{{1,2}}){_ORD},? (?P<y>{_Y})$"),
     _absolute_day),
    (re.compile(rf"^{_WDP}(?P<d>\d{{1,2}}){_ORD} (?:of )?(?P<mon>{MONTH_RE})$"), _day_month),
    (re.compile(rf"^{_WDP}(?P<mon>{MONTH_RE}) (?P<d>\d{{1,2}}){_ORD}$"), _day_month),
    (re.compile(rf"^(?:(?P<part>{PART_RE})[- ]?)?(?P<mon>{MONTH_RE}),? (?:of )?(?P<y>{_Y})$"),
     _month_with_year),
    (re.compile(
        rf"^(?:(?P<part>{PART_RE})[- ]?)?(?:(?P<pre>last|past|previous|next|coming|this) )?"
        rf"(?P<mon>{MONTH_RE})"
        rf"(?: (?P<post>(?:of )?(?:last|past|previous|next|this) year))?$"), _month_relative),
    (re.compile(rf"^(?:(?:the )?years? |(?P<part>{PART_RE})[- ]?)?(?P<y>{_Y})$"), _year_only),
    (re.compile(rf"^(?:(?:the )?years? |between |from )?(?P<a>{_Y}) ?(?:-|to|and|through|until|/)"
                rf" ?(?P<b>{_Y}|\d\d)$"), _year_range),
    (re.compile(r"^(?P<d>1[5-9]\d|20\d)0'?s$"), _decade),
    (re.compile(r"^(?P<before>the day (?:before|after) )?(?P<w>today|tonight|yesterday|tomorrow"
                r"|this)(?: (?:morning|afternoon|evening|night))?$"), _relative_day),
    (re.compile(rf"^(?:(?P<rel>last|past|previous|next|coming|this|later|earlier) )?"
                rf"(?P<wd>{WEEKDAY_RE})(?: (?:morning|afternoon|evening|night))?$"), _weekday),
    (re.compile(r"^(?P<rel>last|past|previous|this|next|coming|earlier this|later this) "
                r"(?P<unit>week|weekend|month|year)$"), _relative_unit),
    (re.compile(rf"^(?P<n>{NUMBER_RE}) (?P<unit>day|week|month|year)s? ago$"), _ago),
    (re.compile(rf"^(?:(?P<rel>last|past|next|this) )?(?P<s>spring|summer|autumn|fall|winter)"
                rf"(?: (?:of )?(?P<y>{_Y}))?$"), _season),
    (re.compile(rf"^(?P<q>first|second|third|fourth|final|last) quarter(?: (?:of )?(?P<y>{_Y}))?$"),
     _quarter),
    (re.compile(rf"(?:^|\b)(?:past|last|next|coming|few|{NUMBER_RE}|recent|several|many)"
                rf"(?: \w+)? {_UNITS}$|^(?:{_UNITS})$|^(?:daily|weekly|monthly|annual|yearly)$"),
     _duration),
]  # fmt: skip


def resolve(text: str, published: dt.date | None, tense: Tense = "") -> Resolution:
    """Resolve the temporal expression ``text`` against ``published``."""
    s = normalise(text)
    for pattern, handler in RULES:
        m = pattern.search(s)
        if m:
            try:
                res = handler(m, published, tense)
            except (OverflowError, ValueError) as exc:  # "99999999 days ago"
                return Resolution(None, None, "out_of_range", f"date out of range: {exc}")
            return _in_range(res)
    return Resolution(None, None, "unresolved", f"no date rule matches {s!r}")


_LEADING_YEAR = re.compile(r"-?\d+")


def _in_range(res: Resolution) -> Resolution:
    """``res``, or an unresolved one when its year is outside 1-9999 (no calendar date)."""
    m = _LEADING_YEAR.match(res.value or "")
    if m and not 1 <= int(m.group()) <= 9999:
        return Resolution(None, res.resolution, res.rule,
                          f"date out of range: year {m.group()} is outside 1-9999")
    return res
