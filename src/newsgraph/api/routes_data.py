"""REST endpoints for stored data: articles, events, actors, quotes, places."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from . import queries
from .basemap import map_data, outlines_response
from .db import Database
from .deps import ArticleId, ArticlePath, Limit, Offset, Text, clean, get_db
from .export import Format, table_response
from .filters import EventFilter, event_filter

router = APIRouter(prefix="/api")
DB = Annotated[Database, Depends(get_db)]
Start = Annotated[dt.date | None, Query(description="On or after (YYYY-MM-DD).")]
End = Annotated[dt.date | None, Query(description="On or before (YYYY-MM-DD).")]


@router.get("/health", tags=["meta"], summary="Liveness and store row counts")
def health(db: DB) -> dict[str, Any]:
    return {"status": "ok", "counts": queries.counts(db)}


@router.get("/volumes", tags=["meta"], summary="Articles and events per month or day")
def volumes(db: DB, by: Annotated[str, Query(pattern="^(month|day)$")] = "month"
            ) -> list[dict[str, Any]]:
    return queries.volumes(db, by=by)


@router.get("/basemap", tags=["meta"],
            summary="Country outlines of the dashboard's map (Natural Earth, by ISO alpha-3)")
def basemap(request: Request) -> Response:
    return outlines_response(request)


@router.get("/map", tags=["places"],
            summary="Events per country, per place below country level, and per metonym")
def map_events(db: DB, f: Annotated[EventFilter, Depends(event_filter)],
               limit: Annotated[int, Query(ge=1, le=20_000)] = 5000) -> dict[str, Any]:
    return clean(map_data(db, f, limit=limit))


@router.get("/articles", tags=["articles"], summary="Articles, newest first")
def list_articles(db: DB, q: Text = None, start: Start = None, end: End = None,
                  limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    rows, total = queries.articles(db, q=q, start=start, end=end, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": clean(rows)}


@router.get("/articles/{article_id:path}", tags=["articles"],
            summary="One article with its full record (schema newsgraph/1)")
def get_article(db: DB, article_id: ArticlePath) -> Response:
    record = queries.article_record(db, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return Response(record, media_type="application/json")


@router.get("/events", tags=["events"],
            summary="Events matching the filters; JSON page, or a CSV/JSON/Parquet download")
def list_events(
    db: DB,
    f: Annotated[EventFilter, Depends(event_filter)],
    limit: Limit = 50,
    offset: Offset = 0,
    format: Annotated[Format | None, Query(description="Download as a file: csv, json or parquet "
                                                       "(up to `max_rows` rows, offset ignored).")] = None,
    max_rows: Annotated[int, Query(ge=1, le=1_000_000)] = 100_000,
) -> Any:
    if format is not None:
        return table_response(queries.events_arrow(db, f, limit=max_rows), format, "events")
    return {"total": queries.events_total(db, f), "limit": limit, "offset": offset,
            "items": clean(queries.events(db, f, limit=limit, offset=offset))}


@router.get("/actors", tags=["actors"], summary="Actors by the number of articles naming them")
def list_actors(db: DB, q: Text = None, start: Start = None, end: End = None,
                limit: Limit = 50) -> list[dict[str, Any]]:
    return queries.top_actors(db, n=limit, start=start, end=end, q=q)


@router.get("/dyads", tags=["actors"], summary="Country pairs by event count")
def list_dyads(db: DB, start: Start = None, end: End = None, limit: Limit = 20
               ) -> list[dict[str, Any]]:
    return clean(queries.top_dyads(db, n=limit, start=start, end=end))


@router.get("/quotes", tags=["quotes"], summary="Quotations with their speakers")
def list_quotes(db: DB, q: Text = None,
                speaker: Annotated[str | None, Query(max_length=80)] = None,
                article: ArticleId = None, limit: Limit = 50, offset: Offset = 0
                ) -> dict[str, Any]:
    rows, total = queries.quotes(db, q=q, speaker=speaker, article=article, limit=limit,
                                 offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "items": rows}


@router.get("/places", tags=["places"],
            summary="Event locations (events filters apply) or every resolved place mention")
def list_places(db: DB, f: Annotated[EventFilter, Depends(event_filter)],
                kind: Annotated[str, Query(pattern="^(events|mentions)$")] = "events",
                limit: Annotated[int, Query(ge=1, le=20_000)] = 2000) -> list[dict[str, Any]]:
    if kind == "mentions":
        return queries.mentioned_places(db, limit=limit)
    return clean(queries.event_places(db, f, limit=limit))

