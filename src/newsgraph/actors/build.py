"""The actors extractor: pieces -> mentions -> coreference -> numbered actors."""

from __future__ import annotations

import bisect
import logging

from ..clean.boilerplate import dateline_end
from ..context import DocContext
from ..model import Actor
from ..pronouns import Candidate, PronounResolver, people_named
from .coref import dyads, link_pronouns, link_surnames, link_titles
from .index import ActorIndex
from .kb import get_kb
from .matcher import find_atoms
from .pieces import build_pieces
from .resolver import Assembler, Mention, state_name

log = logging.getLogger(__name__)


def extract(ctx: DocContext) -> None:
    """Write ``ctx.record.actors``; set ``ctx.actor_index`` and ``ctx.pronouns``."""
    doc = ctx.doc
    kb = get_kb(ctx.settings)
    pieces = build_pieces(ctx.ents, find_atoms(ctx.tokens, kb), kb)
    mentions = _outside_dateline(ctx, Assembler(doc, kb, pieces, ctx.published).mentions())
    link_surnames(mentions)
    link_titles(mentions)
    mentions += link_pronouns(ctx, mentions, ctx.record.warnings)
    mentions += dyads(ctx, mentions)
    actors = _number(ctx, mentions, kb)
    ctx.record.actors = actors
    starts = [t.idx for t in ctx.tokens]
    ctx.actor_index = ActorIndex(actors, starts)
    ctx.pronouns = PronounResolver([s.start for s in ctx.sents], _candidates(actors, starts),
                                   people_named(ctx.ents), ctx.quoted)


def _outside_dateline(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """Mentions less those inside the body's dateline ("DUBAI, United Arab Emirates -"):
    it names where the story was filed, not anyone who acts (places still read it)."""
    end = dateline_end(ctx.text[ctx.body_start:ctx.body_start + 200])
    if end is None:
        return mentions
    stop = ctx.body_start + end
    doc = ctx.doc  # a mention that runs on past the dateline ("BRUSSELS - Belgium") stays
    return [m for m in mentions if not (ctx.body_start <= doc[m.start].idx
                                        and doc[m.end - 1].idx + len(doc[m.end - 1]) <= stop)]


def _candidates(actors: list[Actor], token_starts: list[int]) -> list[Candidate]:
    """Every mention of a numbered actor as tokens, for the pronoun resolver."""
    out = []
    for a in actors:
        for s, e in a.mentions:
            first = bisect.bisect_right(token_starts, s) - 1
            last = bisect.bisect_left(token_starts, e)
            out.append(Candidate(first, max(last, first + 1), a.id, a.name, a.kind == "person"))
    return out


def _number(ctx: DocContext, mentions: list[Mention], kb) -> list[Actor]:
    doc = ctx.doc
    by_key: dict[tuple, Actor] = {}
    mentions.sort(key=lambda m: (m.start, -m.end))
    for m in mentions:
        if m.members:
            continue
        span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
        actor = by_key.get(m.key)
        if actor is None:
            actor = Actor(id="", name=m.name, country=m.country, sector=m.sector, kind=m.kind,
                          kb_id=m.kb_id, role=m.role, rule=m.rule, confidence=m.confidence,
                          reason=m.reason)
            by_key[m.key] = actor
        elif m.confidence > actor.confidence and m.rule.startswith("kb"):
            actor.rule, actor.confidence = m.rule, m.confidence
        if span not in actor.mentions:
            actor.mentions.append(span)
    for m in (m for m in mentions if m.members):
        ids = []
        for key in m.members:
            iso = key[1]
            member = by_key.get(key) or by_key.get((iso, "GOV"))
            if member is None:
                member = by_key[key] = Actor(id="", name=state_name(kb, iso), country=iso,
                                             kind="state", kb_id=f"state:{iso}", rule="coref:dyad",
                                             confidence=0.6, reason="a state as a whole has no sector")
            ids.append(id(member))
        span = (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]))
        if m.key in by_key:
            by_key[m.key].mentions.append(span)
            continue
        by_key[m.key] = Actor(id="", name=m.name, kind="compound", mentions=[span],
                                        rule=m.rule, confidence=m.confidence, reason=m.reason,
                                        members=[str(x) for x in ids])
    actors = sorted(by_key.values(), key=lambda a: a.mentions[0] if a.mentions else (10**9, 0))
    ident = {}
    for n, a in enumerate(actors, start=1):
        ident[str(id(a))] = a.id = f"a{n}"
    for a in actors:
        a.members = [ident[x] for x in a.members]
        a.mentions.sort()
    return actors
