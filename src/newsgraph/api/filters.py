"""Validated event filters and the parameterised WHERE clause they become."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import Field

from .deps import ArticleId

# Actor codes (TUR, TURGOV, IGO) or a name fragment; letters, digits and a few name marks only.
ACTOR_PATTERN = r"^[\w .,'’\-]{1,80}$"
CODE3 = r"^[A-Z]{3}$"
DYAD_PATTERN = r"^[A-Z]{3}-[A-Z]{3}$"
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})?$")
QuadClass = Annotated[int, Field(ge=1, le=4)]


@dataclass
class EventFilter:
    actor: str | None = None
    source: str | None = None
    target: str | None = None
    dyad: str | None = None
    directed: bool = False
    cameo: str | None = None
    root: str | None = None
    quad: list[int] | None = None
    plover: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str | None = None
    q: str | None = None
    article: str | None = None
    include_modal: bool = True

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition on the ``events`` table and its parameters (never interpolated)."""
        conds: list[str] = []
        params: list[Any] = []
        if self.actor and CODE_RE.match(self.actor):
            # Upper-case 3-6 letters is an actor code: a country (TUR) or country+sector (TURGOV).
            conds.append("(source_country = ? OR target_country = ?"
                         " OR concat(source_country, source_sector) = ?"
                         " OR concat(target_country, target_sector) = ?)")
            params += [self.actor] * 4
        elif self.actor:
            conds.append("(contains(lower(source_name), ?) OR contains(lower(target_name), ?))")
            params += [self.actor.lower()] * 2
        if self.source:
            conds.append("source_country = ?")
            params.append(self.source)
        if self.target:
            conds.append("target_country = ?")
            params.append(self.target)
        if self.dyad:
            a, b = self.dyad.split("-")
            if self.directed:
                conds.append("(source_country = ? AND target_country = ?)")
                params += [a, b]
            else:
                conds.append("((source_country = ? AND target_country = ?)"
                             " OR (source_country = ? AND target_country = ?))")
                params += [a, b, b, a]
        if self.cameo:
            conds.append("starts_with(cameo, ?)")
            params.append(self.cameo)
        if self.root:
            conds.append("cameo_root = ?")
            params.append(self.root)
        if self.quad:
            conds.append(f"quad_class IN ({', '.join('?' for _ in self.quad)})")
            params += list(self.quad)
        if self.plover:
            conds.append("plover = ?")
            params.append(self.plover.upper())
        if self.start:
            conds.append("published >= ?")
            params.append(self.start)
        if self.end:
            conds.append("published <= ?")
            params.append(self.end)
        if self.place:
            conds.append("(contains(lower(place_name), ?) OR place_country = ?)")
            params += [self.place.lower(), self.place.upper()]
        if self.q:
            cols = ("cameo_name", "source_name", "target_name", "place_name", "plover")
            conds.append("(" + " OR ".join(f"contains(lower({c}), ?)" for c in cols) + ")")
            params += [self.q.lower()] * len(cols)
        if self.article:
            conds.append("article_id = ?")
            params.append(self.article)
        if not self.include_modal:
            conds.append("coalesce(counted, true)")
        return (" AND ".join(conds) or "true"), params

    def query_string(self) -> list[tuple[str, str]]:
        """The filter as query parameters (for download and pagination links)."""
        out: list[tuple[str, str]] = []
        for name in ("actor", "source", "target", "dyad", "cameo", "root", "plover", "start",
                     "end", "place", "q", "article"):
            value = getattr(self, name)
            if value not in (None, ""):
                out.append((name, str(value)))
        out += [("quad", str(v)) for v in self.quad or []]
        if self.directed:
            out.append(("directed", "true"))
        if not self.include_modal:
            out.append(("include_modal", "false"))
        return out


def event_filter(
    actor: Annotated[str | None, Query(pattern=ACTOR_PATTERN, description="Actor code (TUR, TURGOV) or name fragment.")] = None,
    source: Annotated[str | None, Query(pattern=CODE3, description="Source country (ISO alpha-3).")] = None,
    target: Annotated[str | None, Query(pattern=CODE3, description="Target country (ISO alpha-3).")] = None,
    dyad: Annotated[str | None, Query(pattern=DYAD_PATTERN, description="Two countries, e.g. TUR-RUS.")] = None,
    directed: Annotated[bool, Query(description="Dyad only in the given direction.")] = False,
    cameo: Annotated[str | None, Query(pattern=r"^\d{2,4}$", description="CAMEO code or prefix, e.g. 19 or 190.")] = None,
    root: Annotated[str | None, Query(pattern=r"^\d{2}$", description="CAMEO root code, 01-20.")] = None,
    quad: Annotated[list[QuadClass] | None, Query(description="QuadClass 1-4 (repeatable).")] = None,
    plover: Annotated[str | None, Query(pattern=r"^[A-Za-z_]{2,32}$", description="PLOVER event type.")] = None,
    start: Annotated[dt.date | None, Query(description="Published on or after (YYYY-MM-DD).")] = None,
    end: Annotated[dt.date | None, Query(description="Published on or before (YYYY-MM-DD).")] = None,
    place: Annotated[str | None, Query(max_length=80, description="Place name fragment or country code.")] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text search in event names, actors, places.")] = None,
    article: ArticleId = None,
    include_modal: Annotated[bool, Query(description="Include negated and modal events.")] = True,
) -> EventFilter:
    return EventFilter(actor=actor, source=source, target=target, dyad=dyad, directed=directed,
                       cameo=cameo, root=root, quad=quad, plover=plover, start=start, end=end,
                       place=place, q=q, article=article, include_modal=include_modal)
