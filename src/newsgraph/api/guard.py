"""Response headers every answer carries (the content security policy) and the Host allow-list.

The policy lets pages run only the scripts served from this site's own files: no inline
``<script>``, no ``on...=`` handler attributes, no ``javascript:`` URLs, no ``eval``. The
dashboard keeps every script in ``web/static`` (and the API docs' bundles in the package),
so it needs nothing more. Inline ``style`` attributes stay allowed: they cannot run code.

The Host allow-list stops DNS rebinding: a page on ``evil.example`` whose name is made to
resolve to 127.0.0.1 reaches the server with ``Host: evil.example`` and is answered 421
(400 when there is no Host header at all), so it cannot read the API from the browser.
"""

from __future__ import annotations

import ipaddress
import json
import logging
from typing import Any

from ..errors import HostNotAllowed
from .limits import LOOPBACK_NAMES

log = logging.getLogger(__name__)

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
WILDCARDS = {"0.0.0.0", "::", ""}


class SecurityHeaders:
    """ASGI middleware adding :data:`HEADERS` to every HTTP response (errors included)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in have]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)


def host_name(header: str) -> str:
    """The host part of a Host header, lower case, without port or IPv6 brackets."""
    value = header.strip().lower()
    if value.startswith("["):
        return value[1:].partition("]")[0]
    if value.count(":") == 1:
        value = value.partition(":")[0]
    return value.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class HostAllowList:
    """ASGI middleware answering 421 to a Host header the server was not configured for.

    Allowed: the configured ``host``, the loopback names and addresses, and the names in
    ``allowed_hosts``. When the server listens on every interface (0.0.0.0, ::) a Host that
    is an IP address is allowed too: DNS rebinding needs a name, never an address.
    """

    def __init__(self, app: Any, host: str, allowed: tuple[str, ...] = ()) -> None:
        self.app = app
        self.names = {host_name(h) for h in (host, *allowed) if h} | LOOPBACK_NAMES | {
            "127.0.0.1", "::1"}
        self.any_ip = host.strip("[]") in WILDCARDS

    def allows(self, name: str) -> bool:
        if name in self.names:
            return True
        if _is_ip(name):
            return self.any_ip or ipaddress.ip_address(name).is_loopback
        return False

    async def _refuse(self, send: Any, status: int, exc: HostNotAllowed) -> None:
        body = json.dumps({"detail": str(exc), "code": exc.code}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = [v for k, v in scope.get("headers") or [] if k == b"host"]
        if len(given) != 1:
            log.warning("refused a request with %d Host headers", len(given))
            if scope["type"] == "http":
                await self._refuse(send, 400, HostNotAllowed(
                    "the request needs exactly one Host header"))
            return
        name = host_name(given[0].decode("latin-1"))
        if not self.allows(name):
            log.warning("refused Host %r (not in the allow-list)", name)
            if scope["type"] == "http":
                await self._refuse(send, 421, HostNotAllowed(
                    f"this server does not answer for host {name[:100]!r}; add it to the "
                    "setting 'allowed_hosts' if it is this server's name"))
            return
        await self.app(scope, receive, send)
