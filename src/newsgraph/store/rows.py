"""Records to column-oriented rows for the store (one dict of lists per table).

The article and its parse are written here; each extractor's tables come from its
declaration (``newsgraph.extractors``): a ``rows(record)`` function of named values.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from ..dates.periods import period
from ..errors import PluginError
from ..extractors import Table, registry
from ..isodate import parse_day
from ..model import ArticleRecord
from .schema import TABLES


def actor_code(actor: object | None) -> str | None:
    """An actor's CAMEO code, None when it has none (or there is no actor)."""
    return (getattr(actor, "code", "") or None) if actor is not None else None


def event_day(date: str | None, published: dt.date | None) -> dt.date | None:
    """The day that stands for an event's date on a calendar axis: the publication day when
    the event's period holds it (or the event has no date of its own), else the period's
    first day (2015-11 -> 2015-11-01); None for an undated event of an undated article."""
    p = period(date)
    if p is None:
        return published
    if published is not None and p[0] <= published <= p[1]:
        return published
    return p[0]


def event_key(source: str | None, target: str | None, code: str, date: str | None,
              article_id: str) -> str:
    """The merged event a mention belongs to, across articles: the event's own date (any
    resolution, as stated or carried; the publication day otherwise), the dyad (country
    codes) and the CAMEO code family (root). A mention without any date (undated article, no
    date in the text) is keyed with its article: undated mentions never merge across
    articles; mentions that carry a dated anchor from their article do."""
    anchor = date if date else f"undated:{article_id}"
    key = f"{source or ''}|{target or ''}|{code[:2]}|{anchor}"
    return hashlib.sha1(key.encode()).hexdigest()[:16]


def merged_id(source: str | None, target: str | None, cameo: str, day: dt.date | None) -> str:
    """Key of synthetic events (one per day, dyad and code family); see ``event_key``."""
    return event_key(source, target, cameo, day.isoformat() if day else None, "")


def merge_side(actor: object | None) -> str | None:
    """The dyad side used in merge keys: the actor's country, else its code."""
    if actor is None:
        return None
    return getattr(actor, "country", None) or actor_code(actor)


def records_to_rows(records: list[ArticleRecord]) -> dict[str, dict[str, list]]:
    """Columns per table for ``records`` (articles without error only): the article and its
    parse here, every extractor's tables from its declaration (newsgraph.extractors)."""
    rows: dict[str, list[tuple]] = defaultdict(list)
    now = dt.datetime.now()
    tables = registry().tables()
    extracted: dict[str, tuple[list[str], list[dict]]] = {t.name: ([], []) for t in tables}
    for rec in records:
        a = rec.id
        tone = rec.tone
        rows["articles"].append((
            a, rec.url, rec.source, rec.title, parse_day(rec.published), rec.language,
            tone.word_count if tone else len(rec.text.split()), tone.tone if tone else None,
            rec.signature, None, len(rec.warnings), now, rec.text, rec.to_json(),
        ))
        rows["sentences"] += [(a, s.i, s.start, s.end) for s in rec.sentences]
        rows["entities"] += [(a, e.start, e.end, e.text, e.label, e.rule) for e in rec.entities]
        for table in tables:
            ids, values = extracted[table.name]
            n = len(values)
            values += table.rows(rec)
            ids += [a] * (len(values) - n)
    out = {}
    for name, tuples in rows.items():
        names = [c for c, _ in TABLES[name]]
        out[name] = {n: [t[i] for t in tuples] for i, n in enumerate(names)}
    for table in tables:
        ids, values = extracted[table.name]
        _check(table, values)
        out[table.name] = {"article_id": ids, **{n: [v[n] for v in values] for n in table.names}}
    return out


def _check(table: Table, rows: list[dict]) -> None:
    """E070 unless every row's keys are exactly the table's declared columns."""
    expected = set(table.names)
    for row in rows:
        if row.keys() != expected:
            missing = sorted(expected - row.keys())
            extra = sorted(row.keys() - expected)
            raise PluginError(f"table {table.name!r}: a row's keys are not its columns "
                              f"(missing {missing}, not declared {extra})")
