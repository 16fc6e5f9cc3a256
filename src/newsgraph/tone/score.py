"""Scoring words, spans, sentences, documents and dyads."""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..context import DocContext
from ..model import Tone
from .lexicon import NEGATION_WINDOW, NEGATORS, load_lexicon

logger = logging.getLogger(__name__)


def _is_word(tok: Token) -> bool:
    return tok.is_alpha or (tok.lower_ == "n't")


def score_tokens(tokens: Sequence[Token]) -> list[int]:
    """+1 / -1 / 0 for each token; negators flip a scored word within the window after them."""
    lex = load_lexicon()
    lowers = [t.lower_ for t in tokens]
    scores = [0] * len(lowers)
    for i, tok in enumerate(tokens):
        if not tok.is_alpha:
            continue
        s = lex.get(lowers[i]) or lex.get(tok.lemma_.lower(), 0)
        if s:
            lo = max(0, i - NEGATION_WINDOW)
            # Cheap test on the words first; the sentence check only when a negator is near.
            if any(w in NEGATORS for w in lowers[lo:i]) and any(
                lowers[j] in NEGATORS and tokens[j].sent == tok.sent for j in range(lo, i)
            ):
                s = -s
            scores[i] = s
    return scores


class _Counts:
    """Prefix sums of words, positive and negative words over the doc's tokens."""

    def __init__(self, tokens: Sequence[Token], scores: Sequence[int]) -> None:
        self.words, self.pos, self.neg = [0], [0], [0]
        for tok, sc in zip(tokens, scores, strict=True):
            self.words.append(self.words[-1] + (1 if _is_word(tok) else 0))
            self.pos.append(self.pos[-1] + (sc > 0))
            self.neg.append(self.neg[-1] + (sc < 0))

    def of(self, i: int, j: int) -> tuple[int, int, int]:
        """(words, positive, negative) of tokens i..j-1."""
        return (self.words[j] - self.words[i], self.pos[j] - self.pos[i],
                self.neg[j] - self.neg[i])


def _tone_from(words: int, pos_n: int, neg_n: int) -> Tone:
    if not words:
        return Tone()
    pos, neg = 100.0 * pos_n / words, 100.0 * neg_n / words
    return Tone(tone=round(pos - neg, 3), positive=round(pos, 3), negative=round(neg, 3),
                polarity=round(pos + neg, 3), word_count=words)


def tone_of(tokens: Sequence[Token], scores: Sequence[int]) -> Tone:
    """GDELT-style tone of a token run, given its token scores."""
    words = sum(1 for t in tokens if _is_word(t))
    return _tone_from(words, sum(1 for s in scores if s > 0), sum(1 for s in scores if s < 0))


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None else (span.start, span.end)


def dyad_key(a: str, b: str) -> str:
    """Unordered dyad key: the two country codes in alphabetical order ("RUS-TUR")."""
    return "-".join(sorted((a, b)))


def dyad_tone(tone: Tone, a: str, b: str) -> float | None:
    """Tone between countries ``a`` and ``b`` in either order, or None without events."""
    return tone.dyads.get(dyad_key(a, b))


def _dyads(ctx: DocContext, counts: _Counts) -> dict[str, float]:
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
        start, end = ev.evidence.sentence
        for s in countries(ev.source):
            for t in countries(ev.target):
                key = dyad_key(s, t)
                if s == t or (key, start) in seen:
                    continue  # one sentence counts once for a dyad
                seen.add((key, start))
                pair = by_pair[key]
                rng = _token_range(ctx.doc, start, end)
                for i, n in enumerate(counts.of(*rng) if rng else (0, 0, 0)):
                    pair[i] += n
    return {
        k: round(100.0 * (pos - neg) / words, 3)
        for k, (words, pos, neg) in sorted(by_pair.items())
        if words
    }


def extract(ctx: DocContext) -> None:
    """Fill ``ctx.record.tone``: document, sentence and dyad tone."""
    doc = ctx.doc
    tokens = ctx.tokens
    scores = score_tokens(tokens)
    counts = _Counts(tokens, scores)
    tone = _tone_from(*counts.of(0, len(tokens)))
    if ctx.record.sentences:
        ranges = [_token_range(doc, s.start, s.end) for s in ctx.record.sentences]
    else:
        ranges = [(s.start, s.end) for s in ctx.sents]
    tone.sentences = [_tone_from(*counts.of(*r)).tone if r else 0.0 for r in ranges]
    tone.dyads = _dyads(ctx, counts)
    ctx.record.tone = tone
