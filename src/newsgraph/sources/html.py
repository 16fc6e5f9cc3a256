"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import logging

from ..errors import W004
from ..model import RawArticle

log = logging.getLogger(__name__)


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def from_html(html: str, *, url: str | None = None, source: str | None = None) -> RawArticle:
    """Extract the article body, title, date and author of an HTML page."""
    import trafilatura  # imported on first HTML page: it is slow to import

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if doc is None:
        return RawArticle(
            text="", html=html, url=url, source=source,
            warnings=[W004()],
        )
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    body = meta.get("text") or ""
    title = meta.get("title")
    # Put the title on the first line so title and body share one offset space.
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return RawArticle(
        text=text,
        html=None,
        url=url or meta.get("url"),
        title=title,
        published=meta.get("date"),
        author=meta.get("author"),
        source=source or meta.get("sitename"),
    )
