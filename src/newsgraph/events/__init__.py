"""Event coding: who did what to whom, as CAMEO and PLOVER events with evidence.

``extract(ctx)`` writes ``ctx.record.events``; ``explain(record)`` renders the events of a
record sentence by sentence for people who must check the coding.

Only body sentences are coded: text before ``ctx.body_start`` (the title and dek) is left
out, because headlines are telegraphic and repeat the lead's events (counting both would
double the article's events).
"""

from __future__ import annotations

import logging

from ..context import DocContext
from ..places.extract import NOT_EVENT_PLACE_ROLES
from .arguments import ArgResolver
from .build import anchor_tokens, main_candidate, to_events
from .coder import SentenceCoder
from .combine import combine, drop_self_targets
from .dictcoder import DictCoder
from .dictmode import active, discards, preload, verb_dictionary
from .explain import explain
from .implicit import drop_nameless, drop_weak_dyads, fill_implicit_sources
from .merge import merge_mentions
from .patterns import load_patterns
from .timing import assign_times, date_owners

__all__ = ["explain", "extract", "preload"]

log = logging.getLogger(__name__)


def extract(ctx: DocContext) -> None:
    """Code the events of every body sentence into ``ctx.record.events``."""
    settings = ctx.settings
    resolver = ArgResolver(ctx.actor_index, {a.id: a.country for a in ctx.record.actors if a.country},
                           ctx.pronouns)
    dict_mode = active(settings)
    coded = {a.id for a in ctx.record.actors if a.country or a.sector}
    if dict_mode:
        unnamed = {a.id for a in ctx.record.actors if a.rule.endswith("context-country")}
        coder: SentenceCoder = DictCoder(verb_dictionary(settings.verb_dictionary), resolver, unnamed)
    else:
        coder = SentenceCoder(load_patterns(tuple(settings.patterns_files)), resolver)
    skip = discards(tuple(settings.discard_dictionaries)) if settings.discard_dictionaries else None
    rec = ctx.record
    if skip and (hit := skip.story_hit(rec.text)):
        rec.events = []
        log.debug("%s: story discarded by %s", rec.id, hit)
        return
    dated = [i for i, d in enumerate(rec.dates) if d.value]
    dates = [rec.dates[i] for i in dated]
    place_spans = [(p.start, p.end) for p in rec.places]
    states = {a.id for a in rec.actors if a.country and not a.sector and a.kind == "state"}
    events = []
    owned: dict[int, int] = {}  # trigger offset -> index of its date in rec.dates
    for n, sent in enumerate(ctx.sents):
        if sent.end_char <= ctx.body_start or not sent.text.strip():
            continue
        first = next((t.i for t in sent if t.idx >= ctx.body_start and not t.is_space), None)
        if first is None:
            continue
        if skip and skip.sentence_hit(sent.text):
            continue
        cands = coder.code(sent, first)
        if not dict_mode:
            cands += combine(cands, resolver)
            drop_self_targets(cands, resolver, states)
            fill_implicit_sources(ctx, ctx.sents, n, cands)
            drop_nameless(cands)
            drop_weak_dyads(cands, coded)
        if not cands:
            continue
        triggers = {c.trigger.i for c in cands}
        owners = date_owners(ctx, sent, dates, triggers)
        owned.update({ctx.tokens[tok].idx: dated[i] for tok, i in owners.items()})
        anchors = {tok: (dates[i].value, "stated in the text") for tok, i in owners.items()}
        places = {
            tok: i for tok, i in anchor_tokens(ctx, sent, place_spans, triggers).items()
            if rec.places[i].role not in NOT_EVENT_PLACE_ROLES
        }
        start = max(sent.start_char, ctx.tokens[first].idx)
        events.extend(to_events(ctx, sent, n, start, cands, main_candidate(cands), anchors, places, dict_mode))
    for i, ev in enumerate(events, start=1):
        ev.id = f"e{i}"
    assign_times(ctx, events, owned)
    merge_mentions(rec, events)
    rec.events = events
    log.debug("%s: %d events", rec.id, len(events))
