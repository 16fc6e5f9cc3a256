"""Test helpers shipped on purpose: synthetic records and stores for tests and benchmarks.

Not used by the pipeline; import it from your own tests to build stores of known content.

Synthetic stores have N coded events with realistic shape.

Events spread over 2015-2019 among ~60 actors (country + sector codes), a handful of dyads
dominating as in real news; a few events per article; every column an export or query reads
is filled. Built with Arrow in chunks, so a million events take seconds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pyarrow as pa

from .model import (
    Actor,
    ArticleRecord,
    Cameo,
    Event,
    EventEvidence,
    Place,
    Plover,
    Sentence,
    Tone,
)
from .store.rows import merged_id
from .store.schema import TABLES

__all__ = ["build_synthetic_store", "synthetic_record"]

COUNTRIES = ["TUR", "RUS", "USA", "SYR", "IRN", "DEU", "FRA", "GBR", "CHN", "UKR", "ISR", "IRQ"]
SECTORS = ["GOV", "MIL", "", "COP", "MED"]
# (cameo code, root, quad class, goldstein)
CODES = [("036", "03", 1, 4.0), ("040", "04", 1, 1.0), ("042", "04", 1, 1.9),
         ("057", "05", 1, 8.0), ("061", "06", 2, 6.4), ("071", "07", 2, 7.4),
         ("111", "11", 3, -2.0), ("112", "11", 3, -2.0), ("130", "13", 3, -4.4),
         ("163", "16", 3, -5.6), ("172", "17", 4, -5.0), ("190", "19", 4, -10.0),
         ("193", "19", 4, -10.0), ("1951", "19", 4, -10.0)]
START = dt.date(2015, 1, 1)
DAYS = 5 * 365
EVENTS_PER_ARTICLE = 4
CHUNK = 250_000


def _events_chunk(rng: np.random.Generator, first: int, n: int, articles: np.ndarray) -> pa.Table:
    # Zipf-like actor popularity: a few countries dominate, as in real coverage.
    weights = 1.0 / np.arange(1, len(COUNTRIES) + 1)
    weights /= weights.sum()
    src_c = rng.choice(len(COUNTRIES), n, p=weights)
    tgt_c = (src_c + 1 + rng.choice(len(COUNTRIES) - 1, n, p=weights[:-1] / weights[:-1].sum())
             ) % len(COUNTRIES)
    src_s = rng.integers(0, len(SECTORS), n)
    tgt_s = rng.integers(0, len(SECTORS), n)
    code = rng.integers(0, len(CODES), n)
    art = articles[(first + np.arange(n)) // EVENTS_PER_ARTICLE]
    day_off = rng.integers(0, DAYS, n)
    days = [START + dt.timedelta(days=int(d)) for d in day_off]
    scountry = [COUNTRIES[i] for i in src_c]
    tcountry = [COUNTRIES[i] for i in tgt_c]
    ssector = [SECTORS[i] or None for i in src_s]
    tsector = [SECTORS[i] or None for i in tgt_s]
    scode = [c + (s or "") for c, s in zip(scountry, ssector, strict=True)]
    tcode = [c + (s or "") for c, s in zip(tcountry, tsector, strict=True)]
    cameo = [CODES[i][0] for i in code]
    tone = rng.normal(-2.0, 3.0, n)
    cols: dict[str, object] = {
        "article_id": art, "event_id": [f"e{i}" for i in range(first, first + n)],
        "global_id": [f"{a}:e{i}" for a, i in zip(art, range(first, first + n), strict=True)],
        "published": days, "date": [d.isoformat() for d in days],
        "sentence": rng.integers(0, 30, n),
        "source_country": scountry, "source_sector": ssector,
        "source_name": scountry, "target_country": tcountry, "target_sector": tsector,
        "target_name": tcountry, "cameo": cameo, "cameo_base": [c[:3] for c in cameo],
        "cameo_root": [CODES[i][1] for i in code], "cameo_name": cameo,
        "plover": None, "plover_mode": None,
        "goldstein": [CODES[i][3] for i in code], "quad_class": [CODES[i][2] for i in code],
        "is_root": rng.random(n) < 0.3, "negated": np.zeros(n, dtype=bool),
        "modality": None, "counted": np.ones(n, dtype=bool),
        "place_name": None, "place_country": None, "lat": None, "lon": None,
        "trigger_start": rng.integers(0, 3000, n), "trigger_end": rng.integers(0, 3000, n),
        "rule": "synthetic", "confidence": rng.random(n), "tone": tone,
        "day": days, "source_code": scode, "target_code": tcode,
        "merged_id": [merged_id(s, t, c, d)
                      for s, t, c, d in zip(scode, tcode, cameo, days, strict=True)],
        "source_start": None, "target_start": None, "place_admin1": None,
        "place_feature": None, "place_geonameid": None,
        "date_resolution": "day", "date_source": "published", "time_status": "new",
        "time_reason": None, "mention_of": None, "actor_reason": None,
    }
    arrays = {}
    for name, kind in TABLES["events"]:
        value = cols[name]
        if value is None or isinstance(value, str):
            value = [value] * n
        arrays[name] = pa.array(value, type=_arrow_type(kind))
    return pa.table(arrays)


def _arrow_type(kind: str) -> pa.DataType:
    return {"VARCHAR": pa.string(), "DATE": pa.date32(), "INTEGER": pa.int32(),
            "DOUBLE": pa.float64(), "TINYINT": pa.int8(), "BOOLEAN": pa.bool_(),
            "BIGINT": pa.int64()}[kind.split()[0]]


def build_synthetic_store(path: str | Path, n_events: int, seed: int = 0) -> Path:
    """Create (or extend) a store at ``path`` with ``n_events`` synthetic events.

    Articles (one per ``EVENTS_PER_ARTICLE`` events) carry ids ``syn-<seed>-<n>``, so a
    second call with the same seed adds nothing new to articles but duplicates events:
    build into a fresh path.
    """
    from .store import Store

    rng = np.random.default_rng(seed)
    n_articles = max(1, -(-n_events // EVENTS_PER_ARTICLE))
    ids = np.array([f"syn-{seed}-{i}" for i in range(n_articles)], dtype=object)
    pub_off = rng.integers(0, DAYS, n_articles)
    with Store(path) as store:
        con = store.con
        syn_articles = pa.table({  # noqa: F841  (read by DuckDB by name)
            "id": pa.array(ids, type=pa.string()),
            "source": pa.array([f"source{i % 50}.example" for i in range(n_articles)]),
            "published": pa.array([START + dt.timedelta(days=int(d)) for d in pub_off],
                                  type=pa.date32()),
            "language": pa.array(["en"] * n_articles),
            "word_count": pa.array(rng.integers(200, 1500, n_articles), type=pa.int32()),
            "tone": pa.array(rng.normal(-2.0, 3.0, n_articles)),
            "text": pa.array([""] * n_articles),
        })
        con.execute("BEGIN TRANSACTION")
        con.execute("INSERT INTO articles (id, source, published, language, word_count, tone, "
                    "text, cluster_id) SELECT id, source, published, language, word_count, "
                    "tone, text, id FROM syn_articles")
        for first in range(0, n_events, CHUNK):
            chunk = _events_chunk(rng, first, min(CHUNK, n_events - first), ids)  # noqa: F841
            names = ", ".join(f'"{c}"' for c, _ in TABLES["events"])
            con.execute(f"INSERT INTO events ({names}) SELECT {names} FROM chunk")
        con.execute("COMMIT")
    return Path(path)


def synthetic_record(
    article_id: str,
    published: str,
    events: list[tuple[str, str, str, str, str, int, float]],
    *,
    text: str | None = None,
    url: str | None = None,
    source: str | None = None,
    place: tuple[str, str, float, float] | None = None,
) -> ArticleRecord:
    """A small hand-made record for tests: ``events`` are (source country, source sector,
    target country, target sector, CAMEO code, quad class, Goldstein); ``place`` =
    (name, ISO3 country, lat, lon) becomes the events' location."""
    text = text or f"Story {article_id}. " + " ".join(
        f"{s}{ss} acted ({c}) towards {t}{ts}." for s, ss, t, ts, c, _, _ in events)
    actors: dict[str, Actor] = {}

    def actor(country: str, sector: str) -> str:
        key = f"{country}{sector}"
        if key not in actors:
            actors[key] = Actor(id=f"a{len(actors) + 1}", name=f"{country} {sector}".strip(),
                                country=country, sector=sector or None,
                                kind="state" if not sector else "agent", mentions=[(0, 5)])
        return actors[key].id

    places = []
    if place:
        name, country, lat, lon = place
        places.append(Place(0, 5, text[:5], name=name, country=country, lat=lat, lon=lon,
                            feature="city", geonameid=1, role="event_location"))
    evs = []
    for i, (s, ss, t, ts, code, quad, gold) in enumerate(events):
        evs.append(Event(
            id=f"e{i + 1}", sentence=0, source=[actor(s, ss)], target=[actor(t, ts)],
            cameo=Cameo(code, code[:3], code[:2], f"CAMEO {code}"),
            plover=Plover("ASSAULT" if quad == 4 else "CONSULT"), goldstein=gold,
            quad_class=quad, evidence=EventEvidence((0, 5), (0, len(text)), (0, 3), (6, 9)),
            rule="test", confidence=0.9, is_root=i == 0, place=0 if places else None,
            date=published or None, date_resolution="day" if published else None,
            date_source="published" if published else None))
    return ArticleRecord(id=article_id, text=text, url=url, source=source, title=f"T {article_id}",
                         published=published, language="en", actors=list(actors.values()),
                         events=evs, places=places, tone=Tone(tone=-2.5, word_count=50),
                         sentences=[Sentence(0, 0, len(text))])
