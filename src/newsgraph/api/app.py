"""The FastAPI application: REST API, dashboard pages, static assets, watch folder."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..search import LiveIndex
from ..settings import Settings, load_settings
from . import (
    apidocs,
    errorpages,
    pages,
    routes_analysis,
    routes_data,
    routes_search,
    routes_watch,
    routes_write,
)
from .db import Database, QueryTimeout
from .fetcher import Fetcher
from .guard import HostAllowList, SecurityHeaders
from .ingestor import Ingestor, Watcher
from .limits import BodyLimitMiddleware, DropEmptyParams, is_loopback

log = logging.getLogger(__name__)

DESCRIPTION = """Structured, explainable news events: who did what to whom, where, when,
who said what. Every event row links to its article, whose record carries the evidence
(character offsets, rule, confidence) for each field. Write endpoints need a token
(`Authorization: Bearer <token>`) when the server listens beyond localhost."""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app serving ``settings.store`` (default: from newsgraph.toml and NEWSGRAPH_*).

    It reads the store read-only and writes through a short-lived writer (see db.py).
    """
    settings = settings if settings is not None else load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.watcher:
            app.state.watcher.start()
        try:
            yield
        finally:
            if app.state.watcher:
                app.state.watcher.stop()
            app.state.db.close()

    app = FastAPI(title="newsgraph", version=__version__, description=DESCRIPTION,
                  lifespan=lifespan, docs_url=None, redoc_url=None)
    db = Database(settings)
    app.state.settings = settings
    app.state.db = db
    app.state.ingestor = Ingestor(db, settings)
    app.state.fetcher = Fetcher(deadline_ms=settings.fetch_deadline_ms,
                                per_client=settings.fetch_per_client, max_bytes=settings.max_bytes)
    app.state.search = LiveIndex(db, settings.store)
    app.state.watcher = Watcher(app.state.ingestor, Path(settings.watch)) if settings.watch else None
    if not is_loopback(settings.host) and not settings.token:
        log.warning("listening on %s without a token: write endpoints are disabled", settings.host)

    errorpages.install(app)

    @app.exception_handler(QueryTimeout)
    async def _timeout(request: Request, exc: QueryTimeout) -> Response:
        return errorpages.error_response(request, 503, str(exc))

    app.add_middleware(DropEmptyParams)
    app.add_middleware(BodyLimitMiddleware, max_bytes=settings.max_bytes)
    app.add_middleware(HostAllowList, host=settings.host, allowed=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)  # outermost: every answer carries the headers
    app.include_router(routes_data.router)
    app.include_router(routes_analysis.router)
    app.include_router(routes_write.router)
    app.include_router(routes_search.router)
    app.include_router(routes_watch.router)
    app.include_router(pages.router)
    apidocs.install(app)
    app.mount("/static", StaticFiles(directory=str(pages.WEB / "static")), name="static")
    return app


def run_server(settings: Settings) -> None:
    """Serve the API and dashboard with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                log_level="info", timeout_graceful_shutdown=5)
