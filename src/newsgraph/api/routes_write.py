"""Write endpoints: post an article (text, HTML or URL); the watch folder's status."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError, model_validator

from ..errors import (
    BadEncoding,
    BinaryInput,
    EmptyInput,
    InputError,
    NewsgraphError,
)
from ..sources.decode import decode_bytes, looks_binary
from ..sources.readers import json_object
from .deps import id_path
from .errorpages import CodedError
from .limits import require_token

router = APIRouter(prefix="/api")
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def _has_surrogate(value: Any) -> bool:
    """A lone surrogate anywhere in a parsed JSON value, keys included (no recursion: the
    value may be nested as deeply as the parser allows)."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return False


def json_body(body: bytes) -> dict[str, Any]:
    """A posted JSON object, or the coded error a reader gives for the same bytes: E001
    empty, E002 binary, E004 not UTF-8 or a lone surrogate, E005 not JSON, nested too
    deeply, or not an object."""
    if not body.strip():
        raise EmptyInput("the request body is empty")
    if looks_binary(body):
        raise BinaryInput("the request body looks binary (NUL or control bytes), not JSON")
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadEncoding(f"the JSON body is not UTF-8: {exc}") from None
    obj = json_object(text, "the JSON body")
    if _has_surrogate(obj):
        raise BadEncoding("the JSON body holds a lone surrogate (a \\ud800-\\udfff escape "
                          "without its pair), which is no Unicode text")
    return obj


async def _article_in(request: Request, date: dt.date | None, title: str | None
                      ) -> tuple[ArticleIn, list[str]]:
    """The posted article and the warnings its decoding gave (W002)."""
    body = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        if kind == "application/json":
            return ArticleIn.model_validate(json_body(body)), []
        text, warning = decode_bytes(body, name="the request body")
        warnings = [warning] if warning else []
        if kind == "text/html":
            return ArticleIn.model_validate({"html": text, "date": date, "title": title}), warnings
        return ArticleIn.model_validate({"text": text, "date": date, "title": title}), warnings
    except InputError as exc:
        raise CodedError.of(exc) from exc
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
    art, warnings = await _article_in(request, date, title)
    ingestor = request.app.state.ingestor
    try:
        if art.url and not (art.text or art.html):  # fetched on the loop, by the deadline
            client = request.client.host if request.client else "?"
            data, _ = await request.app.state.fetcher.fetch(art.url, client=client)
            raw = await run_in_threadpool(ingestor.page, data, art.url, title=art.title)
        else:
            raw = await run_in_threadpool(ingestor.raw, text=art.text, html=art.html,
                                          url=art.url, title=art.title, warnings=warnings)
        [(rec, new)] = await run_in_threadpool(ingestor.ingest, [raw], art.date)
    except NewsgraphError as exc:
        raise CodedError.of(exc) from exc
    if rec.error:
        code, _, _ = rec.error.partition(":")
        raise CodedError(422, rec.error, code)
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
