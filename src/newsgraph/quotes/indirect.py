"""Indirect (reported) speech: a speech verb with a clause saying what was said.

* cue first:    Cavusoglu said (that) Turkey first sought ...; X told Sputnik that ...
* clause first: Turkey is building ..., Foreign Minister Mevlut Cavusoglu said.
* source:       According to the ministry, the talks will resume.
* object:       The opposition accused the government of hiding the cost; doctors called
                for a ban; the minister expressed concern about ... (``cues.OBJECT_CUES``)
* finding:      A survey showed that confidence fell (a clause only).

The reported clause is the verb's clausal complement (``ccomp``) without the word "that".
A clause that lies mostly inside quotation marks is a direct quotation, handled elsewhere.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..model import Quote
from .cues import according_to, is_cue, is_finding, object_cue
from .speaker import resolve, subject_of

_MIN_TOKENS = 3  # "he said so" is not a reported statement
_MAX_QUOTED_SHARE = 0.5  # a clause mostly inside a direct quotation is that quotation
_TRAIL = " \t\n,.;:"


def _trimmed(ctx: DocContext, first: Token, last: Token) -> tuple[int, int]:
    text = ctx.record.text
    start, end = first.idx, last.idx + len(last)
    while start < end and (text[start] in _TRAIL or text[start] in '\u201c\u201d"'):
        start += 1
    while end > start and text[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _clause_span(verb: Token) -> tuple[Token, Token] | None:
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is not None:
        sub = list(comp.subtree)
    elif verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # "The deal will create jobs, the minister announced": the cue hangs off the clause.
        sub = [t for t in verb.head.subtree if t.i < verb.left_edge.i]
        while sub and sub[-1].is_punct:
            sub = sub[:-1]
    else:
        return None
    while sub and (sub[0].dep_ in ("mark", "punct") or sub[0].lower_ == "that"):
        sub = sub[1:]
    if len(sub) < _MIN_TOKENS:
        return None
    return sub[0], sub[-1]


_OBJECT_DEPS = ("dobj", "prep", "dative", "xcomp", "oprd", "ccomp", "advcl", "prt")


def _object_span(verb: Token, prep: str) -> tuple[Token, Token] | None:
    """What an object cue attributes: its complements after it ("the government of hiding
    the cost", "concern about the delays"); after ``prep`` only, when one is required
    ("called for calm" -> "calm"). A reflexive ("expressed themselves") or a lone pronoun
    object is no content."""
    if prep:
        p = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == prep), None)
        obj = next((c for c in p.children if c.dep_ == "pobj"), None) if p is not None else None
        if obj is None or p is None:
            return None
        sub = list(obj.subtree)
        tail = [c for c in verb.children if c.i > p.i and c.dep_ in ("prep", "advcl")]
        last = max([sub[-1], *(list(c.subtree)[-1] for c in tail)], key=lambda t: t.i)
        return sub[0], last
    comps = [c for c in verb.children if c.i > verb.i and c.dep_ in _OBJECT_DEPS]
    objects = [c for c in comps if c.dep_ == "dobj"]
    if not objects:
        return None  # "the attack that London blamed on Russia": the object is elsewhere
    if any(c.lower_.endswith(("self", "selves")) for c in objects):
        return None  # "fans expressed themselves": no content
    if len(comps) == 1 and objects and objects[0].pos_ == "PRON":
        return None  # "she denied it": the content is elsewhere
    first = min(comps, key=lambda c: c.i).left_edge
    last = max((list(c.subtree)[-1] for c in comps), key=lambda t: t.i)
    if last.i - first.i + 1 < 2:
        return None
    return first, last


def _according_clause(tok: Token, sent: Span) -> tuple[Token, Token] | None:
    """The clause beside "according to X": the rest of the sentence."""
    prep = list(tok.subtree) + list(tok.nbor(1).subtree)
    lo, hi = min(t.i for t in prep), max(t.i for t in prep)
    if lo <= sent.start + 1:  # "According to X, <clause>."
        toks = [t for t in sent if t.i > hi and not t.is_punct]
    else:  # "<clause>, according to X."
        toks = [t for t in sent if t.i < lo and not t.is_punct]
    if len(toks) < _MIN_TOKENS:
        return None
    return toks[0], toks[-1]


def _quoted_share(start: int, end: int, marked: list[tuple[int, int]]) -> float:
    covered = sum(max(0, min(end, b) - max(start, a)) for a, b in marked)
    return covered / max(1, end - start)


def indirect_quotes(
    ctx: DocContext, marked: list[tuple[int, int]], direct: list[tuple[int, int]]
) -> list[Quote]:
    """Reported statements; ``marked``: every quoted stretch, ``direct``: direct quotes."""
    text = ctx.record.text
    out: list[Quote] = []
    for tok in ctx.tokens:
        if not tok.is_alpha:
            continue
        source = according_to(tok)
        subj: Token | None
        if source is not None:
            clause, subj, rule = _according_clause(tok, tok.sent), source, "indirect:according_to"
            cue = (tok.idx, tok.nbor(1).idx + len(tok.nbor(1)))
        elif is_cue(tok, direct=False) or is_finding(tok):
            clause, subj = _clause_span(tok), subject_of(tok)
            rule = "indirect:cue_first" if clause and clause[0].i > tok.i else "indirect:cue_last"
            if is_finding(tok) and not any(c.dep_ == "ccomp" for c in tok.children):
                clause = None  # "prices showed a rise": no finding reported
            cue = (tok.idx, tok.idx + len(tok))
            prep = object_cue(tok)
            if clause is None and prep is not None and subj is not None:
                clause, rule = _object_span(tok, prep), "indirect:object"
        elif (prep := object_cue(tok)) is not None:
            subj = subject_of(tok)
            if subj is None:
                continue
            clause = _clause_span(tok) or _object_span(tok, prep)
            rule = "indirect:object"
            cue = (tok.idx, tok.idx + len(tok))
        else:
            continue
        if any(a <= tok.idx < b for a, b in marked):
            continue  # a speech verb inside a quotation belongs to the quoted speaker
        if clause is None:
            continue
        start, end = _trimmed(ctx, *clause)
        if end <= start or _quoted_share(start, end, direct) > _MAX_QUOTED_SHARE:
            continue
        speaker, conf = resolve(ctx, subj, marked)
        out.append(
            Quote(
                start=start,
                end=end,
                text=text[start:end],
                kind="indirect",
                cue=cue,
                cue_word=text[cue[0] : cue[1]],
                speaker=speaker,
                rule=rule,
                confidence=round(min(0.85, conf), 2),
            )  # fmt: skip
        )
    return out
