"""The tense of the clause a date expression belongs to (past, present or future).

Used only to choose between the last and the coming weekday or month: "will go ... on
Wednesday" is the coming Wednesday, "met on Wednesday" the last one.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..lexicon import FUTURE_AUX

# "is expected to meet", "plans to visit", "is due to arrive", "is going to sign"
_FUTURE_GOVERNORS = {"expect", "plan", "schedule", "due", "set", "intend", "aim", "prepare", "go"}
_MAX_CLIMB = 6


def _verb_of(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the dependency tree."""
    t = token
    for _ in range(_MAX_CLIMB):
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head is t:
            return None
        t = t.head
    return None


def _is_future(verb: Token) -> bool:
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    # "is scheduled for May", "is due on Thursday", "are expected in June"
    if (
        verb.lemma_ in _FUTURE_GOVERNORS - {"go"}
        and verb.tag_ == "VBN"
        or any(c.dep_ == "acomp" and c.lower_ == "due" for c in verb.children)
    ):
        return True
    # "expected to meet on Wednesday": an infinitive under a future-looking governor.
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    head = verb.head
    if has_to and head is not verb and head.lemma_ in _FUTURE_GOVERNORS:
        return True
    # A coordinated verb shares the first verb's auxiliary ("will meet and sign").
    return verb.dep_ == "conj" and head is not verb and _is_future(head)


def tense_at(doc: Doc, start: int, end: int) -> str:
    """ "future", "past", "present" or "" for the expression at chars [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    verb = _verb_of(span.root)
    if verb is None:
        return ""
    if _is_future(verb):
        return "future"
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if tags & {"VBD", "VBN"}:
        return "past"
    if tags & {"VBZ", "VBP"}:
        return "present"
    return ""
