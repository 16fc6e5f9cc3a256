"""HTML pages: main text and metadata through trafilatura."""

from __future__ import annotations

import logging
import re
from itertools import islice

from ..errors import W004
from ..model import RawArticle

log = logging.getLogger(__name__)

# An element with thousands of attributes makes the HTML parser (libxml2 checks each new
# attribute against the ones before) and the date finder quadratic. Start tags longer than
# LONG_TAG characters keep their first MAX_ATTRIBUTES attributes; no article needs more.
LONG_TAG = 4_000
MAX_ATTRIBUTES = 64
# [^<>] never crosses another tag's start, so the scan is linear in the page's length.
# A tag left open (no '>' before the next '<' or the end) is cut and closed all the same.
_LONG_TAG = re.compile(r"<([A-Za-z][\w:.-]*)([^<>]{" + str(LONG_TAG) + r",})(?:>|(?=<)|\Z)")
_ATTRIBUTE = re.compile(r"""\s*([^\s=/>"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>"']*))?""")


def _trim_tag(m: re.Match[str]) -> str:
    name, rest = m.group(1), m.group(2)
    kept = [a.group(0) for a in islice(_ATTRIBUTE.finditer(rest), MAX_ATTRIBUTES + 1)]
    if len(kept) <= MAX_ATTRIBUTES and m.group(0).endswith(">"):
        return m.group(0)
    closing = "/" if rest.rstrip().endswith("/") else ""
    return f"<{name}{''.join(kept[:MAX_ATTRIBUTES])}{closing}>"


def trim_attributes(html: str) -> str:
    """``html`` with every start tag cut to its first MAX_ATTRIBUTES attributes."""
    return _LONG_TAG.sub(_trim_tag, html) if len(html) > LONG_TAG else html


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<body" in head and "</" in head)


def from_html(html: str, *, url: str | None = None, source: str | None = None) -> RawArticle:
    """Extract the article body, title, date and author of an HTML page."""
    import trafilatura  # imported on first HTML page: it is slow to import

    doc = trafilatura.bare_extraction(
        trim_attributes(html), url=url, with_metadata=True, include_comments=False, include_tables=False
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
