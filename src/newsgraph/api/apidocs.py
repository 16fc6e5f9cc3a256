"""Swagger UI (/docs) and ReDoc (/redoc) served from bundled files, so they work offline.

The JavaScript and CSS come from the fastapi-offline package (Swagger UI: Apache-2.0, ReDoc:
MIT; see NOTICE), mounted at ``/static/apidocs``; our own page and start-up script
(static/apidocs.js) keep every script in a file, as the content security policy asks.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).resolve().parent / "static"
PREFIX = "/static/apidocs"


def install(app: FastAPI) -> None:
    """Mount the assets and add /docs and /redoc (the app is made with docs_url=None)."""
    from .pages import render

    app.mount(PREFIX, StaticFiles(directory=str(ASSETS)), name="apidocs")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def swagger(request: Request) -> HTMLResponse:
        return render(request, "apidocs.html", page="docs", kind="swagger", assets=PREFIX,
                      spec=app.openapi_url)

    @app.get("/redoc", include_in_schema=False, response_class=HTMLResponse)
    def redoc(request: Request) -> HTMLResponse:
        return render(request, "apidocs.html", page="docs", kind="redoc", assets=PREFIX,
                      spec=app.openapi_url)
