"""RSS 2.0 and Atom feeds: recognising one and reading its items (links, titles, dates).

Fetching the linked pages is ``remote``'s job.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from ..errors import UnsupportedSource

_ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class FeedItem:
    link: str
    title: str | None = None
    published: str | None = None  # ISO date when the feed gives one


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    ctype = content_type.lower()
    if "rss" in ctype or "atom" in ctype:
        return True
    head = data[:1000].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head) or \
        head.startswith((b"<rss", b"<feed"))


def _iso(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    if len(value) >= 10 and value[4] == "-":  # Atom / ISO 8601
        return value[:10]
    try:
        return email.utils.parsedate_to_datetime(value).date().isoformat()  # RSS (RFC 822)
    except (TypeError, ValueError):
        return None


def parse_feed(data: bytes) -> list[FeedItem]:
    """Items of an RSS 2.0 or Atom feed (links, titles, dates)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise UnsupportedSource(f"not a well-formed feed: {exc}") from exc
    items = []
    for item in root.iter("item"):  # RSS 2.0
        link = (item.findtext("link") or item.findtext("guid") or "").strip()
        if link:
            items.append(FeedItem(link, item.findtext("title"),
                                  _iso(item.findtext("pubDate"))))
    for entry in root.iter(f"{_ATOM}entry"):  # Atom
        link = ""
        for el in entry.findall(f"{_ATOM}link"):
            if el.get("rel", "alternate") == "alternate" and el.get("href"):
                link = el.get("href", "")
                break
        if link:
            date = entry.findtext(f"{_ATOM}published") or entry.findtext(f"{_ATOM}updated")
            items.append(FeedItem(link.strip(), entry.findtext(f"{_ATOM}title"), _iso(date)))
    return items
