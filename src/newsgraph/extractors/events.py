"""Declaration of the events extractor (code: newsgraph.events; docs/events.md).

One ``events`` row per event mention, with its actors, place and article tone copied in
(the store and the exports read events without joins) and the keys of merging
(``day``, ``merged_id``; see store/rows.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model import ArticleRecord
from . import Extractor, Row, Table

if TYPE_CHECKING:
    from ..settings import Settings


def _prepare(settings: Settings) -> None:
    from ..events import preload
    from ..events.patterns import load_patterns

    load_patterns(tuple(settings.patterns_files))  # a bad pattern file: E030 for the batch
    preload(settings)  # verb/discard dictionaries too (dictionary mode)


def _events(rec: ArticleRecord) -> Iterator[Row]:
    from ..isodate import parse_day
    from ..store.rows import actor_code, event_day, event_key, merge_side

    a = rec.id
    actors = {x.id: x for x in rec.actors}
    published = parse_day(rec.published)
    tone = rec.tone.tone if rec.tone else None
    for ev in rec.events:
        src = actors.get(ev.source[0]) if ev.source else None
        tgt = actors.get(ev.target[0]) if ev.target else None
        place = rec.places[ev.place] if ev.place is not None and ev.place < len(rec.places) else None
        yield {
            "event_id": ev.id, "global_id": f"{a}:{ev.id}", "published": published,
            "date": ev.date, "sentence": ev.sentence,
            "source_country": getattr(src, "country", None),
            "source_sector": getattr(src, "sector", None),
            "source_name": getattr(src, "name", None),
            "target_country": getattr(tgt, "country", None),
            "target_sector": getattr(tgt, "sector", None),
            "target_name": getattr(tgt, "name", None),
            "cameo": ev.cameo.code, "cameo_base": ev.cameo.base, "cameo_root": ev.cameo.root,
            "cameo_name": ev.cameo.name,
            "plover": ev.plover.type if ev.plover else None,
            "plover_mode": ev.plover.mode if ev.plover else None,
            "goldstein": ev.goldstein, "quad_class": ev.quad_class, "is_root": ev.is_root,
            "negated": ev.negated, "modality": ev.modality, "counted": ev.counted,
            "place_name": getattr(place, "name", None),
            "place_country": getattr(place, "country", None),
            "lat": getattr(place, "lat", None), "lon": getattr(place, "lon", None),
            "trigger_start": ev.evidence.trigger[0], "trigger_end": ev.evidence.trigger[1],
            "rule": ev.rule, "confidence": ev.confidence, "tone": tone,
            "day": event_day(ev.date, published),
            "source_code": actor_code(src), "target_code": actor_code(tgt),
            "merged_id": event_key(merge_side(src), merge_side(tgt), ev.cameo.code, ev.date, a),
            "source_start": ev.evidence.source[0] if ev.evidence.source else None,
            "target_start": ev.evidence.target[0] if ev.evidence.target else None,
            "place_admin1": getattr(place, "admin1", None),
            "place_feature": getattr(place, "feature", None),
            "place_geonameid": getattr(place, "geonameid", None),
            "date_resolution": ev.date_resolution, "date_source": ev.date_source,
            "time_status": ev.time_status, "time_reason": ev.time_reason,
            "mention_of": ev.mention_of, "actor_reason": ev.actor_reason,
        }


EXTRACTOR = Extractor(
    name="events",
    extract="newsgraph.events:extract",
    prepare=_prepare,
    assigns=("events",),
    requires=("actors", "dates", "places"),
    after=("quotes",),  # the order records have always been made in
    help="CAMEO and PLOVER events between actors",
    tables=(
        Table("events", (
            ("event_id", "VARCHAR"), ("global_id", "VARCHAR"),
            ("published", "DATE"), ("date", "VARCHAR"), ("sentence", "INTEGER"),
            ("source_country", "VARCHAR"), ("source_sector", "VARCHAR"),
            ("source_name", "VARCHAR"),
            ("target_country", "VARCHAR"), ("target_sector", "VARCHAR"),
            ("target_name", "VARCHAR"),
            ("cameo", "VARCHAR"), ("cameo_base", "VARCHAR"), ("cameo_root", "VARCHAR"),
            ("cameo_name", "VARCHAR"), ("plover", "VARCHAR"), ("plover_mode", "VARCHAR"),
            ("goldstein", "DOUBLE"), ("quad_class", "TINYINT"), ("is_root", "BOOLEAN"),
            ("negated", "BOOLEAN"), ("modality", "VARCHAR"), ("counted", "BOOLEAN"),
            ("place_name", "VARCHAR"), ("place_country", "VARCHAR"), ("lat", "DOUBLE"),
            ("lon", "DOUBLE"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
            ("rule", "VARCHAR"), ("confidence", "DOUBLE"), ("tone", "DOUBLE"),
            # Added for merging and exports.
            ("day", "DATE"), ("source_code", "VARCHAR"), ("target_code", "VARCHAR"),
            ("merged_id", "VARCHAR"), ("source_start", "INTEGER"), ("target_start", "INTEGER"),
            ("place_admin1", "VARCHAR"), ("place_feature", "VARCHAR"),
            ("place_geonameid", "BIGINT"),
            # Event time (events/timing.py) and mentions of one happening (events/merge.py).
            ("date_resolution", "VARCHAR"), ("date_source", "VARCHAR"),
            ("time_status", "VARCHAR"), ("time_reason", "VARCHAR"), ("mention_of", "VARCHAR"),
            # why a side is empty, or where an implicit source came from (events/implicit.py)
            ("actor_reason", "VARCHAR"),
        ), _events),
    ),
)
