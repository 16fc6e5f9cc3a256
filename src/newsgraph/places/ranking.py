"""What the ranking of a name's candidates knows: the article's focus and the score.

``Focus`` holds what an article says about where it is (filled by ``focus.article_focus``);
``rank`` orders the gazetteer entries a name may mean by population prior (log10) + feature
prior (continent > country > region > admin1 > capital > city) + the article's focus
(countries, divisions and localities named elsewhere in the text) + a strong bonus for a
qualifier right after the name ("Paris, Texas"). Both the focus scan and the resolver use
it; it imports neither.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from .gazetteer import Entry, Gazetteer, load, norm

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

# Divisions named by a compass word ("Central", "Southern", "West Coast") say little alone.
COMPASS = re.compile(r"^(north|south|east|west|central|centre|center)", re.IGNORECASE)
LOCAL_FEATURES = ("city", "admin2", "admin1")
NEAR_KM = 150.0  # a town this close to a locality the article names is one of its places


_COMPASS_HEAD = re.compile(
    r"^(?:north|south|east|west|central|centre|center)(?:ern|-?(?:east|west)(?:ern)?)?\s*", re.I
)


def compass_only(gaz: Gazetteer, name: str) -> bool:
    """A division named by a compass word and nothing that names a place ("Western",
    "Central Region", "West Coast"): it says little of where a story is. "Northern
    Ireland", "South Australia" and "North Carolina" name a place after the compass word."""
    m = _COMPASS_HEAD.match(name)
    if not m:
        return False
    rest = name[m.end():].strip()
    return not rest or not gaz.candidates(rest)


@dataclass
class Focus:
    """Country shares, named divisions, localities (with offsets) and the main place."""

    countries: dict[str, float] = field(default_factory=dict)
    admin1: frozenset[tuple[str, str]] = frozenset()
    # Named divisions by their share of the most named one (1.0 for the most named).
    admin1_weight: dict[tuple[str, str], float] = field(default_factory=dict)
    anchor: Entry | None = None  # the article's most named locality, else its main country
    locals: list[tuple[int, Entry]] = field(default_factory=list)
    # Names the article qualifies somewhere ("Parkland, Florida"), by key: the entry meant;
    # the bare name means the same place elsewhere in the article (one sense per story).
    qualified: dict[str, Entry] = field(default_factory=dict)
    # Countries the article names by a place (a country, division or town), not only by a
    # demonym ("French" alone does not put a story in France).
    placed: frozenset[str] = frozenset()


def km(a: Entry, lat: float, lon: float) -> float:
    """Approximate distance in km (equirectangular; fine below a few hundred km)."""
    x = math.radians(lon - a.lon) * math.cos(math.radians((lat + a.lat) / 2))
    y = math.radians(lat - a.lat)
    return 6371.0 * math.hypot(x, y)


def drop_shadowed_divisions(cands: list[tuple[Entry, bool]]) -> list[tuple[Entry, bool]]:
    """A big city and its own division share a name (Moscow, Ankara, New York): the city
    is usually meant, whether the name is the city's own or one of its alternatives."""
    cities: dict[str | None, int] = {}
    for e, _ in cands:
        if e.feature == "city":
            cities[e.country] = max(cities.get(e.country, 0), e.population)
    out = []
    for e, primary in cands:
        pop = cities.get(e.country)
        if e.feature == "admin1" and pop is not None and pop >= 0.2 * e.population:
            continue
        out.append((e, primary))
    return out


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


_LOCAL_PROXIMITY = 1.5  # within NEAR_KM of a locality the article names
_ALIAS_PENALTY = 1.5  # an alternative name when another place bears it as its own name
_FOREIGN_COMPASS = 3.0  # "Western" (Sri Lanka): a compass-named division of an unnamed country


def _qualifier(text: str, end: int) -> str | None:
    """The name right after ", " following a toponym: "Paris, Texas" -> "Texas"."""
    m = _QUALIFIER.match(text, end, min(len(text), end + 40))
    return m.group(1) if m else None


_QUALIFIER = re.compile(r",\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})")


def _qualifier_areas(gaz: Gazetteer, q: str) -> set[str]:
    hits: set[str] = set()
    for e, _ in gaz.candidates(q):
        if e.feature in ("country", "admin1"):
            hits.add(e.country if e.feature == "country" else e.name)  # type: ignore[arg-type]
    dem = gaz.demonym(q)
    if dem is not None and dem.country:
        hits.add(dem.country)
    return hits


def qualifier_hits(gaz: Gazetteer, text: str, end: int) -> set[str]:
    """Countries (ISO3) and division names the qualifier after a toponym names; the
    longest run of its words that names one ("Parkland, Florida The ..." -> Florida)."""
    q = _qualifier(text, end)
    while q:
        hits = _qualifier_areas(gaz, q)
        if hits:
            return hits
        q = q.rpartition(" ")[0]
    return set()


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
    if (
        e.feature in ("admin1", "admin2")
        and share < 0.2
        and COMPASS.match(e.name)
        and compass_only(load(), e.name)
    ):
        s -= _FOREIGN_COMPASS
    if e.admin1 and e.country and e.feature != "admin1":
        s += _ADMIN1_FOCUS * focus.admin1_weight.get((e.country, e.admin1), 0.0)
    if e.feature == "admin1" and _holds_a_locality(e, focus):
        s += _ADMIN1_FOCUS  # "Washington" in a Seattle story is the state
    if e.feature in LOCAL_FEATURES and e.feature != "admin1" and near_locality(e, focus):
        s += _LOCAL_PROXIMITY
    if qualifier_hits and (e.country in qualifier_hits or e.admin1 in qualifier_hits):
        s += _QUALIFIER_BONUS
    return s


def near_locality(e: Entry, focus: Focus) -> Entry | None:
    """The first of the article's towns or counties (of another name) within NEAR_KM of
    ``e`` (a division's point says nothing of what lies near it: being in the division is
    scored apart)."""
    key = norm(e.name)
    for _, loc in focus.locals:
        if loc.feature == "admin1":
            continue
        if norm(loc.name) != key and km(loc, e.lat, e.lon) <= NEAR_KM:
            return loc
    return None


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
