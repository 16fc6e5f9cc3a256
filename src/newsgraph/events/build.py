"""From coder candidates to ``model.Event`` records: actor pairs, tables, evidence, date, place."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..model import Cameo, Event, EventEvidence, Plover
from .arguments import Arg
from .coder import Candidate, is_mutual
from .implicit import agentless
from .patterns import is_derived
from .tables import code_info

MAX_PAIRS = 6  # cap on events from one predicate with compound actors


def to_events(ctx: DocContext, sent: Span, sent_index: int, sent_start: int, cands: list[Candidate],
              main: Candidate | None, anchors: dict[int, tuple[str | None, str]], places: dict[int, int],
              user_codes: bool = False) -> list[Event]:
    """Events of one sentence; ``anchors``/``places`` map trigger token -> date / place index;
    the first event of ``main`` is the sentence's root event."""
    events: list[Event] = []
    sent_span = (sent_start, sent.start_char + len(sent.text.rstrip()))
    for cand in cands:
        pairs = _pairs(cand)
        if not pairs:
            continue
        info = code_info(cand.pattern.code, user=user_codes)
        counted = ctx.settings.count_modal_events or not (cand.negated or cand.modality)
        date, date_reason = anchors.get(cand.trigger.i, (None, None))
        if date is None:
            if ctx.published is not None:
                date = ctx.published.isoformat()
                date_reason = "publication date: the sentence states no date for this event"
            else:
                date_reason = "no date stated for the event and no publication date"
        for n, (src, tgt) in enumerate(pairs[:MAX_PAIRS]):
            events.append(Event(
                id="",
                sentence=sent_index,
                source=[src] if src else [],
                target=[tgt] if tgt else [],
                cameo=Cameo(info.code if info.code == cand.pattern.code else cand.pattern.code,
                            info.base, info.root, info.name),
                plover=Plover(info.plover_type, info.plover_mode, info.plover_context)
                if info.plover_type else None,
                goldstein=info.goldstein,
                quad_class=info.quad_class,
                evidence=EventEvidence(
                    trigger=(cand.trigger.idx, cand.trigger_end.idx + len(cand.trigger_end.text)),
                    sentence=sent_span,
                    source=_span_for(cand.source, src),
                    target=_span_for(cand.target, tgt),
                ),
                rule=f"{cand.construction}/{cand.pattern.id}",
                confidence=_confidence(cand),
                is_root=cand is main and n == 0,
                negated=cand.negated,
                modality=cand.modality,
                date=date,
                date_reason=date_reason,
                place=places.get(cand.trigger.i),
                counted=counted,
                source_inferred=cand.source.fallback or cand.construction == "light-verb",
                actor_reason=cand.reason,
            ))
    return events


def main_candidate(cands: list[Candidate]) -> Candidate | None:
    """The sentence's main event (GDELT's IsRootEvent, per sentence): the main clause before an
    embedded or reported one, asserted before modal or negated, then the most confident, then
    the first. Only candidates that make an event compete."""
    live = [c for c in cands if _pairs(c)]
    if not live:
        return None
    return min(live, key=lambda c: (c.embedded, c.negated or bool(c.modality), -_confidence(c), c.trigger.i))


def _pairs(cand: Candidate) -> list[tuple[str | None, str | None]]:
    src = cand.source.ids
    tgt = [t for t in cand.target.ids if t not in src]
    if not src and not tgt:
        # an act of coercion or force told without its actors still happened
        return [(None, None)] if agentless(cand) else []
    if not tgt and len(src) > 1 and cand.mutual_ok and (cand.mutual_any or is_mutual(cand.pattern.code)):
        return [(a, b) for a in src for b in src if a != b]
    sources: list[str | None] = [*src] or [None]
    targets: list[str | None] = [*tgt] or [None]
    return [(a, b) for a in sources for b in targets]


def _span_for(arg: Arg, actor: str | None) -> tuple[int, int] | None:
    """Span of the words naming one actor of the argument (whole argument for a compound)."""
    if actor is None:
        return None
    return arg.span(actor)


def _confidence(cand: Candidate) -> float:
    score = 0.55 + 0.1 * min(cand.pattern.specificity, 2)
    if cand.source and cand.target:
        score += 0.15
    elif not cand.source and not cand.target:
        score -= 0.25  # an act told without its actors: kept, but no sentence's headline
    if cand.source.fallback or cand.target.fallback:
        score -= 0.1
    if cand.embedded:
        score -= 0.15  # inside another event's clause: a detail, not the sentence's event
    if is_derived(cand.pattern):
        score -= 0.05  # derived dictionary: broad, less reviewed
    return round(max(0.1, min(score, 0.95)), 2)


def anchor_tokens(ctx: DocContext, sent: Span, spans: list[tuple[int, int]], triggers: set[int]) -> dict[int, int]:
    """For each span (date or place) in the sentence: index of the nearest trigger above it."""
    out: dict[int, int] = {}
    for n, (start, end) in enumerate(spans):
        if start < sent.start_char or end > sent.end_char:
            continue
        words = ctx.doc.char_span(start, end, alignment_mode="expand")
        if words is None or len(words) == 0:
            continue
        node: Token = words.root
        for _ in range(12):
            if node.i in triggers:
                out.setdefault(node.i, n)  # the nearest trigger above owns the span
                break
            if node.head.i == node.i:
                break
            node = node.head
    return out
