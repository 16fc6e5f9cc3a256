"""Cue words: the verbs that introduce what someone said.

Verbs of belief (believe, think, hope) are left out on purpose: "I believe that ..."
inside a quotation is part of what was said, not an attribution.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import QUOTE_CUES, SPEECH_MANNER, words

# The lists live in data/lexicon.tsv (newsgraph.lexicon), shared with events and actors.
# Speech verbs with a clause ("said that ...") or next to a quotation.
SPEECH_VERBS = QUOTE_CUES
# Only next to a quotation mark ("Why?" he asked): these verbs rarely take a clause.
DIRECT_ONLY_VERBS = SPEECH_MANNER
# Verbs whose object (and its preposition) is what the speaker said, asked or felt, when
# they take no clause: accusations ("accused X of Y", "blamed X for Y"), demands ("demanded
# the release of"), expressions ("expressed concern about", "condemned the attack") and
# rejections ("denied any wrongdoing").
OBJECT_CUES = words("object_cue")
# Verbs that attribute only through one preposition: "called for calm", "appealed for help".
PREPOSITION_CUES: dict[str, str] = dict.fromkeys(words("for_cue"), "for")
# Verbs by which a document attributes a finding, with a clause only: "the survey showed that".
FINDING_VERBS = words("finding")


def _is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") or token.tag_ in ("VBD", "VBZ", "VBP", "VBN")


def object_cue(token: Token) -> str | None:
    """For an attributing verb that takes its content as an object: the preposition the
    content must follow ("for" of "call for"), "" for a plain object, else None."""
    if not _is_verb(token):
        return None
    lemma = token.lemma_.lower()
    if lemma in PREPOSITION_CUES:
        return PREPOSITION_CUES[lemma]
    return "" if lemma in OBJECT_CUES else None


def is_finding(token: Token) -> bool:
    """A verb by which a report, study or poll attributes a clause ("showed that ...")."""
    return _is_verb(token) and token.lemma_.lower() in FINDING_VERBS


def is_cue(token: Token, *, direct: bool) -> bool:
    """Is ``token`` a speech verb (``direct``: next to a quotation, which allows more)?"""
    if not _is_verb(token):
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
