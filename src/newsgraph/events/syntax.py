"""Dependency-parse helpers for the coder: predicates' particles, subjects, objects, modality."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..lexicon import CONTENT_VERBS, words

SUBJ_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
OBJ_DEPS = {"dobj", "obj"}
PARTICLES = {"down", "off", "out", "up", "back", "over", "away", "in", "on"}

# Word lists shared with quotes, actors and dates: data/lexicon.tsv (newsgraph.lexicon).
# Verbs whose clausal complement is what was said: the content is coded, the saying only
# when nothing inside it codes (CAMEO 010 "make statement, not specified below").
SPEECH_VERBS = CONTENT_VERBS
# Governors of an xcomp that make the complement an intention, an expectation or a condition.
INTENTION_HEADS = words("intention_head")
# Governors that deny their complement: "refused to meet" did not meet.
NEGATING_HEADS = words("negating_head")
EXPECTATION_HEADS = words("expectation_head")
FUTURE_AUX = words("future_aux")
HYPOTHETICAL_AUX = words("hypothetical_aux")
NEGATORS = words("negator")
PLAN_MODIFIERS = words("plan_modifier")


def particles(tok: Token) -> set[str]:
    """Particles of a verb ("shot down") or noun ("shooting down"), lower case."""
    out = {c.lower_ for c in tok.children if c.dep_ == "prt"}
    out |= {c.lower_ for c in tok.children
            if c.dep_ in {"advmod", "prep"} and c.lower_ in PARTICLES and c.i == tok.i + 1
            and not any(g.dep_ == "pobj" for g in c.children)}
    return out


def compounds(tok: Token) -> set[str]:
    return {c.lemma_.lower() for c in tok.children if c.dep_ in {"compound", "amod", "nmod"}}


def with_conjuncts(tok: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Moscow and Ankara")."""
    return [tok, *tok.conjuncts]


def subjects(tok: Token) -> tuple[list[Token], list[Token]]:
    """(agent tokens, patient tokens) from the predicate's own subject or passive by-agent."""
    agents: list[Token] = []
    patients: list[Token] = []
    for c in tok.children:
        if c.dep_ in SUBJ_DEPS:
            agents.extend(with_conjuncts(c))
        elif c.dep_ in PASSIVE_SUBJ_DEPS:
            patients.extend(with_conjuncts(c))
        elif c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    agents.extend(with_conjuncts(g))
    if not agents and not patients:
        # the parser sometimes hangs the subject on the auxiliary ("Chile <- is opposed"):
        # under a passive auxiliary it is the passive's subject
        for aux in tok.children:
            if aux.dep_ in {"aux", "auxpass"} and aux.i < tok.i:
                for g in aux.children:
                    if g.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS:
                        passive = aux.dep_ == "auxpass" or g.dep_ in PASSIVE_SUBJ_DEPS
                        (patients if passive else agents).extend(with_conjuncts(g))
    return agents, patients


def inherited_subject(tok: Token, depth: int = 0) -> list[Token]:
    """Subject shared from a governing verb: coordination, control ("plans to visit"), relatives."""
    if depth > 4:
        return []
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ in {"acomp", "attr"} or (tok.dep_ in {"conj", "xcomp", "advcl"} and head.pos_ in {"VERB", "AUX", "ADJ"}):
        agents, _ = subjects(head)
        return agents or inherited_subject(head, depth + 1)
    if tok.dep_ == "pcomp":
        # "since apologising ...", "after meeting ...": the subject of the nearest verb above
        node = head
        while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
            node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            agents, _ = subjects(node)
            return agents or inherited_subject(node, depth + 1)
        return []
    if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        # "building a mechanism with Russia to try ...": the purpose belongs to the builder
        gov = head.head if head.dep_ in {"dobj", "attr", "pobj"} else None
        if gov is not None and gov.pos_ in {"VERB", "AUX"}:
            agents, _ = subjects(gov)
            return agents or inherited_subject(gov, depth + 1)
        return []
    if tok.dep_ == "relcl" and head.pos_ in {"NOUN", "PROPN"}:
        # "the jet, which ... was shot" -> the relative pronoun stands for the head noun
        return [head]
    return []


def objects(tok: Token) -> list[Token]:
    return [x for c in tok.children if c.dep_ in OBJ_DEPS for x in with_conjuncts(c)]


def datives(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in {"dative", "iobj"} and c.pos_ != "ADP"]


def prep_objects(tok: Token) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging off a token, including coordinated objects."""
    for c in tok.children:
        if c.dep_ in {"prep", "dative", "agent"} and c.pos_ == "ADP":
            for g in c.children:
                if g.dep_ in {"pobj", "pcomp"}:
                    for x in with_conjuncts(g):
                        yield c.lower_, x


def negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ in {"advmod", "det"}) for c in tok.children):
        return True
    # "did not want to meet" / "refused to meet": the governor negates the complement
    if tok.dep_ == "xcomp" and tok.head.i != tok.i:
        return tok.head.lemma_.lower() in NEGATING_HEADS or negated(tok.head)
    return False


def modality(tok: Token) -> str | None:
    """future | intention | hypothetical | expectation, or None for an asserted event."""
    aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    if aux & FUTURE_AUX:
        return "future"
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in tok.children):
        return "hypothetical"
    if tok.pos_ in {"NOUN", "PROPN"} and any(c.lower_ in PLAN_MODIFIERS for c in tok.children):
        return "intention"
    head = tok.head
    if head.i == tok.i:
        return None
    if tok.dep_ == "xcomp":
        if head.lemma_.lower() in EXPECTATION_HEADS:
            return "expectation"
        if head.lemma_.lower() in INTENTION_HEADS:
            return "intention"
        return modality(head)
    if tok.dep_ == "advcl" and "to" in aux:
        return "intention"  # purpose clause: "travels to Moscow to meet Putin"
    if tok.dep_ in {"conj"}:
        return modality(head)
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"dobj", "attr", "nsubjpass", "nsubj"}:
        return modality(head)
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and head.dep_ == "prep" \
            and head.head.pos_ in {"VERB", "AUX"}:
        return modality(head.head)  # "will go to Moscow for talks": the talks are future too
    return None


def governing_verb(tok: Token) -> Token | None:
    """The verb a nominal event is the object of ("expressed support", "will have talks")."""
    if tok.dep_ in {"dobj", "attr", "nsubjpass", "oprd"} and tok.head.pos_ in {"VERB", "AUX"}:
        return tok.head
    if tok.dep_ == "conj":
        return governing_verb(tok.head)
    return None
