"""Find an article's publication date in its metadata, its URL or its first lines.

Order of trust: an explicit metadata date (HTML ``<meta>``, feed field), then a full date
in the URL path, then a dateline or byline date in the first lines of the text, then a
month-only URL date. dateparser reads only the metadata string, which is an absolute form;
free text is searched with our own patterns (dateparser would read "we" as Wednesday).
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from .lexicon import MONTHS

log = logging.getLogger(__name__)

_HEAD_CHARS = 600  # the dateline or byline sits in the first few lines
_MON = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
_URL_DAY = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)([/_-]?)(?P<m>[01]\d)\2(?P<d>[0-3]\d)(?!\d)")
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]\d)/")
_TEXT_DATES = [
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? {_MON},? (?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_MON} (?P<d>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b"),
]
# "ANKARA, Nov 24 (Reuters) -": a dateline without a year.
_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'-]{{1,40}},\s+{_MON} (?P<d>\d{{1,2}})\s*(?:\((?P<agency>[^)]{{2,30}})\))?",
    re.M,
)


def _date(y: str, m: str | int, d: str) -> dt.date | None:
    month = m if isinstance(m, int) else (int(m) if m.isdigit() else MONTHS[m.lower()[:3]])
    try:
        return dt.date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


def _from_meta(meta: str) -> dt.date | None:
    meta = meta.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", meta)
    if m:
        return _date(m[1], m[2], m[3])
    import dateparser  # imported late: it is slow to load and rarely needed

    parsed = dateparser.parse(
        meta, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


def _from_url(url: str) -> tuple[str | None, str]:
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    m = _URL_DAY.search(path)
    if m:
        d = _date(m["y"], m["m"], m["d"])
        if d:
            return d.isoformat(), f"date in the URL path ({m.group(0)})"
    m = _URL_MONTH.search(path)
    if m and 1 <= int(m["m"]) <= 12:
        return f"{m['y']}-{m['m']}", f"year and month in the URL path ({m.group(0)}); no day"
    return None, ""


def _from_head(text: str) -> tuple[str | None, str]:
    head = text.lstrip()[:_HEAD_CHARS]
    # Only short lines (bylines, datelines) or a line's start count: a date deep in the
    # first paragraph is more likely an event's date than the publication date.
    for line in head.splitlines()[:6]:
        for pattern in _TEXT_DATES:
            m = pattern.search(line)
            if m and (len(line) <= 80 or m.start() <= 40):
                d = _date(m["y"], m.groupdict().get("m") or m["mon"], m["d"])
                if d:
                    return d.isoformat(), f"date near the top of the text ({m.group(0)!r})"
    m = _DATELINE.search(head)
    if m:
        return None, f"dateline {m.group(0).strip()!r} gives a day and month but no year"
    return None, ""


def find_published(
    text: str, url: str | None = None, html_meta_date: str | None = None
) -> tuple[str | None, str]:
    """Publication date as ISO text ("2016-08-09", or "2016-08" from a month-only URL)
    and the reason: where it was found, or why none was."""
    if html_meta_date:
        d = _from_meta(html_meta_date)
        if d:
            return d.isoformat(), f"metadata date ({html_meta_date.strip()!r})"
        log.debug("unreadable metadata date %r", html_meta_date)
    url_value, url_reason = _from_url(url) if url else (None, "")
    if url_value and len(url_value) == 10:
        return url_value, url_reason
    value, reason = _from_head(text or "")
    if value:
        return value, reason
    if url_value:
        return url_value, url_reason
    if reason:  # a year-less dateline: say so
        return None, reason
    return None, "no date in the metadata, the URL or the first lines of the text"
