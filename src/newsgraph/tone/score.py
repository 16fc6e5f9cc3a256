"""Scoring words, spans, sentences, documents and dyads."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..context import DocContext
from ..model import Event, Tone
from .lexicon import NEGATION_WINDOW, NEGATORS, load_lexicon

logger = logging.getLogger(__name__)


def _is_word(tok: Token) -> bool:
    return tok.is_alpha or (tok.lower_ == "n't")


def score_tokens(tokens: Sequence[Token]) -> list[int]:
    """+1 / -1 / 0 for each token; negators flip a scored word within the window after them."""
    lex = load_lexicon()
    scores = []
    for i, tok in enumerate(tokens):
        s = lex.get(tok.lower_) or lex.get(tok.lemma_.lower(), 0) if tok.is_alpha else 0
        if s:
            lo = max(0, i - NEGATION_WINDOW)
            window = tokens[lo:i]
            if any(w.lower_ in NEGATORS and w.sent == tok.sent for w in window):
                s = -s
        scores.append(s)
    return scores


def tone_of(tokens: Sequence[Token], scores: Sequence[int]) -> Tone:
    """GDELT-style tone of a token run, given its token scores."""
    words = sum(1 for t in tokens if _is_word(t))
    if not words:
        return Tone()
    pos = 100.0 * sum(1 for s in scores if s > 0) / words
    neg = 100.0 * sum(1 for s in scores if s < 0) / words
    return Tone(
        tone=round(pos - neg, 3),
        positive=round(pos, 3),
        negative=round(neg, 3),
        polarity=round(pos + neg, 3),
        word_count=words,
    )


def _span_tone(doc: Doc, scores: list[int], start: int, end: int) -> float:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0.0
    return tone_of(list(span), scores[span.start : span.end]).tone


def _span_counts(doc: Doc, scores: list[int], start: int, end: int) -> tuple[int, int, int]:
    """(words, positive words, negative words) of a character span."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return 0, 0, 0
    words = sum(1 for t in span if _is_word(t))
    sc = scores[span.start : span.end]
    return words, sum(1 for v in sc if v > 0), sum(1 for v in sc if v < 0)


def dyad_key(a: str, b: str) -> str:
    """Unordered dyad key: the two country codes in alphabetical order ("RUS-TUR")."""
    return "-".join(sorted((a, b)))


def dyad_tone(tone: Tone, a: str, b: str) -> float | None:
    """Tone between countries ``a`` and ``b`` in either order, or None without events."""
    return tone.dyads.get(dyad_key(a, b))


def _dyads(ctx: DocContext, scores: list[int]) -> dict[str, float]:
    country = {a.id: a.country for a in ctx.record.actors if a.country}
    members = {a.id: a.members for a in ctx.record.actors}

    def countries(ids: list[str]) -> set[str]:
        out = set()
        for i in ids:
            for j in members.get(i) or [i]:
                if country.get(j):
                    out.add(country[j])
        return out

    # GDELT's tone formula over the words of the dyad's sentences pooled together: each
    # sentence weighs by its length, so one short line cannot outvote the article's body.
    by_pair: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    seen: set[tuple[str, int]] = set()
    for ev in ctx.record.events:
        ev: Event
        start, end = ev.evidence.sentence
        for s in countries(ev.source):
            for t in countries(ev.target):
                key = dyad_key(s, t)
                if s == t or (key, start) in seen:
                    continue  # one sentence counts once for a dyad
                seen.add((key, start))
                counts = by_pair[key]
                for i, n in enumerate(_span_counts(ctx.doc, scores, start, end)):
                    counts[i] += n
    return {
        k: round(100.0 * (pos - neg) / words, 3)
        for k, (words, pos, neg) in sorted(by_pair.items())
        if words
    }


def extract(ctx: DocContext) -> None:
    """Fill ``ctx.record.tone``: document, sentence and dyad tone."""
    doc = ctx.doc
    tokens = list(doc)
    scores = score_tokens(tokens)
    tone = tone_of(tokens, scores)
    if ctx.record.sentences:
        tone.sentences = [_span_tone(doc, scores, s.start, s.end) for s in ctx.record.sentences]
    else:
        tone.sentences = [tone_of(list(s), scores[s.start : s.end]).tone for s in doc.sents]
    tone.dyads = _dyads(ctx, scores)
    ctx.record.tone = tone
