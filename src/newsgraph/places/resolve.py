"""Toponym resolution: pick the gazetteer entry a name most likely means in its article.

The candidates are ranked by ``ranking.rank`` (population and feature priors, the article's
focus, a qualifier such as "Paris, Texas"); names the gazetteer lacks fall back to a place
named inside them or to the article's main place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .focus import article_focus
from .gazetteer import Entry, Gazetteer, load, norm
from .ranking import NEAR_KM, NON_PLACES, Focus, drop_shadowed_divisions, km, qualifier_hits, rank

__all__ = ["NON_PLACES", "Focus", "Resolution", "article_focus", "rank", "resolve_toponym"]

_LOCAL_SPAN = 600  # characters: a venue belongs to the town named in its paragraph


@dataclass(frozen=True)
class Resolution:
    entry: Entry
    score: float
    rule: str
    confidence: float
    demonym: bool = False
    reason: str | None = None  # why this entry: what in the article decided it


def _names_a_big_place(e: Entry, primary: bool) -> bool:
    return primary and (e.feature not in ("city",) or e.population >= 100_000)


# Generic heads of names the gazetteer lacks: "Orange County" -> "Orange".
_GENERIC_TAIL = re.compile(
    r"\s+(county|city|state|province|district|region|parish|borough|township|university|"
    r"college|airport|river|valley|street|road|avenue|park|square|bridge|beach|island)$",
    re.IGNORECASE,
)


# Streets are named after places elsewhere ("Collins Avenue"): they lie in the story's town.
_STREET = re.compile(r"\b(street|st|road|rd|avenue|ave|boulevard|lane|drive|square)\.?$", re.I)


def _story_place(part: str, focus: Focus, gaz: Gazetteer) -> Entry | None:
    """The place ``part`` names when it is one of the story's: in a country the article
    names and, for a town or county, near a locality it names ("Church" or "Jones" inside
    a name is rarely a town)."""
    key = norm(part)
    if len(key) < 4 or key in NON_PLACES or not part[:1].isupper():
        return None
    cands = [
        (e, p)
        for e, p in drop_shadowed_divisions(gaz.candidates(part))
        if e.feature != "continent" and (p or e.population >= 100_000)
    ]
    if not cands:
        return None
    best = rank(cands, focus, set())[0][1]
    if best.country not in focus.countries:
        return None
    if best.feature in ("country", "admin1") or any(
        km(loc, best.lat, best.lon) <= NEAR_KM for _, loc in focus.locals
    ):
        return best
    return None


def _contained(name: str, focus: Focus, gaz: Gazetteer) -> Entry | None:
    """The story's place named inside a longer name ("Riverdale Lukoil South" ->
    Riverdale), trying the longest runs of words first."""
    words = name.replace(",", " ").split()
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            found = _story_place(" ".join(words[i : i + size]), focus, gaz)
            if found is not None:
                return found
    return None


def _local_within(area: Entry, focus: Focus, start: int | None) -> Entry | None:
    """The article's locality inside ``area`` (country or division) named nearest before
    ``start`` (else the first one)."""
    inside = [
        (pos, e)
        for pos, e in focus.locals
        if e.country == area.country
        and (area.feature == "country" or e.admin1 == area.admin1)
        and e.feature != area.feature
    ]
    if not inside:
        return None
    before = [pe for pe in inside if start is None or pe[0] <= start]
    return (before[-1] if before else inside[0])[1]


def _nearest_local(focus: Focus, start: int | None) -> Entry | None:
    """The city or county named last before ``start`` (within _LOCAL_SPAN characters)."""
    if start is None:
        return None
    best = None
    for pos, e in focus.locals:
        if pos > start:
            break
        if e.feature != "admin1" and start - pos <= _LOCAL_SPAN:
            best = e
    return best


def _fallback(
    name: str,
    context_text: str,
    start: int | None,
    end: int | None,
    focus: Focus,
    gaz: Gazetteer,
) -> Resolution | None:
    """Names the gazetteer lacks: drop a generic head word, else a place named inside the
    name, else the article's anchor."""
    stripped = _GENERIC_TAIL.sub("", name.strip())
    inner = None
    if stripped != name.strip() and stripped and not _STREET.search(name):
        inner = _story_place(stripped, focus, gaz)  # "Suffolk County", "Walker River"
    inner = inner or _contained(name, focus, gaz)
    if inner is not None and inner.feature in ("country", "admin1"):
        # "Florida Atlantic University": the article's locality in Florida is a better point.
        local = _local_within(inner, focus, start)
        return Resolution(local or inner, 0.0, "places:contained", 0.35)
    if inner is not None:
        return Resolution(inner, 0.0, "places:contained", 0.4)
    near = _nearest_local(focus, start)
    if near is not None:
        # A venue or street lies near the locality the text named just before it.
        return Resolution(near, 0.0, "places:article-anchor", 0.25)
    if focus.anchor is None:
        return None
    # Streets, venues and counties of a local story lie near the story's main place.
    return Resolution(focus.anchor, 0.0, "places:article-anchor", 0.25)


def resolve_toponym(
    name: str,
    context_text: str = "",
    *,
    start: int | None = None,
    end: int | None = None,
    focus: Focus | None = None,
    allow_demonyms: bool = True,
    anchor_fallback: bool = True,
    gazetteer: Gazetteer | None = None,
) -> Resolution | None:
    """Resolve one place name in its article.

    ``context_text`` is the article; ``start``/``end`` locate the name in it (used to read a
    qualifier such as "Paris, Texas"). Pass a precomputed ``focus`` when resolving many names
    of one article. Demonyms ("Turkish") resolve to their country when ``allow_demonyms``.
    With ``anchor_fallback``, a name the gazetteer lacks takes the article's main place.
    Returns None when the gazetteer has no entry for the name.
    """
    gaz = gazetteer or load()
    key = norm(name)
    if not key or key in NON_PLACES:
        return None
    if focus is None:
        focus = article_focus(context_text, gaz) if context_text else Focus()
    cands = drop_shadowed_divisions(gaz.candidates(name))
    if allow_demonyms and not any(_names_a_big_place(e, p) for e, p in cands):
        # "Canadian" is a demonym before it is a Texas town; "Syrian-held" points at Syria.
        dem = gaz.demonym(name)
        if dem is None and "-" in name and not cands:
            dem = gaz.demonym(name.split("-")[0])
        if dem is not None:
            return Resolution(dem, 0.0, "places:demonym", 0.7, demonym=True)
    if not cands:
        res = _fallback(name, context_text, start, end, focus, gaz)
        if res is not None and res.rule == "places:article-anchor" and not anchor_fallback:
            return None
        return res
    hits = qualifier_hits(gaz, context_text, end) if end is not None and context_text else set()
    same = focus.qualified.get(key)
    if not hits and same is not None and any(e == same for e, _ in cands):
        reason = f"the article names it as {same.name}, {same.admin1 or same.country}"
        return Resolution(same, 0.0, "places:ranked", 0.8, reason=reason)
    scored = rank(cands, focus, hits)
    best_score, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    confidence = round(min(0.99, 0.55 + 0.1 * margin), 2)
    rule = "places:gazetteer" if len(scored) == 1 else "places:ranked"
    return Resolution(best, round(best_score, 3), rule, confidence)
