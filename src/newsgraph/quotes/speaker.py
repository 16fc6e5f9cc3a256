"""Who speaks: the subject of a cue verb, resolved to an actor of the article.

A name or title maps to an actor through ``ctx.actor_index``. A pronoun ("he", "they")
maps to what the document's pronoun resolver (``ctx.pronouns``, newsgraph/pronouns.py) finds,
skipping mentions inside quotations. "The head of X, Aydin Sezer" speaks as Aydin Sezer:
a person named inside the subject wins over the subject's head noun.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..lexicon import FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS
from ..model import Speaker

_NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_MAX_SUBJECT_TOKENS = 12


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, borrowed from the verb it is coordinated with if needed."""
    for t in (verb, verb.head if verb.dep_ in ("conj", "xcomp") else None):
        if t is None:
            continue
        subjs = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjs:  # "the engineer Tomas Novak said" parses as two subjects: take the nearer
            return min(subjs, key=lambda c: abs(c.i - t.i))
    return None


def _ent_from(doc, start: int) -> Span:
    """The entity starting at token ``start``, from the tokens' IOB tags (``doc.ents`` would
    build every entity of the document on each call: quadratic on a long text)."""
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[start].ent_type_)


def _ent_at(tok: Token, labels: tuple[str, ...]) -> Span | None:
    if tok.ent_iob_ not in ("B", "I") or tok.ent_type_ not in labels:
        return None
    doc, start = tok.doc, tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return _ent_from(doc, start)


def name_span(subj: Token) -> tuple[int, int]:
    """The characters naming the speaker inside the subject phrase."""
    ent = _ent_at(subj, ("PERSON",))
    if ent is not None:
        return ent.start_char, ent.end_char
    sub = list(subj.subtree)
    doc = subj.doc
    starts = (_ent_from(doc, i) for i in range(sub[0].i, sub[-1].i + 1)
              if doc[i].ent_iob_ == "B" and doc[i].ent_type_ == "PERSON")
    persons = [e for e in starts if e.end <= sub[-1].i + 1]
    if persons:  # an appositive: "the head of the centre, Aydin Sezer"
        return persons[-1].start_char, persons[-1].end_char
    ent = _ent_at(subj, _NAME_LABELS)
    if ent is not None:
        return ent.start_char, ent.end_char
    if len(sub) <= _MAX_SUBJECT_TOKENS:
        return sub[0].idx, sub[-1].idx + len(sub[-1])
    left = [c for c in subj.lefts if c.dep_ in ("compound", "det", "amod", "poss")]
    first = left[0] if left else subj
    return first.idx, subj.idx + len(subj)


def resolve(
    ctx: DocContext, subj: Token | None, inside_quotes: list[tuple[int, int]]
) -> tuple[Speaker, float]:
    """Speaker for the subject token ``subj`` and a confidence for the attribution."""
    if subj is None:
        return Speaker(reason="the cue verb has no subject"), 0.4
    low = subj.lower_
    if low in FIRST_PERSON:
        return Speaker(span=(subj.idx, subj.idx + len(subj)), name=subj.text,
                       reason="first-person speaker: the text's author or a group"), 0.5  # fmt: skip
    if low in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return _pronoun(ctx, subj, inside_quotes)
    start, end = name_span(subj)
    ids = ctx.actor_index.ids_for_span(start, end)
    if not ids:
        sub = list(subj.subtree)
        ids = ctx.actor_index.ids_for_span(sub[0].idx, sub[-1].idx + len(sub[-1]))
    name = ctx.record.text[start:end]
    if ids:
        return Speaker(actor=ids[0], span=(start, end), name=name), 0.9
    return Speaker(span=(start, end), name=name,
                   reason=f"speaker {name!r} is not a known actor"), 0.7  # fmt: skip


def _pronoun(
    ctx: DocContext, subj: Token, inside_quotes: list[tuple[int, int]]
) -> tuple[Speaker, float]:
    span = (subj.idx, subj.idx + len(subj))
    ids = ctx.actor_index.ids_for_span(*span)  # the actors extractor may resolve it itself
    if ids:
        actor = next((a for a in ctx.record.actors if a.id == ids[0]), None)
        reason = f"pronoun {subj.text!r} resolved by the actor index"
        return Speaker(actor=ids[0], span=span, name=actor.name if actor else subj.text,
                       reason=reason), 0.75  # fmt: skip
    found = ctx.pronouns.resolve(subj, inside_quotes)
    ref = found.ref if found is not None else None
    if found is None or not isinstance(ref, str):
        return Speaker(span=span, name=subj.text,
                       reason=f"pronoun {subj.text!r} with no earlier compatible actor"), 0.3  # fmt: skip
    reason = f"pronoun {found.reason} ({found.rule})"
    return Speaker(actor=ref, span=span, name=found.name, reason=reason), (
        0.45 if found.rivals else 0.65
    )
