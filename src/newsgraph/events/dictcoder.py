"""Coding with a user's PETRARCH/TABARI verb dictionary over the spaCy parse.

For each verb of a sentence whose form the dictionary lists, the patterns of its family
are tried against the words around it: words before ``*`` must occur, in order, before the
verb (in the sentence), words after it in order after the verb (in the verb's phrase);
``_``-joined words must be adjacent, blank-separated ones may have words between them.
The largest matching pattern wins (ties: the earlier line); with none, the verb's own or
its family's code applies. ``$``/``+``/``%`` take the actor at that place as source, target
or both; otherwise source and target come from the parse as for the built-in patterns,
and the first actor after the verb in its phrase is the target when the parse gives none.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .arguments import Arg
from .coder import Candidate, SentenceCoder
from .patterns import Pattern
from .petrarch_verbs import Element, Verb, VerbDictionary, VerbPattern
from .syntax import objects, particles, prep_objects

# Clauses of their own: an actor inside one is not the verb's target ("delayed the meeting
# after a hobbit was reported in Mordor"); complements ("hoped that X would ...") are.
CLAUSE_DEPS = {"advcl", "relcl", "conj", "parataxis"}
MIN_STEM = 5  # pattern words this long also match as stems ("CONTRIBUT" -> "contributions")


@dataclass
class Match:
    code: str | None
    reverse: str | None
    where: str
    markers: dict[str, list[int]]  # "$" / "+" / "%" -> token indices of the actor found there
    end: int  # last token of the verb words


def _plural(word: str) -> set[str]:
    if word.endswith("Y"):
        return {word, word[:-1] + "IES", word + "S"}
    if word.endswith("SS"):
        return {word, word + "ES"}
    return {word, word + "S", word + "ES"}


class DictMatcher:
    def __init__(self, verbs: VerbDictionary) -> None:
        self.verbs = verbs

    # word and element matching -----------------------------------------------------------

    def _word(self, word: str, tok: Token) -> bool:
        exact = word.endswith("_")
        w = word.rstrip("_")
        text = tok.text.upper()
        if text == w or tok.lemma_.upper() == w:
            return True
        if exact:
            return False
        return text in _plural(w) or (len(w) >= MIN_STEM and text.startswith(w))

    def _seq(self, words: tuple[str, ...], toks: list[Token], i: int, limit: int, depth: int = 0) -> int | None:
        """End (exclusive) of ``words`` matched from ``toks[i]``, or None."""
        if not words:
            return i
        head, rest = words[0], words[1:]
        if head.startswith("&") and depth < 4:
            for phrase in self.verbs.synsets.get(head.rstrip("_"), ()):
                j = self._seq(phrase, toks, i, limit, depth + 1)
                if j is not None:
                    k = self._seq(rest, toks, j, limit, depth)
                    if k is not None:
                        return k
            return None
        if i >= limit or not self._word(head, toks[i]):
            return None
        return self._seq(rest, toks, i + 1, limit, depth)

    def _actor_in(self, toks: list[Token], lo: int, hi: int, has_actor) -> list[int]:
        """The first actor token in ``toks[lo:hi]`` with the actors coordinated with it."""
        for j in range(max(lo, 0), min(hi, len(toks))):
            if has_actor(toks[j]):
                head = toks[j]
                while head.dep_ in {"compound", "amod", "det"} and head.head.i != head.i:
                    head = head.head
                return [toks[j].i] + [c.i for c in head.conjuncts if has_actor(c)]
        return []

    def _after(self, elems: tuple[Element, ...], toks: list[Token], pos: int, limit: int, has_actor,
               markers: dict[str, list[int]]) -> bool:
        pending: str | None = None
        for e in elems:
            if e.marker in {"$", "+", "%"}:
                pending = e.marker
                continue
            if e.marker == "^":
                continue
            starts = [pos] if e.connected else range(pos, limit)
            for s in starts:
                end = self._seq(e.words, toks, s, limit)
                if end is None:
                    continue
                if pending:
                    found = self._actor_in(toks, pos, s, has_actor)
                    if not found:
                        continue
                    markers[pending] = found
                    pending = None
                pos = end
                break
            else:
                return False
        if pending:
            found = self._actor_in(toks, pos, limit, has_actor)
            if not found:
                return False
            markers[pending] = found
        return True

    def _before(self, elems: tuple[Element, ...], toks: list[Token], pos: int, has_actor,
                markers: dict[str, list[int]]) -> bool:
        """``elems`` (ending with "*") matched right to left, ending before ``toks[pos]``."""
        glued = elems[-1].connected
        pending: str | None = None
        for e in reversed(elems[:-1]):
            if e.marker in {"$", "+", "%"}:
                pending = e.marker
                glued = e.connected
                continue
            if e.marker == "^":
                glued = False
                continue
            hit = None
            for s in range(pos - 1, -1, -1):
                end = self._seq(e.words, toks, s, pos)
                if end is None or (glued and end != pos):
                    continue
                if pending:
                    found = self._actor_in(toks, end, pos, has_actor)
                    if not found:
                        continue
                    markers[pending] = found
                    pending = None
                hit = s
                break
            if hit is None:
                return False
            pos = hit
            glued = e.connected
        if pending:
            found = self._actor_in(toks, 0, pos, has_actor)
            if not found:
                return False
            markers[pending] = found
        return True

    # verbs ------------------------------------------------------------------------------

    def _verb_words(self, v: Verb, toks: list[Token], at: int) -> int | None:
        """Index of the last verb word when the multi-word verb ``v`` is at ``toks[at]``."""
        for n, w in enumerate(reversed(v.pre), start=1):
            if at - n < 0 or toks[at - n].text.upper() != w:
                return None
        end = at
        for w in v.post:
            nxt = end + 1
            if nxt >= len(toks) or toks[nxt].text.upper() != w:
                return None
            end = nxt
        return end

    def match(self, tok: Token, sent: Span, has_actor) -> Match | None:
        toks = list(sent)
        at = tok.i - sent.start
        right = max(t.i for t in tok.subtree) - sent.start + 1
        best: tuple[int, int, VerbPattern] | None = None
        default: tuple[Verb, int] | None = None
        best_marks: dict[str, list[int]] = {}
        for v in sorted(self.verbs.verbs_for(tok.text), key=lambda v: -(len(v.pre) + len(v.post))):
            end = self._verb_words(v, toks, at)
            if end is None:
                continue
            if default is None:
                default = (v, end)
            family = self.verbs.families[v.family]
            for n, p in enumerate(family.patterns):
                if best is not None and (p.size, -n) <= (best[2].size, -best[1]):
                    continue
                marks: dict[str, list[int]] = {}
                if self._before(p.before, toks, at - len(v.pre), has_actor, marks) and \
                        self._after(p.after, toks, end + 1, max(right, end + 1), has_actor, marks):
                    best = (end, n, p)
                    best_marks = marks
        if best is not None:
            end, _, p = best
            return Match(p.code, p.reverse, p.where, best_marks, toks[end].i)
        if default is None:
            return None
        v, end = default
        return Match(v.code, v.reverse, v.where, {}, toks[end].i)


class DictCoder(SentenceCoder):
    """Sentence coder whose verbs are coded by a PETRARCH verb dictionary (no nominal events)."""

    def __init__(self, verbs: VerbDictionary, resolver, unnamed: set[str] | None = None) -> None:
        super().__init__(None, resolver)  # type: ignore[arg-type]
        self.matcher = DictMatcher(verbs)
        # actors the sentence does not name (country from context only): PETRARCH codes
        # actors from the words of their own phrase, so these take no part
        self.unnamed = unnamed or set()

    def code(self, sent: Span, first_token: int) -> list[Candidate]:
        out: list[Candidate] = []

        def has_actor(t: Token) -> bool:
            return bool(set(self.resolver.lookup.ids_for_token(t.i)) - self.unnamed)

        for tok in sent:
            if tok.i < first_token or tok.pos_ not in {"VERB", "AUX"}:
                continue
            m = self.matcher.match(tok, sent, has_actor)
            if m is None or (m.code is None and m.reverse is None):
                continue
            if tok.pos_ == "AUX" and not m.markers and m.where == self._default_where(tok):
                continue  # an auxiliary only codes through a pattern
            out.extend(self._candidates(tok, m, sent))
        return out

    def _default_where(self, tok: Token) -> str | None:
        verbs = self.matcher.verbs.verbs_for(tok.text)
        return verbs[0].where if verbs else None

    def _candidates(self, tok: Token, m: Match, sent: Span) -> list[Candidate]:
        objs = objects(tok)
        prep_toks: dict[str, list[Token]] = {}
        for holder in [tok, *objs]:
            for prep, pobj in prep_objects(holder):
                prep_toks.setdefault(prep, []).append(pobj)
        code = m.code or m.reverse or ""
        pattern = Pattern("verb", tok.text.lower(), None, frozenset(), None, frozenset(), code, m.where, 0)
        cand = self._verb_candidate(tok, pattern, particles(tok), objs, prep_toks)
        cand.trigger_end = tok.doc[m.end]
        if "%" in m.markers:
            arg = self._arg(tok.doc, m.markers["%"])
            cand.source, cand.target = arg, Arg()
        if "$" in m.markers:
            cand.source = self._arg(tok.doc, m.markers["$"])
        if "+" in m.markers:
            cand.target = self._arg(tok.doc, m.markers["+"])
        cand.source = self._named(cand.source)
        cand.target = self._named(cand.target)
        if not cand.target:
            cand.target = self._first_actor_after(tok, sent, set(cand.source.ids))
        cand.mutual_ok = "%" in m.markers or not cand.target
        cand.mutual_any = True  # PETRARCH: a compound actor with no target acts on its members
        if not cand.source:
            return []  # PETRARCH codes no event without a source actor
        out = []
        if m.code:
            out.append(cand)
        if m.reverse and not ("%" in m.markers and m.reverse == m.code):  # "%": pairs both ways
            rev = Pattern("verb", pattern.lemma, None, frozenset(), None, frozenset(), m.reverse,
                          m.where + ":reverse", 0)
            out.append(Candidate(cand.trigger, cand.trigger_end, rev, cand.target, cand.source,
                                 cand.negated, cand.modality, cand.construction, cand.mutual_ok,
                                 mutual_any=True))
        return out

    def _named(self, arg: Arg) -> Arg:
        if not self.unnamed or not set(arg.ids) & self.unnamed:
            return arg
        out = Arg(fallback=arg.fallback)
        for aid, toks in arg.by_actor.items():
            if aid not in self.unnamed:
                for t in toks:
                    out.add([aid], t)
        return out

    def _arg(self, doc, indices: list[int]) -> Arg:
        arg = Arg()
        for i in indices:
            ids = self.resolver.lookup.ids_for_token(i)
            if ids:
                arg.add(ids, doc[i])
        return arg

    def _first_actor_after(self, tok: Token, sent: Span, source: set[str]) -> Arg:
        """First actor after the verb in its phrase (not inside a clause of its own)."""
        right = max(t.i for t in tok.subtree)
        for t in sent:
            if t.i <= tok.i or t.i > right or _under_other_verb(t, tok):
                continue
            ids = [i for i in self.resolver.lookup.ids_for_token(t.i) if i not in source | self.unnamed]
            if ids:
                arg = Arg()
                arg.add(ids, t)
                for c in t.conjuncts:  # "ties with Gondor and Arnor"
                    arg.add([i for i in self.resolver.lookup.ids_for_token(c.i)
                             if i not in source | self.unnamed], c)
                arg.fallback = True
                return arg
        return Arg()


def _under_other_verb(t: Token, verb: Token) -> bool:
    node = t
    while node.i != verb.i and node.head.i != node.i:
        node = node.head
        if node.i != verb.i and node.pos_ in {"VERB", "AUX"} and node.dep_ in CLAUSE_DEPS:
            return True
    return False
