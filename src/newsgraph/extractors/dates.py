"""Declaration of the dates extractor (code: newsgraph.dates; docs/dates.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArticleRecord
from . import Extractor, Row, Table


def _dates(rec: ArticleRecord) -> Iterator[Row]:
    for d in rec.dates:
        yield {"start": d.start, "end": d.end, "text": d.text, "value": d.value,
               "resolution": d.resolution}


EXTRACTOR = Extractor(
    name="dates",
    extract="newsgraph.dates:extract",
    assigns=("dates",),
    help="temporal expressions resolved against the publication date",
    tables=(
        Table("dates", (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
                        ("value", "VARCHAR"), ("resolution", "VARCHAR")), _dates),
    ),
)
