"""Declaration of the actors extractor (code: newsgraph.actors; docs/actors.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArticleRecord
from . import Extractor, Row, Table


def _actors(rec: ArticleRecord) -> Iterator[Row]:
    for x in rec.actors:
        yield {"actor_id": x.id, "name": x.name, "country": x.country, "sector": x.sector,
               "code": x.code or None, "kind": x.kind, "kb_id": x.kb_id,
               "n_mentions": len(x.mentions), "reason": x.reason}


def _mentions(rec: ArticleRecord) -> Iterator[Row]:
    for x in rec.actors:
        for s, e in x.mentions:
            yield {"actor_id": x.id, "start": s, "end": e}


EXTRACTOR = Extractor(
    name="actors",
    extract="newsgraph.actors:extract",
    assigns=("actors",),
    help="states, people and organisations with their CAMEO codes",
    tables=(
        Table("actors", (("actor_id", "VARCHAR"), ("name", "VARCHAR"), ("country", "VARCHAR"),
                         ("sector", "VARCHAR"), ("code", "VARCHAR"), ("kind", "VARCHAR"),
                         ("kb_id", "VARCHAR"), ("n_mentions", "INTEGER"), ("reason", "VARCHAR")),
              _actors),
        Table("mentions", (("actor_id", "VARCHAR"), ("start", "INTEGER"), ("end", "INTEGER")),
              _mentions),
    ),
)
