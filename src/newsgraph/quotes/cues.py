"""Cue words: the verbs that introduce what someone said.

Verbs of belief (believe, think, hope) are left out on purpose: "I believe that ..."
inside a quotation is part of what was said, not an attribution.
"""

from __future__ import annotations

from spacy.tokens import Token

# Verbs that report speech with a clause ("said that ...") or next to a quotation.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add state announce claim note warn insist argue stress explain confirm deny
    admit acknowledge suggest reiterate emphasize emphasise declare assert promise predict
    write tweet post reply respond answer remark comment observe recall report vow pledge
    concede complain agree conclude caution underline underscore maintain contend allege
    charge disclose reveal inform assure urge point
    """.split()
)
# Only next to a quotation mark ("“Why?” he asked"): these verbs rarely take a clause.
DIRECT_ONLY_VERBS: frozenset[str] = frozenset(
    "ask joke quip shout exclaim whisper scream cry laugh sigh continue begin describe".split()
)


def is_cue(token: Token, *, direct: bool) -> bool:
    """Is ``token`` a speech verb (``direct``: next to a quotation, which allows more)?"""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return False
    lemma = token.lemma_.lower()
    if lemma == "point" and not any(c.lower_ == "out" for c in token.children):
        return False  # "point out" only
    return lemma in SPEECH_VERBS or (direct and lemma in DIRECT_ONLY_VERBS)


def according_to(token: Token) -> Token | None:
    """The source named by "according to X" when ``token`` is "according"."""
    if token.lower_ != "according":
        return None
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    return next((c for c in nxt.children if c.dep_ == "pobj"), None)
