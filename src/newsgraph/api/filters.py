"""Validated event filters and the parameterised WHERE clause they become."""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import HTTPException, Query
from pydantic import Field

from .deps import ArticleId

# Actor codes (TUR, TURGOV, IGO) or a name fragment; letters, digits and a few name marks only.
ACTOR_PATTERN = r"^[\w .,'’\-]{1,80}$"
CODE3 = r"^[A-Z]{3}$"
CODE3_LOOSE = r"^\s*[A-Za-z]{3}\s*$"
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z0-9]{3}){0,3}$")
# What a form may hold for a code or a pair before normalising ("tur", "TUR - rus", "turgov/rus").
LOOSE_CODE = r"^\s*[A-Za-z0-9_]{3,12}\s*$"
LOOSE_DYAD = r"^[\sA-Za-z0-9_,/–—-]{3,40}$"
PAIR_SPLIT = re.compile(r"[\s,/–—-]+")
COUNTRIES_TSV = Path(__file__).resolve().parents[1] / "data" / "places_countries.tsv"


@lru_cache(maxsize=1)
def countries() -> frozenset[str]:
    """ISO alpha-3 codes of the bundled country table (its ``iso3`` column)."""
    with COUNTRIES_TSV.open(encoding="utf-8") as fh:
        return frozenset(row["iso3"] for row in csv.DictReader(fh, delimiter="\t"))


def composite_ok(code: str) -> bool:
    """A code longer than 3 letters is a country or non-state code followed by sectors."""
    from ..actors.codes import NON_STATE, norm_sector  # loaded only for composite codes

    head, rest = code[:3], [code[i:i + 3] for i in range(3, len(code), 3)]
    return (head in countries() or head in NON_STATE) and all(norm_sector(t) for t in rest)


def is_code(code: str) -> bool:
    """An upper-case actor code: a country or non-state code (3 letters) or a composite."""
    return bool(CODE_RE.match(code)) and (len(code) == 3 or composite_ok(code))


def norm_code(value: str, name: str = "code") -> str:
    """An actor code as the CLI takes it: any case, spaces dropped (tur -> TUR, TurGov -> TURGOV)."""
    out = re.sub(r"\s+", "", value).upper()
    if not is_code(out):
        raise HTTPException(422, f"{name}: {value!r} is not an actor code "
                                 f"(3 letters such as TUR, or a composite such as TURGOV)")
    return out


def norm_dyad(value: str) -> str:
    """Two actor codes as ``A-B``: 'tur rus', 'TUR–RUS' and 'turgov/rus' are all accepted."""
    parts = [p for p in PAIR_SPLIT.split(value.strip()) if p]
    if len(parts) != 2:
        raise HTTPException(422, f"dyad: {value!r} is not two actor codes (e.g. TUR-RUS, "
                                 f"TURGOV-RUS)")
    return "-".join(norm_code(p, "dyad") for p in parts)


def actor_code(value: str) -> str | None:
    """``value`` as an actor code when it is one, else None (then it is a name fragment).

    Upper-case input of 3 letters, or a composite (country + sectors), is a code; lower- or
    mixed-case input is one when it starts with a known country ("tur", "turgov"), so "Putin"
    and "Iran" stay names.
    """
    raw = value.strip()
    up = raw.upper()
    if not is_code(up):
        return None
    if raw == up or up[:3] in countries():
        return up
    return None


def _side(column: str, value: str) -> tuple[str, list[str]]:
    """SQL for one side of a dyad: a country (3 letters) or a full actor code (longer)."""
    if len(value) == 3:
        return f"{column}_country = ?", [value]
    return f"(coalesce({column}_code, concat({column}_country, {column}_sector)) = ?)", [value]
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
    outlet: str | None = None
    country: str | None = None
    include_modal: bool = True

    def where(self) -> tuple[str, list[Any]]:
        """SQL condition on the ``events`` table and its parameters (never interpolated)."""
        conds: list[str] = []
        params: list[Any] = []
        if self.actor and CODE_RE.match(self.actor):
            # An actor code: a country (TUR) or a composite (TURGOV) on either side.
            src, p1 = _side("source", self.actor)
            tgt, p2 = _side("target", self.actor)
            conds.append(f"({src} OR {tgt})")
            params += p1 + p2
        elif self.actor:
            conds.append("(contains(lower(source_name), ?) OR contains(lower(target_name), ?))")
            params += [self.actor.lower()] * 2
        if self.source:
            cond, p = _side("source", self.source)
            conds.append(cond)
            params += p
        if self.target:
            cond, p = _side("target", self.target)
            conds.append(cond)
            params += p
        if self.dyad:
            a, b = self.dyad.split("-")
            (sa, pa), (tb, pb) = _side("source", a), _side("target", b)
            pair = f"({sa} AND {tb})"
            params += pa + pb
            if not self.directed:
                (sb, qb), (ta, qa) = _side("source", b), _side("target", a)
                pair = f"({pair} OR ({sb} AND {ta}))"
                params += qb + qa
            conds.append(pair)
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
        if self.country:
            conds.append("place_country = ?")
            params.append(self.country)
        if self.outlet:
            conds.append("article_id IN (SELECT id FROM articles WHERE source = ?)")
            params.append(self.outlet)
        if not self.include_modal:
            conds.append("coalesce(counted, true)")
        return (" AND ".join(conds) or "true"), params

    def query_string(self) -> list[tuple[str, str]]:
        """The filter as query parameters (for download and pagination links)."""
        out: list[tuple[str, str]] = []
        for name in ("actor", "source", "target", "dyad", "cameo", "root", "plover", "start",
                     "end", "place", "q", "article", "outlet",
                     "country"):
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
    source: Annotated[str | None, Query(pattern=LOOSE_CODE, description="Source: country (TUR) or actor code (TURGOV), any case.")] = None,
    target: Annotated[str | None, Query(pattern=LOOSE_CODE, description="Target: country (RUS) or actor code, any case.")] = None,
    dyad: Annotated[str | None, Query(pattern=LOOSE_DYAD, description="Two actor codes, e.g. TUR-RUS or turgov rus.")] = None,
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
    outlet: Annotated[str | None, Query(max_length=200, description="The article's outlet (its source, e.g. a domain).")] = None,
    country: Annotated[str | None, Query(pattern=CODE3_LOOSE, description="The place's country (ISO alpha-3, any case).")] = None,
    include_modal: Annotated[bool, Query(description="Include negated and modal events.")] = True,
) -> EventFilter:
    if actor:
        actor = actor_code(actor) or actor.strip()
    source = norm_code(source, "source") if source else None
    target = norm_code(target, "target") if target else None
    dyad = norm_dyad(dyad) if dyad else None
    return EventFilter(actor=actor, source=source, target=target, dyad=dyad, directed=directed,
                       cameo=cameo, root=root, quad=quad, plover=plover, start=start, end=end,
                       place=place, q=q, article=article, outlet=outlet,
                       country=country.strip().upper() if country else None,
                       include_modal=include_modal)
