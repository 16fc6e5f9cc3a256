"""Posted URLs fetched on the event loop, with a total deadline and a per-client limit.

A fetch is asynchronous (httpx's async client): while it waits on a slow server it holds
no worker thread, so the synchronous endpoints (every query, the health check) keep their
thread pool however many fetches are in flight. Each fetch ends by ``fetch_deadline_ms``,
connection and whole body together (E008, answered 504); a client address may have at
most ``fetch_per_client`` fetches in flight (E061, answered 429, beyond it).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import anyio
import httpx

from ..errors import FetchError, FetchTimeout, TooManyFetches
from ..sources.fetch import Body, async_client, check_fetchable

log = logging.getLogger(__name__)


class Fetcher:
    """Fetches for one app: the deadline, the size cap and the fetches in flight."""

    def __init__(self, *, deadline_ms: int, per_client: int, max_bytes: int,
                 private_hosts: tuple[str, ...] = ()) -> None:
        self.private_hosts = private_hosts
        self.deadline_s = deadline_ms / 1000
        self.per_client = per_client
        self.max_bytes = max_bytes
        self.in_flight: dict[str, int] = {}  # touched on the event loop only

    @contextmanager
    def _slot(self, client: str) -> Iterator[None]:
        held = self.in_flight.get(client, 0)
        if held >= self.per_client:
            raise TooManyFetches(f"{client} already has {held} URL fetches in flight; the "
                                 f"limit is {self.per_client} (fetch_per_client)")
        self.in_flight[client] = held + 1
        try:
            yield
        finally:
            left = self.in_flight[client] - 1
            if left:
                self.in_flight[client] = left
            else:
                del self.in_flight[client]

    async def fetch(self, url: str, *, client: str) -> tuple[bytes, str]:
        """Body and content type of ``url``: E007 on errors, E008 past the deadline,
        E061 when ``client`` has too many fetches in flight, E009 when it (or a redirect)
        leads to a loopback, private or link-local address."""
        check_fetchable(url)
        with self._slot(client):
            try:
                with anyio.fail_after(self.deadline_s):
                    return await self._get(url)
            except TimeoutError:
                log.warning("fetch of %s passed its deadline", url)
                raise FetchTimeout(f"{url}: not fetched within {self.deadline_s * 1000:,.0f} ms "
                                   "(fetch_deadline_ms), connection and body together"
                                   ) from None
            except httpx.TimeoutException as exc:
                raise FetchTimeout(f"{url}: {type(exc).__name__}: the server stopped "
                                   "answering") from exc
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: {type(exc).__name__}: {exc}") from exc

    async def _get(self, url: str) -> tuple[bytes, str]:
        async with async_client(self.private_hosts) as http, http.stream("GET", url) as resp:
            if resp.status_code >= 400:
                raise FetchError(f"{url}: HTTP {resp.status_code}")
            body = Body(url, self.max_bytes)
            async for chunk in resp.aiter_bytes():
                body.add(chunk)
            return body.data(), resp.headers.get("content-type", "")
