"""Request size limit, the write token and the same-origin check for writes.

The size limit is checked on the ``Content-Length`` header before any body byte is read,
and counted while a body without that header streams in; either way the client gets 413.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import os
import secrets
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from fastapi import Header, HTTPException, Request

from ..errors import CrossOriginWrite, WriteTokenRequired
from ..settings import Settings
from .errorpages import CodedError

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


def origin_problem(request: Request) -> str | None:
    """Why a write looks sent by a page of another site (None when it does not).

    Browsers name the page that sends a request: ``Origin`` (on every cross-origin POST and
    on same-origin ones too in current browsers) and ``Sec-Fetch-Site``. A request from a
    program (curl, a script, a notebook) sends neither and is judged by its token alone.
    """
    site = request.headers.get("sec-fetch-site", "").lower()
    if site and site not in ("same-origin", "none"):
        return f"the browser says the request comes from a {site} page (Sec-Fetch-Site)"
    origin = request.headers.get("origin")
    if origin is None:
        return None
    own = request.headers.get("host", "").lower()
    parts = urlsplit(origin.strip().lower())
    if parts.scheme not in ("http", "https") or parts.netloc != own:
        return f"the request comes from a page of {origin[:100]!r}, not of this server ({own})"
    return None


def require_token(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
    x_newsgraph_token: Annotated[str | None, Header()] = None,
) -> None:
    """Write endpoints, on loopback too: refused to a page of another origin (403, E063),
    and without the server's token (401, E062): the ``token`` setting, or the one the
    server made at start (see :func:`write_token`)."""
    problem = origin_problem(request)
    if problem:
        log.warning("refused a cross-origin write to %s: %s", request.url.path, problem)
        raise CodedError.of(CrossOriginWrite(
            f"{problem}; writes are taken only from this server's own pages and from "
            "programs holding its token"), status=403)
    given = x_newsgraph_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    expected = request.app.state.write_token
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        err = CodedError.of(WriteTokenRequired(
            "writes need the server's token: send 'Authorization: Bearer <token>' (or "
            "'X-Newsgraph-Token'); 'newsgraph serve' prints it and writes it to the "
            "store's .token file, or set your own with the setting 'token'"), status=401)
        err.headers = {"WWW-Authenticate": "Bearer"}
        raise err


def require_page_write(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <token>")] = None,
    x_newsgraph_token: Annotated[str | None, Header()] = None,
) -> None:
    """The dashboard's own forms (watchlists): a browser request its browser marks as sent
    by this server's own page (``Sec-Fetch-Site: same-origin``, which a page of another
    site cannot make its browser send; such a form may carry ``Origin: null`` under the
    no-referrer policy), or else the token, as for any write."""
    if request.headers.get("sec-fetch-site", "").lower() == "same-origin":
        return
    require_token(request, authorization, x_newsgraph_token)


def write_token(settings: Settings) -> str:
    """The token writes need: the ``token`` setting, else a new random one (per start)."""
    return settings.token or secrets.token_urlsafe(24)


def token_file(store: str) -> Path:
    """Where ``newsgraph serve`` leaves its token for local programs: beside the store."""
    return Path(store).with_name(Path(store).name + ".token")


def save_token(path: Path, token: str) -> None:
    """Write ``token`` to ``path``, readable by this user only (mode 0600)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        os.fchmod(fh.fileno(), 0o600)
        fh.write(token + "\n")
