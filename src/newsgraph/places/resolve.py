"""Toponym resolution: pick the gazetteer entry a name most likely means in its article.

Score = population prior (log10) + feature prior (continent > country > region > admin1 >
capital > city) + the article's focus (countries and divisions named elsewhere in the text)
+ a strong bonus for a qualifier right after the name ("Paris, Texas").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .focus import (
    COMPASS,
    LOCAL_FEATURES,
    NON_PLACES,
    Focus,
    article_focus,
    drop_shadowed_divisions,
    km,
)
from .gazetteer import Entry, Gazetteer, load, norm

__all__ = ["NON_PLACES", "Focus", "Resolution", "article_focus", "rank", "resolve_toponym"]

# Prior by feature type: a bare "Georgia" is more often a country or state than a town.
_FEATURE_PRIOR = {
    "continent": 3.0,
    "country": 2.5,
    "region": 2.0,
    "facility": 2.0,
    "admin1": 0.6,
    "admin2": 0.3,
    "city": 0.0,
}
_CAPITAL_BONUS = 2.0
_PRIMARY_NAME_BONUS = 1.0  # the entry's own name, not one of its alternative names
_FOCUS_WEIGHT = 3.0  # times the share of the article's place names in that country
_ADMIN1_FOCUS = 1.5  # the candidate's division is named elsewhere in the article
_QUALIFIER_BONUS = 6.0  # "Paris, Texas": the next name contains the candidate


@dataclass(frozen=True)
class Resolution:
    entry: Entry
    score: float
    rule: str
    confidence: float
    demonym: bool = False


_LOCAL_PROXIMITY = 1.5  # within _NEAR_KM of a locality the article names
_NEAR_KM = 150.0
_LOCAL_SPAN = 600  # characters: a venue belongs to the town named in its paragraph
_ALIAS_PENALTY = 1.5  # an alternative name when another place bears it as its own name
_FOREIGN_COMPASS = 3.0  # "Western" (Sri Lanka): a compass-named division of an unnamed country


def _qualifier(text: str, end: int) -> str | None:
    """The name right after ", " following a toponym: "Paris, Texas" -> "Texas"."""
    m = re.match(r",\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})", text[end : end + 40])
    return m.group(1) if m else None


def qualifier_hits(gaz: Gazetteer, text: str, end: int) -> set[str]:
    """Countries (ISO3) and division names the qualifier after a toponym names."""
    hits: set[str] = set()
    q = _qualifier(text, end)
    if q:
        for e, _ in gaz.candidates(q):
            if e.feature in ("country", "admin1"):
                hits.add(e.country if e.feature == "country" else e.name)  # type: ignore[arg-type]
        dem = gaz.demonym(q)
        if dem is not None and dem.country:
            hits.add(dem.country)
    return hits


_TOWN_SAYS_DIVISION = 50_000  # smaller towns are often common words ("Summit")


def _holds_a_locality(e: Entry, focus: Focus) -> bool:
    """Whether one of the article's towns (of 50,000+ people) or counties lies in
    division ``e``."""
    key = norm(e.name)
    return any(
        loc.feature != "admin1"
        and loc.population >= _TOWN_SAYS_DIVISION
        and loc.country == e.country
        and loc.admin1 == e.name
        and norm(loc.name) != key
        for _, loc in focus.locals
    )


def _score(
    e: Entry, primary: bool, focus: Focus, qualifier_hits: set[str], has_primary: bool
) -> float:
    s = math.log10(max(e.population, 1000)) + _FEATURE_PRIOR.get(e.feature, 0.0)
    if e.capital:
        s += _CAPITAL_BONUS
    if primary:
        s += _PRIMARY_NAME_BONUS
    elif has_primary and e.feature not in ("country", "continent", "admin1"):
        s -= _ALIAS_PENALTY  # "Salisbury" is the English city before it is old Harare
    share = focus.countries.get(e.country, 0.0) if e.country else 0.0
    s += _FOCUS_WEIGHT * share
    if e.feature in ("admin1", "admin2") and share < 0.2 and COMPASS.match(e.name):
        s -= _FOREIGN_COMPASS
    if e.admin1 and e.country and e.feature != "admin1":
        s += _ADMIN1_FOCUS * focus.admin1_weight.get((e.country, e.admin1), 0.0)
    if e.feature == "admin1" and _holds_a_locality(e, focus):
        s += _ADMIN1_FOCUS  # "Washington" in a Seattle story is the state
    if e.feature in LOCAL_FEATURES and e.feature != "admin1":
        key = norm(e.name)
        if any(
            norm(loc.name) != key and km(loc, e.lat, e.lon) <= _NEAR_KM for _, loc in focus.locals
        ):
            s += _LOCAL_PROXIMITY
    if qualifier_hits and (e.country in qualifier_hits or e.admin1 in qualifier_hits):
        s += _QUALIFIER_BONUS
    return s


def rank(
    cands: list[tuple[Entry, bool]], focus: Focus, qualifier_hits: set[str]
) -> list[tuple[float, Entry]]:
    """Candidates with their scores, best first."""
    has_primary = any(p for _, p in cands)
    return sorted(
        ((_score(e, p, focus, qualifier_hits, has_primary), e) for e, p in cands),
        key=lambda se: se[0],
        reverse=True,
    )


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
        km(loc, best.lat, best.lon) <= _NEAR_KM for _, loc in focus.locals
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
    scored = rank(cands, focus, hits)
    best_score, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    confidence = round(min(0.99, 0.55 + 0.1 * margin), 2)
    rule = "places:gazetteer" if len(scored) == 1 else "places:ranked"
    return Resolution(best, round(best_score, 3), rule, confidence)
