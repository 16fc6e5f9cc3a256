"""Request size limit and the write token.

The size limit is checked on the ``Content-Length`` header before any body byte is read,
and counted while a body without that header streams in; either way the client gets 413.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import Header, HTTPException, Request

log = logging.getLogger(__name__)

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True when ``host`` only accepts connections from this machine."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class _TooLarge(HTTPException):
    """Raised while a body streams in past the limit; the app turns it into a 413."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"request body larger than {max_bytes:,} bytes")


class BodyLimitMiddleware:
    """ASGI middleware answering 413 to requests whose body exceeds ``max_bytes``."""

    def __init__(self, app: Any, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def _refuse(self, send: Any) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_bytes:,} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                log.warning("refused a %s-byte request to %s", length.decode(errors="replace"),
                            scope.get("path"))
                await self._refuse(send)
                return
        seen = 0
        started = False

        async def counted_receive() -> dict:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _TooLarge(self.max_bytes)
            return message

        async def tracked_send(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _TooLarge:
            if not started:
                await self._refuse(send)


class DropEmptyParams:
    """ASGI middleware removing empty query parameters (``?actor=&quad=4`` -> ``?quad=4``),
    so a filter form's blank fields mean "any" rather than failing validation."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v.strip()]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


def require_token(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
    x_newsgraph_token: Annotated[str | None, Header()] = None,
) -> None:
    """Write endpoints: open on localhost; beyond it the configured token is required."""
    settings = request.app.state.settings
    if is_loopback(settings.host):
        return
    given = x_newsgraph_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    if not settings.token:
        raise HTTPException(403, "writes are disabled: the server listens beyond localhost "
                                 "and no token is configured (setting 'token')")
    if not hmac.compare_digest(given.encode(), settings.token.encode()):
        raise HTTPException(401, "a valid token is required for writes",
                            headers={"WWW-Authenticate": "Bearer"})
