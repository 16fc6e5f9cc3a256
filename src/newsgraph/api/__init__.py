"""The REST API and dashboard server (``newsgraph serve``).

>>> from newsgraph.api import create_app          # doctest: +SKIP
>>> app = create_app(Settings(store="news.duckdb"))  # an ASGI app for any server
"""

from __future__ import annotations

from .app import create_app, run_server

__all__ = ["create_app", "run_server"]
