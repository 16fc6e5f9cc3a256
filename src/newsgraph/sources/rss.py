"""RSS 2.0 and Atom feeds: each item's linked page is fetched and read as an article.

Item title and date fill in what the page itself lacks. One item that cannot be fetched
becomes a per-document failure; the rest of the feed goes on.
"""

from __future__ import annotations

import email.utils
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree as ET

import httpx

from ..errors import FetchError, InputError, UnsupportedSource

log = logging.getLogger(__name__)

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


def read_feed_bytes(
    data: bytes, feed_url: str, *, http: httpx.Client, max_bytes: int
) -> Iterator[object]:
    from .fetch import fetch_bytes, page_article
    from .readers import Failure

    try:
        items = parse_feed(data)
    except InputError as exc:
        yield Failure(feed_url, exc)
        return
    log.info("feed %s: %d items", feed_url, len(items))
    for item in items:
        if not _valid_link(item.link):
            log.warning("feed %s: item link %r is not a valid http(s) URL; skipped",
                        feed_url, item.link)
            yield Failure(item.link, FetchError(
                f"feed {feed_url}: item link {item.link!r} is not a valid http(s) URL; skipped"))
            continue
        try:
            page, _ = fetch_bytes(http, item.link, max_bytes=max_bytes)
            yield page_article(page, item.link, title=item.title, published=item.published,
                               source=feed_url)
        except InputError as exc:
            yield Failure(item.link, exc)
        except (httpx.HTTPError, httpx.InvalidURL, ValueError) as exc:  # one bad item only
            yield Failure(item.link, FetchError(f"{item.link}: {type(exc).__name__}: {exc}"))


def _valid_link(link: str) -> bool:
    """An absolute http(s) URL that httpx can parse (``http://x:1:`` is not)."""
    try:
        url = httpx.URL(link)
    except (httpx.InvalidURL, ValueError, TypeError):
        return False
    return url.scheme in ("http", "https") and bool(url.host)


def read_feed_file(path: Path, *, max_bytes: int) -> Iterator[object]:
    """A feed saved on disk; its linked pages are fetched over HTTP."""
    from .fetch import client
    from .readers import Failure

    data = path.read_bytes()
    if not looks_like_feed(data):
        yield Failure(str(path), UnsupportedSource(f"{path}: not an RSS or Atom feed"))
        return
    with client() as http:
        yield from read_feed_bytes(data, str(path), http=http, max_bytes=max_bytes)
