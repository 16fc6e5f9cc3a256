"""HTTP fetching of pages and feeds with httpx: timeouts, a size cap, per-URL failures.

Every connection goes through :class:`GuardedTransport` (or its async twin): before a
request is sent, its host is resolved and every address it resolves to is checked; one
that is loopback, private, link-local (169.254.169.254, the cloud metadata service),
multicast, unspecified or otherwise not globally routable refuses the fetch (E009). The
request then goes to the address that was checked (pinned: a second DNS answer cannot
swap it), with the original ``Host`` header and TLS server name. Redirects are requests
too, so each hop is checked the same way. The setting ``fetch_private_hosts`` names hosts
and networks an operator wants reachable all the same (an intranet). Proxies from the
environment are not used: a proxy would resolve names where this check cannot see.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Iterable

import anyio
import httpx

from ..errors import FetchError, FetchRefused, FetchTimeout
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


IpAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def address_problem(ip: IpAddress) -> str | None:
    """Why a fetch may not connect to ``ip`` (None for a public unicast address)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for test, what in ((ip.is_loopback, "loopback"), (ip.is_link_local, "link-local"),
                       (ip.is_multicast, "multicast"), (ip.is_unspecified, "unspecified"),
                       (ip.is_private, "private"), (ip.is_reserved, "reserved")):
        if test:
            return what
    if not ip.is_global:
        return "not globally routable"
    return None


class FetchPolicy:
    """Which hosts a fetch may reach: public addresses, plus the operator's exceptions
    (host names, addresses or networks such as ``10.0.0.0/8``)."""

    def __init__(self, private_hosts: Iterable[str] = ()) -> None:
        self.names: set[str] = set()
        self.networks: list[IpNetwork] = []
        for entry in private_hosts:
            value = entry.strip().lower().strip("[]")
            try:
                self.networks.append(ipaddress.ip_network(value, strict=False))
            except ValueError:
                self.names.add(value.rstrip("."))

    def pick(self, host: str, addresses: list[str]) -> str:
        """The address to connect to for ``host``; FetchRefused when any address it
        resolves to may not be reached (a name with one private address is refused)."""
        if not addresses:
            raise FetchError(f"{host}: the name resolves to no address")
        named = host.lower().rstrip(".") in self.names
        for value in addresses:
            ip = ipaddress.ip_address(value.split("%")[0])
            problem = address_problem(ip)
            if problem and not named and not any(ip in net for net in self.networks):
                shown = host if host == value else f"{host} ({value})"
                raise FetchRefused(
                    f"{shown} is a {problem} address; fetching it from here is refused "
                    "(add the host or its network to the setting 'fetch_private_hosts' "
                    "to allow it)")
        return addresses[0]


def _infos_addresses(infos: Iterable[tuple]) -> list[str]:
    out: list[str] = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in out:
            out.append(addr)
    return out


def _pin(request: httpx.Request, address: str) -> None:
    """Send ``request`` to ``address``, keeping its Host header and TLS server name."""
    host = request.url.host
    if address != host:
        request.extensions = {**request.extensions, "sni_hostname": host}
        request.url = request.url.copy_with(host=address)


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


class GuardedTransport(httpx.BaseTransport):
    """An HTTP transport that checks and pins the address of every request it sends."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        check_fetchable(str(request.url))
        host = request.url.host
        try:
            infos = socket.getaddrinfo(host, _port(request.url), type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpx.ConnectError(f"cannot resolve {host}: {exc}", request=request) from exc
        _pin(request, self.policy.pick(host, _infos_addresses(infos)))
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


class AsyncGuardedTransport(httpx.AsyncBaseTransport):
    """:class:`GuardedTransport` for the server's asynchronous fetches."""

    def __init__(self, policy: FetchPolicy) -> None:
        self.policy = policy
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        check_fetchable(str(request.url))
        host = request.url.host
        try:
            infos = await anyio.getaddrinfo(host, _port(request.url), type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpx.ConnectError(f"cannot resolve {host}: {exc}", request=request) from exc
        _pin(request, self.policy.pick(host, _infos_addresses(infos)))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def client(private_hosts: Iterable[str] = ()) -> httpx.Client:
    """A client whose every request (redirects included) is checked by :class:`FetchPolicy`."""
    return httpx.Client(timeout=TIMEOUT, follow_redirects=True, trust_env=False,
                        headers={"User-Agent": USER_AGENT},
                        transport=GuardedTransport(FetchPolicy(private_hosts)))


def async_client(private_hosts: Iterable[str] = ()) -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=TIMEOUT, follow_redirects=True, trust_env=False,
                             headers={"User-Agent": USER_AGENT},
                             transport=AsyncGuardedTransport(FetchPolicy(private_hosts)))


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
