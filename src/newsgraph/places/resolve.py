"""Toponym resolution: pick the gazetteer entry a name most likely means in its article.

The candidates are ranked by ``ranking.rank`` (population and feature priors, the article's
focus, a qualifier such as "Paris, Texas"); names the gazetteer lacks fall back to a place
named inside them or to the article's main place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .focus import GENERIC_HEADS, article_focus
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
_GENERIC_HEADS = (
    "county city state province district region parish borough township university college "
    "airport river valley street road avenue park square bridge beach island"
).split()
_GENERIC_TAIL = re.compile(r"\s+(" + "|".join(_GENERIC_HEADS) + r")$", re.IGNORECASE)
# Words that are common nouns first ("Medical Center"): never a town inside a longer name.
_GENERIC_WORDS = frozenset(
    [*_GENERIC_HEADS, *GENERIC_HEADS, "center", "centre", "hospital", "school", "institute"]
)

# Streets are named after places elsewhere ("Collins Avenue"): they lie in the story's town.
_STREET = re.compile(r"\b(street|st|road|rd|avenue|ave|boulevard|lane|drive|square)\.?$", re.I)


_BIG_TOWN = 100_000  # a town this big inside an organisation's name is the organisation's


def _story_place(
    part: str, focus: Focus, gaz: Gazetteer, *, big_towns: bool = False
) -> Entry | None:
    """The place ``part`` names when it is one of the story's: in a country the article
    names and, for a town or county, near a locality it names ("Church" or "Jones" inside
    a name is rarely a town); with ``big_towns``, a town of 100,000+ people bearing the name
    as its own counts too ("Chicago Police Department")."""
    key = norm(part)
    if len(key) < 4 or key in NON_PLACES or not part[:1].isupper():
        return None
    if key in _GENERIC_WORDS or gaz.demonym(part) is not None:
        return None  # "Center" of "Medical Center", "Canadian" of a Canadian agency
    cands = [
        (e, p)
        for e, p in drop_shadowed_divisions(gaz.candidates(part))
        if e.feature != "continent" and (p or e.population >= _BIG_TOWN)
    ]
    if not cands:
        return None
    best = focus.qualified.get(key) or rank(cands, focus, set())[0][1]
    if best.country not in focus.countries:
        return None
    if best.feature in ("country", "admin1") or any(
        km(loc, best.lat, best.lon) <= NEAR_KM for _, loc in focus.locals
    ):
        return best
    if big_towns and best.feature == "city" and best.population >= _BIG_TOWN:
        return best if any(p and e == best for e, p in cands) else None
    return None


_NAME_WORD = re.compile(r"[^\s,]+")
_NAME_ARTICLES = frozenset({"the", "of", "and", "for", "a"})


def contained_place(
    name: str, focus: Focus, gaz: Gazetteer, *, big_towns: bool = False
) -> tuple[int, str, Entry] | None:
    """The story's place named inside a longer name, as (offset in ``name``, its words,
    entry): "Riverdale Lukoil South" -> Riverdale, "University of Texas" -> Texas; the
    longest runs of words first."""
    words = [(m.start(), m.group(0)) for m in _NAME_WORD.finditer(name)]
    known: list[tuple[int, int]] = []  # runs that are a name of their own ("New England")
    for size in range(len(words) - 1, 0, -1):
        for i in range(len(words) - size + 1):
            if words[i][1].lower() in _NAME_ARTICLES:
                continue  # "The New Zealand Herald": the place starts after the article
            if any(a <= i and i + size <= b for a, b in known):
                continue  # "England" inside "New England"
            off = words[i][0]
            last = words[i + size - 1]
            words_text = " ".join(w for _, w in words[i : i + size])
            found = _story_place(words_text, focus, gaz, big_towns=big_towns)
            if found is not None:
                return off, name[off : last[0] + len(last[1])], found
            if size > 1 and gaz.candidates(words_text):
                known.append((i, i + size))
    return None


def _contained(name: str, focus: Focus, gaz: Gazetteer) -> Entry | None:
    hit = contained_place(name, focus, gaz)
    return hit[2] if hit else None


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


def _nearest_local(
    focus: Focus, start: int | None, other_than: Entry | None = None
) -> Entry | None:
    """The city or county named last before ``start`` (within _LOCAL_SPAN characters),
    other than ``other_than``."""
    if start is None:
        return None
    best = None
    for pos, e in focus.locals:
        if pos > start:
            break
        if e.feature != "admin1" and start - pos <= _LOCAL_SPAN and e != other_than:
            best = e
    return best


_STRAY_POP = 20_000  # a town this small far from every place of the story is rarely meant
_STRAY_KM = 3 * NEAR_KM


def _stray_town(e: Entry, focus: Focus, ambiguous: bool) -> bool:
    """A small town outside the divisions the article names and far from all of its towns
    and counties, in a story that names some ("Broadway", Virginia in a New York story):
    the name is more likely a street, venue or quarter of the story's place. A town that
    alone bears its name stays when the article names its country ("Choropampa", Peru)."""
    if e.feature != "city" or e.population >= _STRAY_POP:
        return False
    if not ambiguous and focus.countries.get(e.country or "", 0.0) >= 0.1:
        return False
    key = norm(e.name)
    towns = [t for _, t in focus.locals if t.feature != "admin1" and norm(t.name) != key]
    if not towns or (e.country, e.admin1) in focus.admin1_weight:
        return False
    return all(km(loc, e.lat, e.lon) > _STRAY_KM for loc in towns)


# What may follow a name the gazetteer lacks before the place it lies in: a few lower-case
# words ("refugee camp", "district", "state game area"), then ", " or a preposition of
# location ("Fort Detrick, Maryland", "Cellardyke in Fife", "the Gondra district of Uttar
# Pradesh"), then the place's capitalised name.
_PLACE_AFTER = re.compile(
    r"(?:[ \t]+[a-z][\w-]*){0,3}?(?:(?P<comma>,)[ \t]+|[ \t]+(?:in|of|near|outside)[ \t]+(?:the[ \t]+)?)"
    r"(?P<place>[A-Z][\w.'\u2019-]*(?:[ \t]+[A-Z][\w.'\u2019-]*){0,2})"
)


_ENDS_PHRASE = re.compile(r"\s*(?:[,.;:)\]\n]|$)")


def _place_after(text: str, end: int | None, focus: Focus, gaz: Gazetteer) -> Entry | None:
    """The place named right after a name the gazetteer lacks, that it lies in ("Fort
    Detrick, Maryland"; "Abu Shok refugee camp in Al-Fashir"), the longest run of its words
    that names a place; read with the article's focus and its own qualifier."""
    if end is None or not text:
        return None
    m = _PLACE_AFTER.match(text, end, min(len(text), end + 80))
    if not m:
        return None
    run = m.group("place").rstrip(".")
    while run:
        key = norm(run)
        cands = [
            (e, p)
            for e, p in drop_shadowed_divisions(gaz.candidates(run))
            if e.feature in ("country", "admin1", "admin2", "city", "region")
        ]
        if cands and key not in NON_PLACES and len(key) > 2:
            q_end = m.start("place") + len(run)
            best = focus.qualified.get(key) or rank(
                cands, focus, qualifier_hits(gaz, text, q_end)
            )[0][1]
            # After a comma a town or county must end the phrase: "Beyond Madinaty, Liverpool have"
            # starts a clause.
            if m.group("comma") and best.feature in ("city", "admin2") and not _ENDS_PHRASE.match(
                text, q_end
            ):
                return None
            return best
        run = run.rpartition(" ")[0]
    return None


def _named_after_country(name: str, gaz: Gazetteer) -> Entry | None:
    """The country whose demonym opens a name the gazetteer lacks: "Russian Foreign
    Ministry", "British Embassy", "Mexican Senate" (an institution of that country; the
    caller asks that the article names the country by a place: New Orleans' "French
    Quarter" is no French place)."""
    words = name.split()
    if len(words) < 2:
        return None
    first = words[1] if words[0].lower() == "the" and len(words) > 2 else words[0]
    dem = gaz.demonym(first)
    if dem is None or dem.feature != "country" or any(p for _, p in gaz.candidates(first)):
        return None
    return dem


def _fallback(
    name: str,
    context_text: str,
    start: int | None,
    end: int | None,
    focus: Focus,
    gaz: Gazetteer,
) -> Resolution | None:
    """Names the gazetteer lacks: drop a generic head word, else a place named inside the
    name, else the article's anchor. A code-like name ("H5N1", "A350") is no place's."""
    if any(ch.isdigit() for ch in name) and not any(ch.isspace() for ch in name.strip()):
        return None
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
    named = _named_after_country(name, gaz)
    if named is not None and named.country in focus.placed:
        reason = f"named after {named.name}"
        return Resolution(named, 0.0, "places:contained", 0.3, reason=reason)
    after = _place_after(context_text, end, focus, gaz)
    if after is not None:
        reason = f"the text places it in {after.name}"
        return Resolution(after, 0.0, "places:located", 0.4, reason=reason)
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
    if hits and any(p and e.feature in ("admin1", "country") for e, p in cands):
        if not any(gaz.country(h) is not None for h in hits):
            hits = set()  # "Georgia, Illinois, Missouri": a list of divisions, no qualifier
    same = focus.qualified.get(key)
    if not hits and same is not None and any(e == same for e, _ in cands):
        reason = f"the article names it as {same.name}, {same.admin1 or same.country}"
        return Resolution(same, 0.0, "places:ranked", 0.8, reason=reason)
    scored = rank(cands, focus, hits)
    best_score, best = scored[0]
    if anchor_fallback and not hits and _stray_town(best, focus, len(scored) > 1):
        near = _nearest_local(focus, start, other_than=best) or focus.anchor
        if near is not None and near != best:
            reason = (
                f"a small {best.name} far from the story's places; read as one of {near.name}'s"
            )
            return Resolution(near, 0.0, "places:article-anchor", 0.25, reason=reason)
    margin = best_score - scored[1][0] if len(scored) > 1 else 5.0
    confidence = round(min(0.99, 0.55 + 0.1 * margin), 2)
    rule = "places:gazetteer" if len(scored) == 1 else "places:ranked"
    return Resolution(best, round(best_score, 3), rule, confidence)
