"""HTTP fetching of pages and feeds with httpx: timeouts, a size cap, per-URL failures."""

from __future__ import annotations

import logging
import time

import httpx

from ..errors import FetchError, FetchTimeout
from ..model import RawArticle
from ..urls import url_problem
from .decode import decode_bytes
from .html import from_html
from .outlet import outlet

log = logging.getLogger(__name__)

USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)  # per connect and per read (the gap)
# The whole of one fetch on the command line and in feeds, checked as each chunk arrives
# (so at most one read gap past it); the server's fetches end exactly at fetch_deadline_ms.
DEADLINE_S = 120.0


def client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True,
                        headers={"User-Agent": USER_AGENT})


def check_fetchable(url: str) -> None:
    """FetchError unless ``url`` is an http(s) URL (the one check of :mod:`newsgraph.urls`)."""
    problem = url_problem(url)
    if problem:
        raise FetchError(f"only http and https URLs can be fetched, not {url!r}: {problem}")


class Body:
    """A response body gathered chunk by chunk under the size cap (E007 beyond it)."""

    def __init__(self, url: str, max_bytes: int) -> None:
        self.url, self.max_bytes = url, max_bytes
        self.chunks: list[bytes] = []
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > self.max_bytes:
            raise FetchError(f"{self.url}: over {self.max_bytes:,} bytes (max_bytes)")
        self.chunks.append(chunk)

    def data(self) -> bytes:
        return b"".join(self.chunks)


def fetch_bytes(http: httpx.Client, url: str, *, max_bytes: int,
                deadline_s: float = DEADLINE_S) -> tuple[bytes, str]:
    """Body and content type of ``url``; FetchError on network errors, HTTP errors, size;
    FetchTimeout when the body is still coming after ``deadline_s``."""
    check_fetchable(url)
    start = time.monotonic()
    try:
        with http.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"{url}: HTTP {resp.status_code}")
            body = Body(url, max_bytes)
            for chunk in resp.iter_bytes():
                body.add(chunk)
                if time.monotonic() - start > deadline_s:
                    raise FetchTimeout(f"{url}: not fetched within {deadline_s:g} s")
            return body.data(), resp.headers.get("content-type", "")
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"{url}: {type(exc).__name__}: the server stopped answering"
                           ) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc


def page_article(data: bytes, url: str, *, title: str | None = None,
                 published: str | None = None, source: str | None = None) -> RawArticle:
    """The article of a fetched page; ``source`` (a feed) names the outlet if nothing else."""
    text, warning = decode_bytes(data, name=url)
    raw = from_html(text, url=url)
    raw.source = outlet(None, raw.url or url, raw.source, source)
    raw.title = raw.title or title
    raw.published = raw.published or published
    if warning:
        raw.warnings.append(warning)
    return raw
