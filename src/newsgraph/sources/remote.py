"""URLs: a page becomes one article; a feed (RSS/Atom, fetched or saved) its linked pages.

Item title and date fill in what the page itself lacks. One item that cannot be fetched
becomes a per-document failure; the rest of the feed goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx

from ..errors import FetchError, InputError, UnsupportedSource
from .fetch import client, fetch_bytes, page_article
from .items import Failure, Item
from .rss import looks_like_feed, parse_feed

log = logging.getLogger(__name__)


def read_url(url: str, *, max_bytes: int, private_hosts: tuple[str, ...] = ()
             ) -> Iterator[Item]:
    """A page URL becomes one article; a feed URL (RSS/Atom) becomes its linked pages.
    Loopback and private targets are refused (E009) unless ``private_hosts`` names them."""
    with client(private_hosts) as http:
        try:
            data, ctype = fetch_bytes(http, url, max_bytes=max_bytes)
            if looks_like_feed(data, ctype):
                yield from read_feed_bytes(data, url, http=http, max_bytes=max_bytes)
            else:
                yield page_article(data, url)
        except InputError as exc:
            yield Failure(url, exc)


def read_feed_bytes(
    data: bytes, feed_url: str, *, http: httpx.Client, max_bytes: int
) -> Iterator[Item]:
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


def read_feed_file(path: Path, *, max_bytes: int, data: bytes | None = None,
                   private_hosts: tuple[str, ...] = ()) -> Iterator[Item]:
    """A feed saved on disk (``data``: its bytes, already read); its linked pages are
    fetched over HTTP."""
    data = path.read_bytes() if data is None else data
    if not looks_like_feed(data):
        yield Failure(str(path), UnsupportedSource(f"{path}: not an RSS or Atom feed"))
        return
    with client(private_hosts) as http:
        yield from read_feed_bytes(data, str(path), http=http, max_bytes=max_bytes)
