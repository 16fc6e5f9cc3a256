"""Declaration of the quotes extractor (code: newsgraph.quotes; docs/quotes.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArticleRecord
from . import Extractor, Row, Table


def _quotes(rec: ArticleRecord) -> Iterator[Row]:
    names = {x.id: x.name for x in rec.actors}
    for q in rec.quotes:
        yield {"start": q.start, "end": q.end, "text": q.text, "kind": q.kind, "cue": q.cue_word,
               "speaker_actor": q.speaker.actor,
               "speaker_name": names.get(q.speaker.actor) if q.speaker.actor else None,
               "speaker_reason": q.speaker.reason}


EXTRACTOR = Extractor(
    name="quotes",
    extract="newsgraph.quotes:extract",
    assigns=("quotes",),
    requires=("actors",),  # speakers are actors
    help="direct, partial and indirect quotations with their speakers",
    tables=(
        Table("quotes", (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
                         ("kind", "VARCHAR"), ("cue", "VARCHAR"), ("speaker_actor", "VARCHAR"),
                         ("speaker_name", "VARCHAR"), ("speaker_reason", "VARCHAR")), _quotes),
    ),
)
