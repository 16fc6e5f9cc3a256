"""Watchlists over HTTP: the /watch page with its forms, and /api/watchlists for scripts.

Saving, marking seen and deleting are writes: open on localhost, token-guarded beyond it
(as the other write endpoints). The page's forms post URL-encoded bodies and are answered
with a redirect back to /watch; a form posted from another site (its Origin naming another
host) is refused.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qsl, urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse
from pydantic import BaseModel, Field

from .. import watchlists as wl
from .db import Database
from .deps import clean, get_db
from .limits import require_token

router = APIRouter()
DB = Annotated[Database, Depends(get_db)]
MAX_FORM = 4096


class WatchIn(BaseModel):
    kind: str = Field(pattern="^(" + "|".join(wl.KINDS) + ")$",
                      description="dyad (TUR-RUS), actor (TUR, TURGOV or a name), or events "
                                  "(an events-page query such as root=18&country=SYR).")
    value: str = Field(min_length=1, max_length=500)
    name: str | None = Field(None, max_length=120)


def _reports(db: Database) -> list[dict[str, Any]]:
    return db.with_cursor(lambda cur: wl.reports(cur))


def _save(db: Database, item: WatchIn) -> str:
    try:
        return db.with_writer(lambda con: wl.add(con, item.kind, item.value, item.name))
    except wl.WatchlistError as exc:
        raise HTTPException(422, str(exc)) from None


def _same_origin(request: Request) -> None:
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "a form from another site cannot change watchlists")


async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    if len(body) > MAX_FORM:
        raise HTTPException(413, "form too large")
    return dict(parse_qsl(body.decode("utf-8", "replace")))


# -- JSON API --------------------------------------------------------------------------------

@router.get("/api/watchlists", tags=["watchlists"],
            summary="Every watchlist with what arrived since it was last marked seen")
def list_watchlists(db: DB) -> list[dict[str, Any]]:
    return clean(_reports(db))


@router.post("/api/watchlists", tags=["watchlists"], status_code=201,
             summary="Save a dyad, an actor or an events query as a watchlist",
             dependencies=[Depends(require_token)])
async def create_watchlist(db: DB, item: WatchIn) -> dict[str, Any]:
    wid = await run_in_threadpool(_save, db, item)
    return {"id": wid}


@router.post("/api/watchlists/{wid}/seen", tags=["watchlists"],
             summary="Mark a watchlist's changes as seen", dependencies=[Depends(require_token)])
async def seen_watchlist(db: DB, wid: str) -> dict[str, Any]:
    n = await run_in_threadpool(db.with_writer, lambda con: wl.mark_seen(con, wid))
    if not n:
        raise HTTPException(404, f"no watchlist {wid!r}")
    return {"id": wid, "seen": True}


@router.delete("/api/watchlists/{wid}", tags=["watchlists"], summary="Delete a watchlist",
               dependencies=[Depends(require_token)])
async def delete_watchlist(db: DB, wid: str) -> dict[str, Any]:
    if not await run_in_threadpool(db.with_writer, lambda con: wl.remove(con, wid)):
        raise HTTPException(404, f"no watchlist {wid!r}")
    return {"id": wid, "deleted": True}


# -- the page --------------------------------------------------------------------------------

@router.get("/watch", response_class=HTMLResponse, include_in_schema=False)
def watch_page(request: Request, db: DB) -> HTMLResponse:
    from .pages import render

    return render(request, "watch.html", page="watch", reports=_reports(db),
                  kinds=wl.KINDS, error=request.query_params.get("error"))


@router.post("/watch", include_in_schema=False, dependencies=[Depends(require_token)])
async def watch_add(request: Request, db: DB) -> RedirectResponse:
    _same_origin(request)
    form = await _form(request)
    try:
        item = WatchIn(kind=form.get("kind", ""), value=form.get("value", "").strip(),
                       name=form.get("name") or None)
    except ValueError:
        raise HTTPException(422, "choose a kind (dyad, actor, events) and give a value") from None
    await run_in_threadpool(_save, db, item)
    return RedirectResponse("/watch", status_code=303)


@router.post("/watch/{wid}/seen", include_in_schema=False, dependencies=[Depends(require_token)])
async def watch_seen(request: Request, db: DB, wid: str) -> RedirectResponse:
    _same_origin(request)
    await run_in_threadpool(db.with_writer, lambda con: wl.mark_seen(con, wid))
    return RedirectResponse("/watch", status_code=303)


@router.post("/watch/{wid}/delete", include_in_schema=False,
             dependencies=[Depends(require_token)])
async def watch_delete(request: Request, db: DB, wid: str) -> RedirectResponse:
    _same_origin(request)
    await run_in_threadpool(db.with_writer, lambda con: wl.remove(con, wid))
    return RedirectResponse("/watch", status_code=303)
