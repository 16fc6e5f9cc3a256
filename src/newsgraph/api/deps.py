"""Shared request dependencies: the database and pagination."""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Path, Query, Request

from .db import Database


def get_db(request: Request) -> Database:
    return request.app.state.db


Limit = Annotated[int, Query(ge=1, le=1000, description="Rows per page (1-1000).")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip.")]
Text = Annotated[str | None, Query(max_length=200, description="Case-insensitive text search.")]
# Article ids: any non-empty string the store holds (the store caps neither length nor
# characters); links carry them percent-encoded (``id_path``), routes take the whole rest of
# the path so an id with a slash still opens.
ArticleId = Annotated[str | None, Query(min_length=1, description="Article id.")]
ArticlePath = Annotated[str, Path(min_length=1, description="Article id, percent-encoded.")]


def id_path(article_id: str) -> str:
    """The id as one URL path segment."""
    return quote(str(article_id), safe="")


def clean(value: Any) -> Any:
    """JSON-safe values: NaN and infinities become null."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(v) for v in value]
    return value
