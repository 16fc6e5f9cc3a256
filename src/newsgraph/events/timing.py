"""When an event happened, and whether the story reports it as new.

Two steps, both per sentence of coded events:

* :func:`date_owners` gives each date expression of a sentence to the event whose clause or
  noun phrase it modifies: the first event trigger met climbing the dependency tree from the
  date. A trigger owns one date; a second date that climbs to the same trigger goes to the
  nearest event inside that trigger's phrase that comes before it ("apologising in late June
  for the downing of a jet ... in November past year": June is the apology's, November the
  downing's).
* :func:`assign_times` sets each event's ``date`` (stated in the text, else the publication
  date), its ``date_resolution`` and ``date_source``, and its ``time_status`` relative to the
  story with the reason:

  - ``future``: future or intended modality ("will meet", "plans to visit"), or a date after
    publication;
  - ``ongoing``: "since <date>" with a perfect or present verb ("since 2014 the war has ..."),
    progressive aspect ("is building"), or a stated period that contains the publication date
    and is longer than a month ("2016 to 2019");
  - ``past``: a stated date that ends more than ``RECENT_DAYS`` before publication ("in
    November past year"), the past perfect ("had shot down"), or an event introduced by
    "after", "following" or "since" under a present, perfect or future main clause ("for the
    first time since apologising", "after the downing ..., there is a rapprochement");
  - ``new`` otherwise ("met on Tuesday", an undated report of the day).

  Events that express intent, threats, demands or refusals (the "intent", "threat", "demand"
  and "refusal" combinations) are statements made when reported: they keep the publication date and are new.

Dates carried between mentions of one happening are set later by :mod:`.merge`.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from ..context import DocContext
from ..dates.periods import period
from ..model import DateMention, Event

RECENT_DAYS = 7  # a stated date ending within this many days before publication is news
STATUSES = ("new", "past", "ongoing", "future")
_FUTURE_MODALITY = {"future", "intention", "expectation"}
_SPEECH_ACTS = {"intent", "threat", "demand", "refusal"}  # combined events: statements of the day
_CONNECTIVES = {"after", "following", "since"}
_MAX_CLIMB = 12


def _tokens(ctx: DocContext, start: int, end: int) -> Span | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def date_owners(ctx: DocContext, sent: Span, dates: list[DateMention],
                triggers: set[int]) -> dict[int, int]:
    """Trigger token index -> index into ``dates`` of the date expression it owns."""
    claims: dict[int, list[tuple[int, Token]]] = {}
    for n, d in enumerate(dates):
        if d.start < sent.start_char or d.end > sent.end_char:
            continue
        words = _tokens(ctx, d.start, d.end)
        if words is None:
            continue
        node: Token = words.root
        for _ in range(_MAX_CLIMB):
            if node.i in triggers and not words.start <= node.i < words.end:
                claims.setdefault(node.i, []).append((n, words[0]))
                break
            if node.head.i == node.i:
                break
            node = node.head
    owners: dict[int, int] = {}
    surplus: list[tuple[int, int, Token]] = []  # (owner trigger, date index, first word)
    for trig, items in claims.items():
        items.sort(key=lambda x: abs(x[1].i - trig))
        owners[trig] = items[0][0]
        surplus += [(trig, n, first) for n, first in items[1:]]
    for trig, n, first in surplus:
        owner = ctx.tokens[trig]
        inside = {t.i for t in owner.subtree}
        free = [t for t in triggers if t in inside and trig < t < first.i and t not in owners]
        if free:
            owners[max(free)] = n
    return owners


def _verb(tok: Token) -> Token | None:
    """The verb whose tense tells the event's time: the trigger itself or the verb above it."""
    t = tok
    for _ in range(6):
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"aux", "auxpass"}:
            return t
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _aspect(verb: Token) -> str | None:
    """past_perfect | progressive | perfect | future | present | past, or None."""
    aux = _aux(verb)
    low = {a.lower_ for a in aux}
    if low & {"will", "shall", "'ll", "wo"}:
        return "future"
    if verb.tag_ == "VBN" and low & {"had", "'d"}:
        return "past_perfect"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in aux):
        if any(a.tag_ == "VBD" for a in aux):
            return "past"  # "was building"
        return "progressive"
    if verb.tag_ == "VBN" and low & {"has", "have", "'ve", "'s"}:
        return "perfect"
    if verb.tag_ in {"VBZ", "VBP"} or any(a.tag_ in {"VBZ", "VBP"} for a in aux):
        return "present"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in aux):
        return "past"
    return None


def _connective(tok: Token) -> tuple[str, Token] | None:
    """("after", main verb) when the event is introduced by after/following/since."""
    if tok.pos_ in {"VERB", "AUX"}:
        marks = [c for c in tok.children if c.dep_ in {"mark", "prep"} and c.lower_ in _CONNECTIVES]
        if marks:
            return marks[0].lower_, tok.head
        head = tok.head
        if tok.dep_ == "pcomp" and head.lower_ in _CONNECTIVES:
            return head.lower_, head.head
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in _CONNECTIVES:
        return head.lower_, head.head
    return None


def _since(ctx: DocContext, d: DateMention) -> bool:
    """The date is introduced by "since": the start of what continues."""
    words = _tokens(ctx, d.start, d.end)
    if words is None:
        return False
    if words[0].lower_ == "since":
        return True
    return words.root.head.lower_ == "since" or (words.start > 0 and
                                                 ctx.tokens[words.start - 1].lower_ == "since")


def _distance(value: str, resolution: str | None, published: dt.date) -> tuple[str, str] | None:
    p = period(value)
    if p is None:
        return None
    first, last = p
    label = f"{value} ({resolution or 'date'})"
    if first > published:
        return "future", f"dated {label}, after publication"
    if last < published - dt.timedelta(days=RECENT_DAYS):
        days = (published - last).days
        return "past", f"dated {label}, {days} days before publication"
    if (last - first).days > 31 and first <= published <= last:
        return "ongoing", f"dated {label}, a period that contains the publication date"
    return None


def _status(ctx: DocContext, ev: Event, tok: Token | None, d: DateMention | None) -> tuple[str, str]:
    if ev.rule.split("/", 1)[0] in _SPEECH_ACTS:
        return "new", "a statement of intent, threat, demand or refusal, made when reported"
    verb = _verb(tok) if tok is not None else None
    aspect = _aspect(verb) if verb is not None and verb is tok else None
    if ev.modality in _FUTURE_MODALITY or aspect == "future":
        return "future", f"{ev.modality or 'future'} modality"
    if d is not None and _since(ctx, d) and aspect in {"perfect", "present", "progressive", None}:
        return "ongoing", f"continuing since {d.text!r}"
    if d is not None and d.value and ctx.published is None:
        return "new", f"dated {d.value} ({d.resolution}); no publication date to compare with"
    if d is not None and d.value and ctx.published is not None:
        found = _distance(d.value, d.resolution, ctx.published)
        if found:
            return found
        return "new", f"dated {d.value} ({d.resolution}), within {RECENT_DAYS} days of publication"
    if aspect == "past_perfect":
        return "past", "past perfect: happened before the story's events"
    conn = _connective(tok) if tok is not None else None
    if conn is not None:
        word, main = conn
        main_verb = _verb(main)
        main_aspect = _aspect(main_verb) if main_verb is not None else None
        if main_aspect in {"present", "perfect", "progressive", "future"}:
            return "past", f"background introduced by {word!r} under a {main_aspect} main clause"
    if aspect == "progressive":
        return "ongoing", "progressive aspect: in progress when reported"
    if ctx.published is None:
        return "new", "no date stated and no publication date to compare with"
    return "new", "no date stated: reported as news of the publication date"


def assign_times(ctx: DocContext, events: list[Event], owned: dict[int, int]) -> None:
    """Set date, resolution, source and time status of ``events``.

    ``owned`` maps an event's trigger start offset to the index in ``ctx.record.dates`` of
    the date expression its trigger owns (see :func:`date_owners`).
    """
    by_idx = {t.idx: t for t in ctx.tokens}
    dates = ctx.record.dates
    published = ctx.published.isoformat() if ctx.published is not None else None
    for ev in events:
        tok = by_idx.get(ev.evidence.trigger[0])
        n = owned.get(ev.evidence.trigger[0])
        d = dates[n] if n is not None and n < len(dates) else None
        status, reason = _status(ctx, ev, tok, d)
        own = bool(d is not None and d.value) and not (status == "ongoing" and reason.startswith("continuing"))
        if ev.rule.split("/", 1)[0] in _SPEECH_ACTS:
            own = False
        if own and d is not None:
            ev.date, ev.date_resolution, ev.date_source = d.value, d.resolution, "text"
            ev.date_reason = f"stated in the text: {d.text!r} ({d.resolution})"
        elif published is not None:
            ev.date, ev.date_resolution, ev.date_source = published, "day", "published"
            ev.date_reason = "publication date: the sentence states no date for this event"
        else:
            ev.date = ev.date_resolution = ev.date_source = None
            ev.date_reason = "no date stated for the event and no publication date"
        ev.time_status, ev.time_reason = status, reason
