"""The record dataclasses (schema ``newsgraph/1``).

Every extracted item points at its characters in ``ArticleRecord.text`` (the cleaned
text) and names the rule or model that produced it. A field left empty carries a
``reason``. Records are plain data: they serialise to JSON with :func:`to_dict` /
:meth:`ArticleRecord.to_json` and come back with :meth:`ArticleRecord.from_dict`.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal

import orjson

SCHEMA = "newsgraph/1"

Span = tuple[int, int]


@dataclass
class RawArticle:
    """One article as a reader found it, before cleaning."""

    text: str | None = None
    html: str | None = None
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" when known
    source: str | None = None  # where it came from: a path, feed, or "stdin"
    author: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Removed:
    """A piece of the input that cleaning cut out, and why."""

    text: str
    reason: str


@dataclass
class Sentence:
    i: int
    start: int
    end: int


@dataclass
class Entity:
    """A named-entity mention as the NLP model (or the entity ruler) found it."""

    start: int
    end: int
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, FAC, LOC ...
    rule: str = "ner"  # "ner" (statistical model) or "ruler:<pattern id>"


@dataclass
class Actor:
    """One actor of the article, with all its mentions."""

    id: str  # article-local id, e.g. "a1"
    name: str
    country: str | None = None  # ISO 3166 alpha-3, or IGO/NGO/MNC ...
    sector: str | None = None  # PLOVER sector code: GOV, MIL, MED ...
    kind: str = "unknown"  # person | state | organisation | group | agent | unknown
    kb_id: str | None = None
    role: str | None = None  # the role valid on the article's date
    members: list[str] = field(default_factory=list)  # compound actors: actor ids
    mentions: list[Span] = field(default_factory=list)
    rule: str = ""
    confidence: float = 0.0
    reason: str | None = None  # why country or sector is empty

    @property
    def code(self) -> str:
        """CAMEO-style composite code, e.g. ``TURGOV``."""
        return f"{self.country or ''}{self.sector or ''}"


@dataclass
class Cameo:
    code: str
    base: str
    root: str
    name: str


@dataclass
class Plover:
    type: str
    mode: str | None = None
    context: str | None = None


@dataclass
class EventEvidence:
    trigger: Span
    sentence: Span
    source: Span | None = None
    target: Span | None = None


@dataclass
class Event:
    id: str
    sentence: int
    source: list[str]
    target: list[str]
    cameo: Cameo
    plover: Plover | None
    goldstein: float
    quad_class: int
    evidence: EventEvidence
    rule: str
    confidence: float
    is_root: bool = False
    negated: bool = False
    modality: str | None = None  # None (asserted) | future | intention | hypothetical | expectation | reported
    date: str | None = None  # the event's own date (ISO, any resolution), else publication
    date_reason: str | None = None
    place: int | None = None  # index into ArticleRecord.places
    counted: bool = True  # False when negated/modal and the setting excludes them
    date_resolution: str | None = None  # day | month | year | week | range | part_of_month ...
    date_source: str | None = None  # text | coreference | published (None: undated)
    time_status: str = "new"  # new | past | ongoing | future, relative to the story
    time_reason: str | None = None
    mentions: list[str] = field(default_factory=list)  # ids of this happening's mentions
    mention_of: str | None = None  # on a further mention: the id of the event it repeats
    source_inferred: bool = False  # source taken from context, not stated for this trigger
    actor_reason: str | None = None  # why source/target are empty, or where an implicit source came from


@dataclass
class Speaker:
    actor: str | None = None  # actor id
    span: Span | None = None
    reason: str | None = None  # why no speaker, or how it was resolved
    name: str | None = None  # surface name of the speaker (a pronoun's antecedent)


@dataclass
class Quote:
    start: int
    end: int
    text: str
    kind: Literal["direct", "indirect", "partial"]
    cue: Span | None = None
    cue_word: str | None = None
    speaker: Speaker = field(default_factory=Speaker)
    rule: str = ""
    confidence: float = 0.0


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: str | None = None
    country: str | None = None  # ISO alpha-3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # country | admin1 | city | facility | region | border
    role: str = "mention"  # mention | event_location | border | metonym | adjectival | in_name
    rule: str = ""
    confidence: float = 0.0
    reason: str | None = None


@dataclass
class DateMention:
    start: int
    end: int
    text: str
    value: str | None  # ISO: 2016-08-09, 2016-06, 2016, or "2016/2019" for ranges
    resolution: str | None  # day | month | year | range | part_of_month
    rule: str = ""
    reason: str | None = None
    qualifier: str | None = None  # early | mid | late: which part of the month/year/unit


@dataclass
class Theme:
    code: str
    count: int
    spans: list[Span] = field(default_factory=list)
    gkg: str | None = None


@dataclass
class Tone:
    tone: float = 0.0
    positive: float = 0.0
    negative: float = 0.0
    polarity: float = 0.0
    word_count: int = 0
    dyads: dict[str, float] = field(default_factory=dict)  # "TUR-RUS" -> tone
    sentences: list[float] = field(default_factory=list)  # tone of each record.sentences[i]


@dataclass
class ArticleRecord:
    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    dek: str | None = None
    author: str | None = None
    published: str | None = None
    published_reason: str | None = None
    language: str | None = None
    language_detected: str | None = None  # the detector's guess, kept when it was overruled
    language_confidence: float | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    themes: list[Theme] = field(default_factory=list)
    tone: Tone | None = None
    # Fields of third-party extractors (docs/extending.md), by the name each declares:
    # plain JSON data only. The built-ins write the fields above.
    ext: dict[str, Any] = field(default_factory=dict)
    signature: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # "E0xx: message" when the document failed
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        return to_dict(self)

    def to_json(self, *, indent: int | None = None) -> str:
        if indent is None:  # orjson writes dataclasses directly, ~25x faster than json
            return orjson.dumps(self).decode()
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ArticleRecord:
        return _build(cls, data)

    @classmethod
    def from_json(cls, line: str) -> ArticleRecord:
        return cls.from_dict(orjson.loads(line))


_PLAIN = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def to_dict(obj: Any) -> Any:
    """Plain JSON-able data: dataclasses become dicts, tuples become lists."""
    if isinstance(obj, _PLAIN):
        return obj
    names = _FIELDS.get(type(obj))
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[type(obj)] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:
        return {n: to_dict(getattr(obj, n)) for n in names}
    if isinstance(obj, (list, tuple)):
        return [x if isinstance(x, _PLAIN) else to_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    return obj


def _build(tp: Any, data: Any) -> Any:
    """Rebuild typed values from plain data, following the type hints."""
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _build(args[0], data) if len(args) == 1 else data
    if origin is list:
        (arg,) = typing.get_args(tp)
        return [_build(arg, x) for x in data]
    if origin is tuple:
        return tuple(data)
    if origin is dict:
        return dict(data)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        names = {f.name for f in dataclasses.fields(tp)}
        return tp(**{k: _build(hints[k], v) for k, v in data.items() if k in names})
    return data


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(tp: type) -> dict[str, Any]:
    if tp not in _HINTS:
        _HINTS[tp] = typing.get_type_hints(tp)
    return _HINTS[tp]
