"""The places extractor: place mentions of one document, resolved, with their roles.

Candidates are GPE/LOC/FAC entities; ORG/PERSON entities that name a country, or a place
the article's focus says is one of the story's (qualified elsewhere, or one of its
localities); the place inside an organisation's name ("Chicago Police Department",
"University of Texas": role ``in_name``, the organisation in ``reason``); capitalised names
no entity covers that the focus places; facility names from the gazetteer found in the text;
border phrases ("along the Syrian border"); and demonyms ("Syrian", "Texans": role
``adjectival``). A place that acts ("Ankara shot down", "Moscow and Ankara have backed") is a
metonym; one governed by a locative preposition ("in Syria", "to Russia") is an event
location; the rest are mentions. Metonyms, adjectival mentions and places inside names are
never an event's place (``NOT_EVENT_PLACE_ROLES``).
"""

from __future__ import annotations

import functools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from ..context import DocContext
from ..model import Place
from .focus import NAME_RUN, name_runs
from .gazetteer import Entry, Gazetteer, load, norm
from .resolve import NON_PLACES, Focus, Resolution, article_focus, contained_place, resolve_toponym

logger = logging.getLogger(__name__)

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Prepositions that make their object the location (or destination) of what happens.
_LOCATIVE = {
    "in",
    "at",
    "to",
    "into",
    "near",
    "from",
    "inside",
    "across",
    "throughout",
    "toward",
    "towards",
    "within",
    "outside",
    "around",
    "via",
    "through",
    "onto",
    "over",
}
_COUNTRY_SLIP_LABELS = {"ORG", "PERSON"}
_NAME_LABELS = {"ORG", "FAC"}  # names that may hold a place: "Chicago Police Department"
_DEMONYM_LABELS = {"NORP", "GPE"}
# Roles of places that say where something is named from, not where it happens.
NOT_EVENT_PLACE_ROLES = frozenset({"metonym", "adjectival", "in_name"})
_AGENT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
_BORDER = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][a-z]+(?:[-\u2013][A-Z][a-z]+)?))\s+(border|frontier)s?\b"
)


@functools.lru_cache(maxsize=1)
def _facility_pattern() -> re.Pattern[str] | None:
    """One regex over all facility and region names of the gazetteer (longest first)."""
    names = load().facility_names()
    if not names:
        return None
    alts = sorted((re.escape(n).replace(r"\ ", r"\s+") for n in names), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(alts) + r")\b", re.IGNORECASE)


def _role(span: Span) -> str:
    """metonym | event_location | mention, from the span's syntactic position."""
    root: Token = span.root
    tok = root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head  # "Moscow and Ankara have backed": Ankara shares Moscow's role
    if tok.dep_ in _AGENT_DEPS and tok.head.pos_ in ("VERB", "AUX"):
        return "metonym"
    if tok.dep_ == "pobj" and tok.head.lower_ in _LOCATIVE:
        return "event_location"
    return "mention"


class Spans:
    """Character spans with an overlap test that looks only at spans nearby (a list scanned
    whole on every test made a long document quadratic)."""

    BUCKET = 256

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = defaultdict(list)
        self._all: list[tuple[int, int]] = []
        self.extend(spans)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self._all)

    def _keys(self, start: int, end: int) -> range:
        return range(start // self.BUCKET, max(start, end - 1) // self.BUCKET + 1)

    def append(self, span: tuple[int, int]) -> None:
        self._all.append(span)
        for k in self._keys(*span):
            self._buckets[k].append(span)

    def extend(self, spans: Iterable[tuple[int, int]]) -> None:
        for span in spans:
            self.append(span)

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for k in self._keys(start, end)
                   for s, e in self._buckets.get(k, ()))


def _person_spans(ctx: DocContext) -> list[tuple[int, int]]:
    """Mentions of people: a GPE label on a person's name ("Erdogan") is a tagging slip."""
    return [m for a in ctx.record.actors if a.kind == "person" for m in a.mentions]


def _overlaps(start: int, end: int, spans: Spans) -> bool:
    return spans.overlaps(start, end)


def _place(
    start: int, end: int, text: str, res: Resolution, role: str, *, feature: str | None = None
) -> Place:
    e: Entry = res.entry
    return Place(
        start=start,
        end=end,
        text=text,
        name=e.name,
        country=e.country,
        admin1=e.admin1,
        lat=e.lat,
        lon=e.lon,
        geonameid=e.geonameid,
        feature=feature or e.feature,
        role=role,
        rule=res.rule,
        confidence=res.confidence,
        reason=res.reason
        or (
            "name not in the gazetteer; placed at the article's main place"
            if res.rule == "places:article-anchor"
            else None
        ),
    )


def _strip_article(span: Span) -> Span:
    """The name without a leading "the" or a trailing possessive ("South Korea's")."""
    if len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    if len(span) > 1 and span[-1].tag_ == "POS":
        span = span[:-1]
    return span


def _borders(ctx: DocContext, gaz: Gazetteer, taken: Spans) -> list[Place]:
    """ "the Syrian border" / "the Turkish-Syrian border": a border region of a country."""
    out = []
    for m in _BORDER.finditer(ctx.text):
        if _overlaps(m.start(), m.end(), taken):
            continue
        parts = re.split(r"[-\u2013]", m.group(1))
        country = gaz.demonym(parts[-1])
        if country is None:
            cands = [e for e, p in gaz.candidates(parts[-1]) if e.feature == "country" and p]
            country = cands[0] if cands else None
        if country is None:
            continue
        res = Resolution(country, 0.0, "places:border", 0.8)
        out.append(_place(m.start(), m.end(), m.group(0), res, "border", feature="border"))
    return out


def _demonym(gaz: Gazetteer, text: str) -> Entry | None:
    """The country (or region) a demonym or its plural names: "Syrian", "Texans"."""
    if not text[:1].isupper():
        return None
    dem = gaz.demonym(text)
    if dem is None and text.endswith("s") and len(text) > 4:
        dem = gaz.demonym(text[:-1])
    big = any(
        p and (e.feature != "city" or e.population >= 100_000) for e, p in gaz.candidates(text)
    )
    if dem is None or big:
        return None  # "Canadian" is a demonym before it is a Texas town; "Jordan" a country
    return dem


def _slip_is_place(gaz: Gazetteer, focus: Focus, text: str, start: int) -> bool:
    """An ORG/PERSON entity that is a place: a country's name ("Kazakhstan"), or a name the
    article qualifies elsewhere or the focus counts among the story's localities."""
    cands = gaz.candidates(text)
    if any(e.feature == "country" for e, _ in cands):
        return True
    if norm(text) in focus.qualified:
        return True
    entries = {e for e, p in cands if p}
    # One sense per story: a name the focus counts as one of its localities anywhere.
    return any(e in entries and e.feature != "admin1" for _, e in focus.locals) or any(
        pos == start and e in entries for pos, e in focus.locals
    )


def _in_name(name: str, start: int, focus: Focus, gaz: Gazetteer) -> Place | None:
    """The story's place inside an organisation's or facility's name, linked to it."""
    hit = contained_place(name, focus, gaz, big_towns=True)
    if hit is None:
        return None
    off, part, entry = hit
    res = Resolution(entry, 0.0, "places:in-name", 0.5, reason=f"in the name {name!r}")
    return _place(start + off, start + off + len(part), part, res, "in_name")


def _name_demonyms(span: Span, gaz: Gazetteer) -> list[Place]:
    """Demonyms inside an organisation's name ("the Russian Ministry of Defence", "Canadian
    Blood Services"): adjectival place mentions, the name in ``reason``."""
    if len(span) < 2:
        return []
    out = []
    for tok in span:
        dem = _demonym(gaz, tok.text)
        if dem is None:
            continue
        res = Resolution(dem, 0.0, "places:demonym", 0.6, demonym=True,
                         reason=f"in the name {span.text!r}")
        out.append(_place(tok.idx, tok.idx + len(tok.text), tok.text, res, "adjectival"))
    return out


def _unnamed(
    ctx: DocContext, focus: Focus, gaz: Gazetteer, taken: Spans
) -> list[Place]:
    """Capitalised names no entity covers that the article's focus counts among the story's
    localities ("Red Oak" the tagger missed)."""
    text = ctx.text
    ents = Spans((e.start_char, e.end_char) for e in ctx.ents)
    out: list[Place] = []
    for pos, entry in focus.locals:
        if pos < 0 or (out and out[-1].start == pos):
            continue
        m = NAME_RUN.match(text, pos)
        if m is None:
            continue
        name = name_runs(m.group(0))[0].text
        end = pos + len(name)
        if _overlaps(pos, end, ents) or _overlaps(pos, end, taken):
            continue
        if not any(e == entry for e, p in gaz.candidates(name) if p):
            continue
        res = resolve_toponym(
            name, text, start=pos, end=end, focus=focus, allow_demonyms=False,
            anchor_fallback=False, gazetteer=gaz,
        )  # fmt: skip
        if res is None:
            continue
        span = ctx.doc.char_span(pos, end, alignment_mode="expand")
        role = _role(span) if span is not None else "mention"
        place = _place(pos, end, name, res, role)
        place.reason = place.reason or "no entity; the article's focus places this name"
        out.append(place)
    return out


def extract(ctx: DocContext) -> None:
    """Fill ``ctx.record.places`` in text order."""
    gaz = load()
    text = ctx.text
    # The headline often names the story's place; the cleaner usually puts it atop the text.
    title = ctx.record.title or ""
    focus: Focus = article_focus(text, gaz, title="" if text.startswith(title) else title)
    people = _person_spans(ctx)
    people_spans = Spans(people)
    places: list[Place] = []
    taken = Spans()

    orgs = [(e.start_char, e.end_char) for e in ctx.ents if e.label_ == "ORG"]
    pattern = _facility_pattern()
    for m in pattern.finditer(text) if pattern else ():
        if any(s <= m.start() and m.end() <= e and (s, e) != m.span() for s, e in orgs):
            continue  # "North Atlantic" inside "North Atlantic Treaty Organisation"
        res = resolve_toponym(m.group(0), text, end=m.end(), focus=focus, gazetteer=gaz)
        if res is None or res.entry.feature not in ("facility", "region"):
            continue
        span = ctx.doc.char_span(m.start(), m.end(), alignment_mode="expand")
        role = _role(span) if span is not None else "mention"
        places.append(_place(m.start(), m.end(), m.group(0), res, role))
        taken.append((m.start(), m.end()))

    places.extend(_borders(ctx, gaz, taken))
    taken.extend((p.start, p.end) for p in places)

    for ent in ctx.ents:
        span = _strip_article(ent)
        start, end = span.start_char, span.end_char
        if _overlaps(start, end, taken) or _overlaps(start, end, people_spans):
            continue
        if ent.label_ in _DEMONYM_LABELS:
            dem = _demonym(gaz, span.text)
            if dem is not None:
                res = Resolution(dem, 0.0, "places:demonym", 0.7, demonym=True)
                places.append(_place(start, end, span.text, res, "adjectival"))
                taken.append((start, end))
                continue
        if ent.label_ not in _PLACE_LABELS and ent.label_ not in _COUNTRY_SLIP_LABELS:
            continue
        if norm(span.text) in NON_PLACES:
            continue  # "the West": a bloc, not a place
        if ent.label_ in _COUNTRY_SLIP_LABELS and not _slip_is_place(gaz, focus, span.text, start):
            if ent.label_ in _NAME_LABELS:
                inner = _in_name(span.text, start, focus, gaz)
                if inner is not None:
                    places.append(inner)
                    taken.append((inner.start, inner.end))
                else:
                    for dem_place in _name_demonyms(span, gaz):
                        places.append(dem_place)
                        taken.append((dem_place.start, dem_place.end))
            continue
        res = resolve_toponym(
            span.text,
            text,
            start=start,
            end=end,
            focus=focus,
            allow_demonyms=False,
            anchor_fallback=False,  # a record claims no place it cannot name
            gazetteer=gaz,
        )
        if res is None:
            places.append(
                Place(
                    start,
                    end,
                    span.text,
                    role=_role(span),
                    rule="places:unresolved",
                    reason=f"no gazetteer entry for {norm(span.text)!r}",
                )
            )
        else:
            places.append(_place(start, end, span.text, res, _role(span)))
        taken.append((start, end))

    places.extend(_unnamed(ctx, focus, gaz, Spans([*taken, *people])))

    places.sort(key=lambda p: (p.start, p.end))
    ctx.record.places = places
    logger.debug("%d places", len(places))
