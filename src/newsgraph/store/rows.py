"""Records to column-oriented rows for the store (one dict of lists per table)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict

from ..dates.periods import period
from ..isodate import parse_day
from ..model import ArticleRecord
from .schema import TABLES

_date = parse_day


def _first(ids: list[str], actors: dict) -> object | None:
    return actors.get(ids[0]) if ids else None


def _code(actor: object | None) -> str | None:
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


def _side(actor: object | None) -> str | None:
    """The dyad side used in merge keys: the actor's country, else its code."""
    if actor is None:
        return None
    return getattr(actor, "country", None) or _code(actor)


def records_to_rows(records: list[ArticleRecord]) -> dict[str, dict[str, list]]:
    """Columns per table for ``records`` (articles without error only)."""
    rows: dict[str, list[tuple]] = defaultdict(list)
    now = dt.datetime.now()
    for rec in records:
        a = rec.id
        tone = rec.tone
        rows["articles"].append((
            a, rec.url, rec.source, rec.title, _date(rec.published), rec.language,
            tone.word_count if tone else len(rec.text.split()), tone.tone if tone else None,
            rec.signature, None, len(rec.warnings), now, rec.text, rec.to_json(),
        ))
        rows["sentences"] += [(a, s.i, s.start, s.end) for s in rec.sentences]
        rows["entities"] += [(a, e.start, e.end, e.text, e.label, e.rule) for e in rec.entities]
        actors = {x.id: x for x in rec.actors}
        for x in rec.actors:
            rows["actors"].append((a, x.id, x.name, x.country, x.sector, x.code or None, x.kind,
                                   x.kb_id, len(x.mentions), x.reason))
            rows["mentions"] += [(a, x.id, s, e) for s, e in x.mentions]
        published = _date(rec.published)
        for ev in rec.events:
            src, tgt = _first(ev.source, actors), _first(ev.target, actors)
            day = event_day(ev.date, published)
            place = rec.places[ev.place] if ev.place is not None and ev.place < len(rec.places) else None
            rows["events"].append((
                a, ev.id, f"{a}:{ev.id}", _date(rec.published), ev.date, ev.sentence,
                getattr(src, "country", None), getattr(src, "sector", None), getattr(src, "name", None),
                getattr(tgt, "country", None), getattr(tgt, "sector", None), getattr(tgt, "name", None),
                ev.cameo.code, ev.cameo.base, ev.cameo.root, ev.cameo.name,
                ev.plover.type if ev.plover else None, ev.plover.mode if ev.plover else None,
                ev.goldstein, ev.quad_class, ev.is_root, ev.negated, ev.modality, ev.counted,
                getattr(place, "name", None), getattr(place, "country", None),
                getattr(place, "lat", None), getattr(place, "lon", None),
                ev.evidence.trigger[0], ev.evidence.trigger[1], ev.rule, ev.confidence,
                tone.tone if tone else None,
                day, _code(src), _code(tgt),
                event_key(_side(src), _side(tgt), ev.cameo.code, ev.date, a),
                ev.evidence.source[0] if ev.evidence.source else None,
                ev.evidence.target[0] if ev.evidence.target else None,
                getattr(place, "admin1", None), getattr(place, "feature", None),
                getattr(place, "geonameid", None),
                ev.date_resolution, ev.date_source, ev.time_status, ev.time_reason, ev.mention_of,
                ev.actor_reason,
            ))
        for q in rec.quotes:
            sp = actors.get(q.speaker.actor) if q.speaker.actor else None
            rows["quotes"].append((a, q.start, q.end, q.text, q.kind, q.cue_word, q.speaker.actor,
                                   getattr(sp, "name", None), q.speaker.reason))
        rows["places"] += [(a, p.start, p.end, p.text, p.name, p.country, p.admin1, p.lat, p.lon,
                            p.geonameid, p.feature, p.role) for p in rec.places]
        rows["dates"] += [(a, d.start, d.end, d.text, d.value, d.resolution) for d in rec.dates]
        rows["themes"] += [(a, t.code, t.gkg, t.count) for t in rec.themes]
    out = {}
    for table, tuples in rows.items():
        if table not in TABLES:
            continue
        names = [c for c, _ in TABLES[table]]
        out[table] = {n: [t[i] for t in tuples] for i, n in enumerate(names)}
    return out

