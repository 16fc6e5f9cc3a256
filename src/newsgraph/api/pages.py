"""The dashboard's HTML pages, rendered server-side with autoescaping Jinja templates.

Charts are drawn in the browser from the JSON API (static/*.js); tables and article text
are rendered here, so every piece of stored text reaches the page escaped.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..search.index import KINDS, RANK_LIMIT, first_line
from ..urls import link_url
from . import browse, netlayout, queries
from .basemap import map_data
from .db import Database
from .deps import ArticlePath, Offset, Text, get_db, id_path
from .filters import LOOSE_CODE, EventFilter, event_filter, norm_code
from .highlight import annotations, segments

WEB = Path(__file__).resolve().parents[1] / "web"
templates = Jinja2Templates(directory=str(WEB / "templates"))
templates.env.filters["qs"] = lambda pairs: urlencode(pairs)
templates.env.filters["idpath"] = id_path
# Every URL a template puts into href/src passes this (None: not linkable); a test holds
# the templates to it.
templates.env.filters["link"] = link_url

router = APIRouter(include_in_schema=False)
DB = Annotated[Database, Depends(get_db)]
PAGE = 50
QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict",
              4: "Material conflict"}
CAMEO_ROOTS = {
    "01": "Make public statement", "02": "Appeal", "03": "Express intent to cooperate",
    "04": "Consult", "05": "Engage in diplomatic cooperation",
    "06": "Engage in material cooperation", "07": "Provide aid", "08": "Yield",
    "09": "Investigate", "10": "Demand", "11": "Disapprove", "12": "Reject", "13": "Threaten",
    "14": "Protest", "15": "Exhibit force posture", "16": "Reduce relations", "17": "Coerce",
    "18": "Assault", "19": "Fight", "20": "Use unconventional mass violence",
}


templates.env.globals["quad_names"] = QUAD_NAMES


def article_label(row: dict[str, Any]) -> str:
    """What a list shows for an article: its title, else its first line, else its id."""
    title = (row.get("title") or "").strip()
    return title or first_line(row.get("lead") or row.get("text")) or str(row.get("id", ""))


templates.env.filters["label"] = article_label
templates.env.filters["names"] = lambda ids, actors: ", ".join(
    actors[i]["name"] for i in ids or [] if i in actors)


def render(request: Request, name: str, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, db: DB) -> HTMLResponse:
    latest = queries.events(db, EventFilter(), limit=12, offset=0)
    recent, _ = queries.articles(db, q=None, start=None, end=None, limit=8, offset=0)
    return render(request, "overview.html", page="overview", counts=queries.counts(db),
                  volumes=queries.volumes(db), actors=queries.top_actors(db, n=12),
                  dyads=queries.top_dyads(db, n=10), events=latest, articles=recent)


Sort = Annotated[str | None, Query(pattern=r"^-?(" + "|".join(browse.SORTS) + ")$",
                                    description="Column to sort by; a leading - sorts descending.")]
FACET_NAMES = {"root": "CAMEO root", "actor": "Actor (either side)", "country": "Place country",
               "quad": "QuadClass", "outlet": "Outlet"}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, db: DB, f: Annotated[EventFilter, Depends(event_filter)],
                offset: Offset = 0, sort: Sort = None) -> HTMLResponse:
    # The page starts as the exports do (counted events only: no negated or modal ones).
    f.include_modal = request.query_params.get("include_modal", "false").lower() == "true"
    rows = browse.page(db, f, sort=sort, limit=PAGE, offset=offset)
    qs = [(k, v) for k, v in f.query_string() if k != "include_modal"]
    qs.append(("include_modal", "true" if f.include_modal else "false"))
    facets = browse.facets(db, f)
    return render(request, "events.html", page="events", f=f, events=rows,
                  total=queries.events_total(db, f), offset=offset, size=PAGE,
                  qs=qs, sort=sort or browse.DEFAULT_SORT,
                  page_qs=qs + ([("sort", sort)] if sort else []),
                  roots=CAMEO_ROOTS, facets=facets, facet_names=FACET_NAMES)


@router.get("/dyad", response_class=HTMLResponse)
def dyad_page(request: Request, db: DB,
              a: Annotated[str | None, Query(pattern=LOOSE_CODE)] = None,
              b: Annotated[str | None, Query(pattern=LOOSE_CODE)] = None,
              directed: bool = False) -> HTMLResponse:
    a = norm_code(a, "Country A") if a else None  # "tur" -> TUR, "turgov" -> TURGOV
    b = norm_code(b, "Country B") if b else None
    dyads = queries.top_dyads(db, n=15)
    if not (a and b) and dyads:
        a, b = dyads[0]["a"], dyads[0]["b"]
    rows: list[dict[str, Any]] = []
    total = 0
    if a and b:
        f = EventFilter(dyad=f"{a}-{b}", directed=directed)
        rows, total = queries.events(db, f, limit=20, offset=0), queries.events_total(db, f)
    return render(request, "dyad.html", page="dyad", a=a, b=b, directed=directed,
                  dyads=dyads, events=rows, total=total)


_LAYOUT: dict[str, Any] = {}  # the last layout and the store version it was made for


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request, db: DB) -> HTMLResponse:
    from ..analytics import network

    months = [v["period"] for v in queries.volumes(db) if v["events"]]
    # One layout for the whole period: the slider only shows and hides nodes and links.
    version = browse.store_version(db)
    if _LAYOUT.get("version") != version:
        whole = db.with_cursor(lambda cur: network(cur, None, None, by="country"))
        _LAYOUT.update(version=version, layout=netlayout.layout(whole))
    return render(request, "network.html", page="network",
                  data={"months": months, **_LAYOUT["layout"]})


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, db: DB) -> HTMLResponse:
    found = map_data(db, EventFilter())
    return render(request, "map.html", page="map", places=found["points"][:12],
                  countries=found["countries"][:8])


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, db: DB, q: Text = None,
                  dated: Annotated[bool | None, Query(description="false: undated only")] = None,
                  offset: Offset = 0) -> HTMLResponse:
    rows, total = queries.articles(db, q=q, start=None, end=None, limit=PAGE, offset=offset,
                                   dated=dated)
    qs = [(k, v) for k, v in (("q", q), ("dated", None if dated is None else str(dated).lower()))
          if v]
    return render(request, "articles.html", page="articles", articles=rows, total=total,
                  offset=offset, size=PAGE, qs=qs, dated=dated, counts=queries.counts(db))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, db: DB, article_id: ArticlePath) -> HTMLResponse:
    record = queries.article(db, article_id)
    if record is None:
        raise HTTPException(404, f"no article {article_id!r}")
    anns = annotations(record)
    actors = {a["id"]: a for a in record.get("actors") or []}
    counts = {k: sum(1 for a in anns if a["kind"] == k) for k in ("actor", "trigger", "quote",
                                                                    "place", "date")}
    return render(request, "article.html", page="article", r=record, anns=anns, counts=counts,
                  label=article_label({"title": record.get("title"), "text": record.get("text"),
                                       "id": record.get("id")}),
                  segments=segments(record.get("text") or "", anns), actors=actors)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, db: DB, q: Text = None,
                start: dt.date | None = None, end: dt.date | None = None) -> HTMLResponse:
    found: dict[str, Any] = {}
    if q:
        index = request.app.state.search.current()
        span = {"start": start and start.isoformat(), "end": end and end.isoformat()}
        for kind in KINDS:
            found[kind], found["n_" + kind] = index.search(q, kind, limit=20, **span)
        rows = queries.events_by_keys(
            db, [(h.ref["article_id"], h.ref["event_id"]) for h in found["events"]])
        found["event_rows"] = {(r["article_id"], r["event_id"]): r for r in rows}
    return render(request, "search.html", page="search", q=q or "", start=start, end=end,
                  rank_limit=RANK_LIMIT, **found)
