"""Errors answered as HTML pages with navigation on dashboard routes, as JSON on the API.

The API (``/api/...``, ``/openapi.json``, static files) keeps FastAPI's JSON bodies, so
scripts see the same ``{"detail": ...}`` as before; a person who mistypes a dashboard URL
or a form value gets a page saying what was wrong, with the way back.
"""

from __future__ import annotations

import logging

import duckdb
from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import FetchTimeout, NewsgraphError, StoreError, TooManyFetches
from ..store.connect import damaged

log = logging.getLogger(__name__)

HEADINGS = {400: "Bad request", 401: "A token is needed", 403: "Not allowed", 413: "Too large", 404: "Page not found", 405: "Method not allowed",
            422: "Some values could not be used", 429: "Too many requests", 500: "Something went wrong on the server",
            503: "The server is busy", 504: "A remote server did not answer in time"}
# The status a coded error is answered with (input errors and the rest: 422).
STATUS = {FetchTimeout: 504, TooManyFetches: 429, StoreError: 503}
JSON_PREFIXES = ("/api", "/openapi.json", "/static", "/docs/oauth2")
# What a form field takes, for values that do not fit its pattern.
HINTS = {"dyad": "two actor codes such as TUR-RUS or TURGOV-RUS",
         "a": "a country (TUR) or actor code (TURGOV)", "b": "a country (RUS) or actor code",
         "source": "a country (TUR) or actor code (TURGOV)",
         "target": "a country (RUS) or actor code (RUSMIL)",
         "cameo": "a CAMEO code or prefix of 2-4 digits, e.g. 19 or 190",
         "root": "a CAMEO root code, 01-20", "plover": "a PLOVER event type, e.g. ASSAULT",
         "start": "a date (YYYY-MM-DD)", "end": "a date (YYYY-MM-DD)",
         "quad": "a QuadClass, 1-4", "actor": "an actor code (TUR, TURGOV) or a name",
         "country": "a country code of 3 letters (SYR, any case)",
         "sort": "a column (published, date, source, target, event, quad, goldstein, place, "
                 "confidence), with a leading - for descending",
         "kind": "dyad, actor or events"}


class CodedError(StarletteHTTPException):
    """An error with a newsgraph code: JSON answers carry ``code`` beside ``detail``."""

    def __init__(self, status_code: int, detail: str, code: str) -> None:
        super().__init__(status_code, detail)
        self.code = code

    @classmethod
    def of(cls, exc: NewsgraphError, *, status: int | None = None) -> CodedError:
        if status is None:
            status = next((s for kind, s in STATUS.items() if isinstance(exc, kind)), 422)
        return cls(status, str(exc), exc.code)


def wants_json(request: Request) -> bool:
    """API clients get JSON: API paths, and any request that does not accept HTML."""
    path = request.url.path
    if path.startswith(JSON_PREFIXES):
        return True
    accept = request.headers.get("accept", "")
    return bool(accept) and "text/html" not in accept and "*/*" not in accept


def problems(exc: RequestValidationError) -> list[dict[str, str]]:
    """Each invalid value as (field, message) a person can act on."""
    out = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        message = str(err.get("msg", "invalid value"))
        if err.get("type") == "string_pattern_mismatch":
            message = "expected " + HINTS.get(loc[-1] if loc else "", "another form of value")
        given = err.get("input")
        if isinstance(given, str) and given:
            message += f" (got {given!r})"
        out.append({"field": ".".join(loc), "message": message})
    return out


def page(request: Request, status: int, detail: str = "", items: list[dict[str, str]] | None = None,
         headers: dict[str, str] | None = None, heading: str | None = None) -> Response:
    from .pages import render  # the templates live with the pages

    response = render(request, "error.html", page="error", status=status,
                      heading=heading or HEADINGS.get(status, "Error"), detail=detail,
                      problems=items or [],
                      path=request.url.path)
    response.status_code = status
    if headers:
        response.headers.update(headers)
    return response


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if wants_json(request):
            if isinstance(exc, CodedError):
                return JSONResponse({"detail": exc.detail, "code": exc.code},
                                    status_code=exc.status_code,
                                    headers=getattr(exc, "headers", None))
            return await http_exception_handler(request, exc)
        detail = exc.detail if isinstance(exc.detail, str) else ""
        if exc.status_code == 404 and detail in ("", "Not Found"):
            detail = "There is no page at this address."
        return page(request, exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if wants_json(request):
            return await request_validation_exception_handler(request, exc)
        return page(request, 422, items=problems(exc))

    @app.exception_handler(duckdb.Error)
    async def _store(request: Request, exc: duckdb.Error) -> Response:
        err = damaged(exc, request.app.state.settings.store)
        if err is None:
            return await _crash(request, exc)
        # A damaged store file: every page would fail the same way; say so and what to do.
        # The log has DuckDB's words (with the file's path); the client a plain account.
        log.error("%s", err)
        detail = (f"[{err.code}] the store file could not be read: it may be damaged or cut "
                  "short. Its operator should restore it from a backup or rebuild it (the "
                  "server log has the details).")
        if wants_json(request):
            return JSONResponse({"detail": detail, "code": err.code}, status_code=503)
        return page(request, 503, detail, heading="The store cannot be read")

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        if wants_json(request):
            return JSONResponse({"detail": "internal server error"}, status_code=500)
        return page(request, 500, "The error was logged. Try again, or go back.")


def error_response(request: Request, status: int, detail: str) -> Response:
    """A non-HTTPException error (e.g. a query timeout) answered like the others."""
    if wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status)
    return page(request, status, detail)

