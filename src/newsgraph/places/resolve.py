"""Toponym resolution: pick the gazetteer entry a name most likely means in its article.

Score = population prior (log10) + feature prior (continent > country > region > admin1 >
capital > city) + the article's focus (countries and divisions named elsewhere in the text)
+ a strong bonus for a qualifier right after the name ("Paris, Texas").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, load, norm

# Prior by feature type: a bare "Georgia" is more often a country or state than a town.
_FEATURE_PRIOR = {
    "continent": 3.0,
    "country": 2.5,
    "region": 2.0,
    "facility": 2.0,
    "admin1": 0.6,
    "city": 0.0,
}
_CAPITAL_BONUS = 2.0
_PRIMARY_NAME_BONUS = 1.0  # the entry's own name, not one of its alternative names
_FOCUS_WEIGHT = 3.0  # times the share of the article's place names in that country
_ADMIN1_FOCUS = 1.5  # the candidate's division is named elsewhere in the article
_QUALIFIER_BONUS = 6.0  # "Paris, Texas": the next name contains the candidate

# Capitalised word runs, possibly joined by "of"/"de"/"and" ("Bosnia and Herzegovina").
_NAME_RUN = re.compile(
    r"\b[A-Z][\w'\u2019.-]*(?:\s+(?:(?:of|de|del|da|and|on|upon)\s+)?[A-Z][\w'\u2019.-]*)*"
)
# Geopolitical abstractions that gazetteers would wrongly match to small towns.
NON_PLACES = frozenset(
    {
        "west",
        "east",
        "north",
        "south",
        "the west",
        "the east",
        "earth",
        "world",
        "globe",
        "mainland",
        "homeland",
        "republic",
        "kingdom",
        "city",
        "state",
        "capital",
    }
)


@dataclass
class Focus:
    """What the whole article says about where it is: country shares and named divisions."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: frozenset[tuple[str, str]] = frozenset()
    anchor: Entry | None = None  # the article's most named locality, else its main country


@dataclass(frozen=True)
class Resolution:
    entry: Entry
    score: float
    rule: str
    confidence: float
    demonym: bool = False


def _unambiguous_country(gaz: Gazetteer, phrase: str) -> Entry | None:
    """The country a phrase surely points to (a country name, demonym or big-place name)."""
    cands = gaz.candidates(phrase)
    top = [e for e, primary in cands if e.feature in ("country", "admin1") and primary]
    if top:
        return max(top, key=lambda e: (e.feature == "country", e.population))
    dem = gaz.demonym(phrase)
    if dem is not None:
        return dem
    big = [e for e, primary in cands if primary and e.feature == "city" and e.population > 200_000]
    return big[0] if len(big) == 1 else None


def article_focus(text: str, gaz: Gazetteer | None = None) -> Focus:
    """Scan capitalised names of the text for countries, divisions and big cities."""
    gaz = gaz or load()
    counts: Counter[str] = Counter()
    places: Counter[Entry] = Counter()
    admin1: set[tuple[str, str]] = set()
    for m in _NAME_RUN.finditer(text):
        words = m.group(0).split()
        # The whole run ("United Arab Emirates"), else each of its words ("Turkey and Russia").
        whole = _unambiguous_country(gaz, m.group(0))
        hits = (
            [whole]
            if whole is not None
            else ([_unambiguous_country(gaz, w) for w in words] if len(words) > 1 else [])
        )
        for e in hits:
            if e is None or not e.country or norm(e.name) in NON_PLACES:
                continue
            counts[e.country] += 1
            places[e] += 1
            if e.feature == "admin1" and e.admin1:
                admin1.add((e.country, e.admin1))
    total = sum(counts.values()) or 1
    local = [e for e, _ in places.most_common() if e.feature in ("city", "admin1")]
    anchor = local[0] if local else None
    if anchor is None and counts:
        anchor = gaz.country(counts.most_common(1)[0][0])
    return Focus({c: n / total for c, n in counts.items()}, frozenset(admin1), anchor)


def _qualifier(text: str, end: int) -> str | None:
    """The name right after ", " following a toponym: "Paris, Texas" -> "Texas"."""
    m = re.match(r",\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})", text[end : end + 40])
    return m.group(1) if m else None


def _score(e: Entry, primary: bool, focus: Focus, qualifier_hits: set[str]) -> float:
    s = math.log10(max(e.population, 1000)) + _FEATURE_PRIOR.get(e.feature, 0.0)
    if e.capital:
        s += _CAPITAL_BONUS
    if primary:
        s += _PRIMARY_NAME_BONUS
    if e.country:
        s += _FOCUS_WEIGHT * focus.countries.get(e.country, 0.0)
    if e.admin1 and e.country and (e.country, e.admin1) in focus.admin1 and e.feature != "admin1":
        s += _ADMIN1_FOCUS
    if qualifier_hits and (e.country in qualifier_hits or e.admin1 in qualifier_hits):
        s += _QUALIFIER_BONUS
    return s


def _names_a_big_place(e: Entry, primary: bool) -> bool:
    return primary and (e.feature not in ("city",) or e.population >= 100_000)


def _drop_shadowed_divisions(cands: list[tuple[Entry, bool]]) -> list[tuple[Entry, bool]]:
    """A city and its own division share a name (Moscow, Ankara): the city is usually meant."""
    cities = {(e.country, norm(e.name)): e.population for e, _ in cands if e.feature == "city"}
    out = []
    for e, primary in cands:
        pop = cities.get((e.country, norm(e.name)))
        if e.feature == "admin1" and pop is not None and pop >= 0.3 * e.population:
            continue
        out.append((e, primary))
    return out


# Generic heads of names the gazetteer lacks: "Orange County" -> "Orange".
_GENERIC_TAIL = re.compile(
    r"\s+(county|city|state|province|district|region|parish|borough|township|university|"
    r"college|airport|river|valley|street|road|avenue|park|square|bridge|beach|island)$",
    re.IGNORECASE,
)


def _fallback(
    name: str,
    context_text: str,
    start: int | None,
    end: int | None,
    focus: Focus,
    gaz: Gazetteer,
) -> Resolution | None:
    """Names the gazetteer lacks: drop a generic head word, else the article's anchor."""
    stripped = _GENERIC_TAIL.sub("", name.strip())
    if stripped != name.strip() and stripped:
        res = resolve_toponym(
            stripped, context_text, start=start, end=end, focus=focus, gazetteer=gaz
        )
        if res is not None and res.rule != "places:article-anchor":
            return Resolution(res.entry, res.score, "places:generic-head", 0.4)
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
    cands = _drop_shadowed_divisions(gaz.candidates(name))
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
    qualifier_hits: set[str] = set()
    if end is not None and context_text:
        q = _qualifier(context_text, end)
        if q:
            for e, _ in gaz.candidates(q):
                if e.feature in ("country", "admin1"):
                    qualifier_hits.add(e.country if e.feature == "country" else e.name)
            dem = gaz.demonym(q)
            if dem is not None and dem.country:
                qualifier_hits.add(dem.country)
    scored = sorted(
        ((_score(e, p, focus, qualifier_hits), e) for e, p in cands),
        key=lambda se: se[0],
        reverse=True,
    )
    best_score, best = scored[0]
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    confidence = round(min(0.99, 0.55 + 0.1 * margin), 2)
    rule = "places:gazetteer" if len(scored) == 1 else "places:ranked"
    return Resolution(best, round(best_score, 3), rule, confidence)
