"""Write endpoints: post an article (text, HTML or URL); the watch folder's status."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError, model_validator

from ..errors import NewsgraphError
from .deps import id_path
from .limits import require_token

router = APIRouter(prefix="/api")


class ArticleIn(BaseModel):
    """An article to process: exactly one of text, html or url."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="An HTML page; its main text is extracted.")
    url: str | None = Field(None, max_length=2000,
                            description="Fetched when neither text nor html is given.")
    title: str | None = Field(None, max_length=500)
    date: dt.date | None = Field(None, description="Publication date, YYYY-MM-DD.")

    @model_validator(mode="after")
    def _one_source(self) -> ArticleIn:
        if not (self.text or self.html or self.url):
            raise ValueError("give text, html or url")
        return self


async def _article_in(request: Request, date: dt.date | None, title: str | None) -> ArticleIn:
    body = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "application/json":
            return ArticleIn.model_validate(json.loads(body))
        text = body.decode("utf-8", errors="replace")
        if kind == "text/html":
            return ArticleIn(html=text, date=date, title=title)
        return ArticleIn(text=text, date=date, title=title)
    except (ValueError, ValidationError) as exc:
        raise HTTPException(422, f"bad article: {exc}") from exc


@router.post(
    "/articles", tags=["articles"], dependencies=[Depends(require_token)], status_code=201,
    summary="Process an article and store it",
    description="Send JSON (`{text|html|url, title, date}`), or a `text/plain` or `text/html` "
                "body with `date` and `title` as query parameters. Answers 201 with the new "
                "record's id, or 200 when the article was already stored.",
    openapi_extra={"requestBody": {"content": {
        "application/json": {"schema": ArticleIn.model_json_schema()},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}}}}},
)
async def post_article(
    request: Request,
    date: Annotated[dt.date | None, Query(description="Publication date (plain bodies).")] = None,
    title: Annotated[str | None, Query(max_length=500)] = None,
) -> Any:
    art = await _article_in(request, date, title)
    ingestor = request.app.state.ingestor
    try:
        raw = await run_in_threadpool(ingestor.raw, text=art.text, html=art.html, url=art.url,
                                      title=art.title)
        [(rec, new)] = await run_in_threadpool(ingestor.ingest, [raw], art.date)
    except NewsgraphError as exc:
        raise HTTPException(422, str(exc)) from exc
    if rec.error:
        raise HTTPException(422, rec.error)
    body = {"id": rec.id, "new": new, "title": rec.title, "published": rec.published,
            "events": len(rec.events), "actors": len(rec.actors), "quotes": len(rec.quotes),
            "places": len(rec.places), "warnings": rec.warnings,
            "links": {"record": f"/api/articles/{id_path(rec.id)}",
                      "page": f"/articles/{id_path(rec.id)}"}}
    return JSONResponse(body, status_code=201 if new else 200)


@router.get("/watch", tags=["meta"], summary="The watch folder's status (null when off)")
def watch_status(request: Request) -> dict[str, Any] | None:
    watcher = request.app.state.watcher
    return watcher.status() if watcher else None
