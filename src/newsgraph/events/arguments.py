"""Turn argument tokens of a predicate into actor ids and an evidence span."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..context import ActorLookup, PronounLookup
from ..lexicon import FIRST_PERSON_PLURAL, FIRST_PERSON_SINGULAR, GROUP_PRONOUNS, PERSON_PRONOUNS
from ..pronouns import speaker_of_clause

# "it"/"they"/"we" stand for an actor only as the speaker ("the rebels said they will
# release ..."): the speaker's own words are resolved as an argument (modifiers included).
SPEAKER_ONLY = GROUP_PRONOUNS | FIRST_PERSON_PLURAL
# "he", "his", "I": what the document's pronoun resolver finds (newsgraph/pronouns.py).
RESOLVED = PERSON_PRONOUNS | FIRST_PERSON_SINGULAR
# Modifier relations through which a non-actor noun names its actor: "a Russian jet",
# "Turkey's president", "the Kremlin spokesman".
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


@dataclass
class Arg:
    """Actors found for one argument of an event, and the tokens that named them."""

    ids: list[str] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    by_actor: dict[str, list[Token]] = field(default_factory=dict)
    fallback: bool = False  # found through a pronoun, a modifier or the sentence context

    def __bool__(self) -> bool:
        return bool(self.ids)

    def add(self, ids: list[str], tok: Token) -> None:
        for i in ids:
            if i not in self.ids:
                self.ids.append(i)
            self.by_actor.setdefault(i, []).append(tok)
        self.tokens.append(tok)

    def span(self, actor: str | None = None) -> tuple[int, int] | None:
        """Characters of the words naming ``actor`` (all of the argument's actors when None)."""
        toks = self.by_actor.get(actor, []) if actor else self.tokens
        if not toks:
            return None
        return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


class ArgResolver:
    """Actor ids for argument tokens through the actors extractor's lookup."""

    def __init__(self, lookup: ActorLookup, countries: dict[str, str] | None = None,
                 pronouns: PronounLookup | None = None) -> None:
        self.lookup = lookup
        self.pronouns = pronouns
        self.countries = countries or {}  # actor id -> country code, where known

    def resolve(self, toks: list[Token]) -> Arg:
        arg = Arg()
        for tok in toks:
            self._one(tok, arg, depth=0)
        return arg

    def _one(self, tok: Token, arg: Arg, depth: int) -> None:
        ids = self.lookup.ids_for_token(tok.i)
        if ids:
            arg.add(ids, tok)
            return
        low = tok.lower_
        if low in SPEAKER_ONLY:
            speaker = speaker_of_clause(tok)
            if speaker is not None:
                sub = Arg()
                self._one(speaker, sub, depth + 1)
                for aid in sub.by_actor:
                    arg.add([aid], tok)
                arg.fallback = arg.fallback or bool(sub)
            return
        if low in RESOLVED:
            ante = self.pronouns.resolve(tok) if self.pronouns is not None else None
            if ante is not None:
                arg.add(self.lookup.ids_for_token(ante.token), tok)
                arg.fallback = True
            return
        if tok.pos_ not in {"NOUN", "PROPN", "PRON", "ADJ", "NUM"} or depth > 1:
            return
        # a non-actor noun named by its modifiers: "a Russian jet", "Turkey's leader"
        found = False
        mods = [c for c in tok.children if c.dep_ in MODIFIER_DEPS]
        # one level deeper too: "a Russian fighter jet" (Russian modifies fighter)
        mods += [g for c in mods if c.pos_ in {"NOUN", "PROPN"} for g in c.children if g.dep_ in MODIFIER_DEPS]
        mods += [x for c in mods for x in c.conjuncts]  # "Hungarian and Romanian officials"
        for c in mods:
            cids = self.lookup.ids_for_token(c.i)
            if cids:
                arg.add(cids, c)
                found = True
        if found:
            arg.fallback = arg.fallback or tok.pos_ == "NOUN"
            return
        # "the head of the Research Center", "actions of the military", "officials from Ankara"
        for c in tok.children:
            if c.dep_ in {"prep", "agent"} and c.lower_ in {"of", "from", "by"}:
                for g in c.children:
                    if g.dep_ == "pobj":
                        self._one(g, arg, depth + 1)
            elif c.dep_ == "appos":
                self._one(c, arg, depth + 1)
