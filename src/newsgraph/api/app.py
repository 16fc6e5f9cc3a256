"""The FastAPI application: REST API, dashboard pages, static assets, watch folder."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import StoreError
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
from .limits import BodyLimitMiddleware, DropEmptyParams, save_token, token_file, write_token

log = logging.getLogger(__name__)

DESCRIPTION = """Structured, explainable news events: who did what to whom, where, when,
who said what. Every event row links to its article, whose record carries the evidence
(character offsets, rule, confidence) for each field. Write endpoints need the server's
token (`Authorization: Bearer <token>`), on localhost too: the `token` setting, or the one
`newsgraph serve` prints at start and writes beside the store (`<store>.token`, mode 0600).
A write sent by a page of another site is refused whatever it carries."""


def create_app(settings: Settings | None = None) -> FastAPI:
    """The app serving ``settings.store`` (default: from newsgraph.toml and NEWSGRAPH_*).

    It reads the store read-only and writes through a short-lived writer (see db.py).
    """
    settings = settings if settings is not None else load_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if app.state.watcher:
            app.state.watcher.start()
        # Every block read once, off the request path: damage turns the health check 503.
        threading.Thread(target=db.verify, name="newsgraph-store-check", daemon=True).start()
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
                                per_client=settings.fetch_per_client, max_bytes=settings.max_bytes,
                                private_hosts=settings.fetch_private_hosts)
    app.state.search = LiveIndex(db, settings.store)
    app.state.watcher = Watcher(app.state.ingestor, Path(settings.watch),
                                settle_s=settings.watch_settle_ms / 1000) if settings.watch else None
    app.state.write_token = write_token(settings)

    errorpages.install(app)

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        if errorpages.wants_json(request):
            return JSONResponse({"detail": str(exc), "code": exc.code}, status_code=503)
        return errorpages.error_response(request, 503, str(exc))

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
    import sys

    import uvicorn

    app = create_app(settings)
    token = app.state.write_token
    path = token_file(settings.store)
    saved = False
    if not settings.token:  # a token of the user's own stays where they keep it
        try:
            save_token(path, token)
            saved = True
        except OSError as exc:
            log.warning("cannot write the token file %s: %s", path, exc)
        print(f"write token: {token}  (also in {path}, mode 0600; send it as "
              "'Authorization: Bearer <token>' to POST /api/articles)", file=sys.stderr)
    try:
        uvicorn.run(app, host=settings.host, port=settings.port,
                    log_level="info", timeout_graceful_shutdown=5)
    finally:
        if saved:
            path.unlink(missing_ok=True)
