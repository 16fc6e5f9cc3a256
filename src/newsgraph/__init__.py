"""newsgraph: who did what to whom, where, when, who said what, and in what tone.

>>> import newsgraph, datetime
>>> rec = newsgraph.process("Turkey shot down a Russian jet on Tuesday.",
...                         date=datetime.date(2015, 11, 24))
>>> rec.schema
'newsgraph/1'
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from .errors import NewsgraphError
from .model import ArticleRecord, RawArticle
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .pipeline import process_batch

__all__ = [
    "ArticleRecord",
    "NewsgraphError",
    "RawArticle",
    "Settings",
    "load_settings",
    "open_store",
    "process",
    "process_batch",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pipeline (spaCy and the extractors) loads on first use, so ``newsgraph --help``
    # and the store commands start fast.
    if name == "process_batch":
        from .pipeline import process_batch

        return process_batch
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")


def _as_date(date: dt.date | str | None) -> dt.date | None:
    from .isodate import require_day

    return require_day(date)


def process(
    text_or_html: str,
    *,
    date: dt.date | str | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> ArticleRecord:
    """Process one article (plain text or an HTML page) into its record.

    Without ``settings``, the settings come from ``newsgraph.toml`` and ``NEWSGRAPH_*``,
    as for the command line.
    """
    from .sources.html import from_html, looks_like_html

    if looks_like_html(text_or_html):
        raw = from_html(text_or_html, url=url)
    else:
        raw = RawArticle(text=text_or_html, url=url)
    if title:
        raw.title = title
    from .pipeline import process_batch

    return process_batch([raw], settings, date=_as_date(date))[0]


def open_store(path: str | None = None, *, read_only: bool = False):
    """Open (or create) the DuckDB store (default: the ``store`` setting); see newsgraph.store."""
    from .store import Store

    return Store(path or load_settings().store, read_only=read_only)
