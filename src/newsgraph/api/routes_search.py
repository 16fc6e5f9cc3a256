"""Full-text search over articles, events, quotes and actors (SQLite FTS5 beside the store)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..search.index import KINDS, RANK_LIMIT, Hit
from ..search.service import LiveIndex

router = APIRouter(prefix="/api")
Kind = Annotated[str, Query(pattern="^(" + "|".join(KINDS) + ")$",
                            description="What to search: " + ", ".join(KINDS) + ".")]
SearchText = Annotated[str, Query(min_length=1, max_length=200, description=(
    'Words (all must occur), "quoted phrases", prefix*; case and accents are folded.'))]


def live_index(request: Request) -> LiveIndex:
    return request.app.state.search


def marked(parts: list[tuple[str, bool]]) -> str:
    """Segments as text with the matched words in [brackets] (JSON clients)."""
    return "".join(f"[{t}]" if hit else t for t, hit in parts)


def hit_json(hit: Hit, ranked: bool) -> dict[str, Any]:
    return {**hit.ref, "title": marked(hit.title), "snippet": marked(hit.snippet),
            "score": round(-hit.score, 4) if ranked else None}


@router.get("/search", tags=["search"], summary="Ranked full-text hits of one kind",
            description=f"Ranked by bm25 up to {RANK_LIMIT:,} matches; beyond that the newest "
                        "indexed matches come first (`ranked`: false).")
def search(request: Request, q: SearchText, kind: Kind = "articles",
           start: dt.date | None = None, end: dt.date | None = None,
           limit: Annotated[int, Query(ge=1, le=200)] = 20,
           offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> dict[str, Any]:
    hits, total = live_index(request).current().search(
        q, kind, limit=limit, offset=offset, start=start.isoformat() if start else None,
        end=end.isoformat() if end else None)
    ranked = total <= RANK_LIMIT
    return {"total": total, "limit": limit, "offset": offset, "ranked": ranked,
            "items": [hit_json(h, ranked) for h in hits]}
