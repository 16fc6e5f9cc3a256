"""Declaration of the themes extractor (code: newsgraph.themes; docs/themes_tone.md)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import ArticleRecord
from . import Extractor, Row, Table


def _themes(rec: ArticleRecord) -> Iterator[Row]:
    for t in rec.themes:
        yield {"code": t.code, "gkg": t.gkg, "count": t.count}


EXTRACTOR = Extractor(
    name="themes",
    extract="newsgraph.themes:extract",
    assigns=("themes",),
    help="subjects from the theme taxonomy",
    tables=(
        Table("themes", (("code", "VARCHAR"), ("gkg", "VARCHAR"), ("count", "INTEGER")), _themes),
    ),
)
