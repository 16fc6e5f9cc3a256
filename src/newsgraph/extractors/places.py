"""Declaration of the places extractor (code: newsgraph.places; docs/places.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArticleRecord
from . import Extractor, Row, Table


def _places(rec: ArticleRecord) -> Iterator[Row]:
    for p in rec.places:
        yield {"start": p.start, "end": p.end, "text": p.text, "name": p.name,
               "country": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
               "geonameid": p.geonameid, "feature": p.feature, "role": p.role}


EXTRACTOR = Extractor(
    name="places",
    extract="newsgraph.places:extract",
    assigns=("places",),
    requires=("actors",),  # a person's name is not a place
    help="toponyms resolved to coordinates",
    tables=(
        Table("places", (("start", "INTEGER"), ("end", "INTEGER"), ("text", "VARCHAR"),
                         ("name", "VARCHAR"), ("country", "VARCHAR"), ("admin1", "VARCHAR"),
                         ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("geonameid", "BIGINT"),
                         ("feature", "VARCHAR"), ("role", "VARCHAR")), _places),
    ),
)
