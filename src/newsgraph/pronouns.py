"""One pronoun resolver per document, shared by actors, quotes and events.

The actors extractor links "he said" to a person while it assembles mentions, then leaves
a :class:`PronounResolver` over the numbered actors in ``ctx.pronouns``; quotes (who
speaks) and events (who acted) ask it instead of resolving pronouns themselves. One set
of rules, each named in the answer so a user can see why "he" became Putin:

* ``pronoun:speaker``: a pronoun inside what someone said stands for the one who said it
  ("Putin said he would visit", "the rebels said they will release ...");
* ``pronoun:nearest``: "he"/"she"/"him"/"his" stand for the nearest person mentioned
  before, "it"/"they" for the nearest organisation, state or group, within the pronoun's
  sentence and the :data:`WINDOW` sentences before it. A person named there who is no
  actor (a PERSON entity the actors extractor did not keep) still counts as the nearest:
  the pronoun then stays unresolved rather than skip to someone named earlier (a name
  right after an opening quotation mark is a title, not a person). An actor named in the
  pronoun's own clause is not its antecedent ("he urged Mr. Trump" is not Trump), nor
  one named inside a quotation the pronoun is not part of ("'... the day Epstein died,'
  he said" is not Epstein). Other
  candidates of the same kind in that stretch are counted as rivals (a lower confidence).

First-person pronouns are resolved only by the speaker rule.
"""

from __future__ import annotations

import bisect
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .lexicon import CONTENT_VERBS, FIRST_PERSON, GROUP_PRONOUNS, PERSON_PRONOUNS, PRONOUNS

WINDOW = 3  # sentences before the pronoun's own that the nearest rule looks into
_CLIMB = 8  # dependency steps from a pronoun up to the speech verb it is said under
_OPENING_QUOTES = {'"', "\u201c", "\u2018", "'", "\u00ab"}


@dataclass(frozen=True)
class Candidate:
    """A mention a pronoun may stand for: its tokens, what it refers to, and whether it is
    a person. ``ref`` is an actor id (or, while actors are assembled, a mention key)."""

    start: int
    end: int
    ref: Hashable
    name: str
    person: bool


@dataclass(frozen=True)
class Antecedent:
    ref: Hashable
    token: int  # first token of the mention the pronoun stands for
    name: str
    rule: str  # "pronoun:speaker" | "pronoun:nearest"
    rivals: int  # other candidates of the same kind nearby (nearest rule)
    reason: str


_CLAUSAL = {"ccomp", "xcomp", "advcl", "parataxis", "csubj", "acl", "relcl", "conj"}


def _clause(tok: Token) -> set[int]:
    """Tokens of the pronoun's own clause: its head's words less embedded clauses."""
    out = {tok.head.i}
    todo = [c for c in tok.head.children if c.i != tok.i and c.dep_ not in _CLAUSAL]
    while todo:
        t = todo.pop()
        out.add(t.i)
        todo.extend(c for c in t.children if c.dep_ not in _CLAUSAL)
    return out


def people_named(ents: Iterable[Span]) -> list[tuple[int, int]]:
    """Token spans of the PERSON entities, less those right after an opening quotation
    mark (a song or book titled "Glasgow" is no person)."""
    return [(e.start, e.end) for e in ents if e.label_ == "PERSON"
            and not (e.start > 0 and e.doc[e.start - 1].text in _OPENING_QUOTES)]


def speaker_of_clause(tok: Token) -> Token | None:
    """Subject of the speech verb whose complement holds ``tok`` ("Putin added that he ...")."""
    node = tok
    for _ in range(_CLIMB):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in CONTENT_VERBS:
            return next((c for c in head.children if c.dep_ == "nsubj" and c.i != tok.i), None)
        node = head
    return None


class PronounResolver:
    """Pronoun -> the mention it stands for, by the rules of this module."""

    def __init__(self, sent_starts: Sequence[int], candidates: Iterable[Candidate],
                 other_people: Iterable[tuple[int, int]] = (),
                 quoted: Iterable[tuple[int, int]] = ()) -> None:
        """``other_people``: token spans of PERSON entities; those that overlap no
        candidate block the nearest rule (see the module's note). ``quoted``: character
        spans of quotations; a name inside one is no antecedent for a pronoun outside it."""
        self._sent_starts = list(sent_starts)  # first token of each sentence
        self._quoted = list(quoted)
        cands = list(candidates)
        taken = {i for c in cands for i in range(c.start, c.end)}
        cands += [Candidate(s, e, None, "", True) for s, e in other_people
                  if not taken.intersection(range(s, e))]
        self._cands = sorted(cands, key=lambda c: (c.start, -c.end))
        self._starts = [c.start for c in self._cands]

    def _sent(self, i: int) -> int:
        return bisect.bisect_right(self._sent_starts, i) - 1

    def _at(self, i: int) -> Candidate | None:
        """The candidate mention covering token ``i``."""
        k = bisect.bisect_right(self._starts, i)
        for c in reversed(self._cands[max(0, k - 8):k]):
            if c.start <= i < c.end:
                return c
        return None

    def resolve(self, tok: Token, skip: Sequence[tuple[int, int]] = (), _depth: int = 0
                ) -> Antecedent | None:
        """What the pronoun ``tok`` stands for; ``skip``: character spans (quotations)
        whose mentions the nearest rule must not use. None: not a pronoun, or unresolved."""
        low = tok.lower_
        if low not in PRONOUNS:
            return None
        speaker = speaker_of_clause(tok)
        if speaker is not None:
            found = self._at(speaker.i)
            if found is not None and found.ref is not None:
                return Antecedent(found.ref, found.start, found.name, "pronoun:speaker", 0,
                                  f"{tok.text!r} is said by {found.name!r}, the speaker")
            if speaker.lower_ in PRONOUNS and _depth < 2:
                chained = self.resolve(speaker, skip, _depth + 1)
                if chained is not None:
                    return Antecedent(chained.ref, chained.token, chained.name, "pronoun:speaker",
                                      chained.rivals, f"{tok.text!r} is said by "
                                      f"{speaker.text!r}: {chained.reason}")
            if speaker.pos_ in {"PROPN", "NOUN"} or found is not None:
                return None  # said by someone who is no actor: not someone named before
        if low in FIRST_PERSON or not (low in PERSON_PRONOUNS or low in GROUP_PRONOUNS):
            return None
        return self._nearest(tok, low in PERSON_PRONOUNS, skip)

    def _nearest(self, tok: Token, person: bool, skip: Sequence[tuple[int, int]]
                 ) -> Antecedent | None:
        first = self._sent_starts[max(0, self._sent(tok.i) - WINDOW)]
        doc = tok.doc
        window = self._cands[bisect.bisect_left(self._starts, first):
                             bisect.bisect_left(self._starts, tok.i)]
        own = _clause(tok)  # once per pronoun; only its sentence's mentions can be in it
        sent = tok.sent
        clause = {c.ref for c in self._cands[bisect.bisect_left(self._starts, sent.start):
                                             bisect.bisect_left(self._starts, sent.end)]
                  if c.ref is not None and c.start in own}
        hidden = [*skip, *((a, b) for a, b in self._quoted if not a <= tok.idx < b)]
        pool = [c for c in window
                if c.end <= tok.i and c.person == person
                and c.ref not in clause and not any(a <= doc[c.start].idx < b for a, b in hidden)]
        if not pool or pool[-1].ref is None:  # none, or the nearest person is no actor
            return None
        best = pool[-1]
        near = self._sent_starts[max(0, self._sent(best.start) - 1)]
        rivals = len({c.ref for c in pool if c.ref not in (best.ref, None) and c.start >= near
                      and c.name not in best.name and best.name not in c.name})
        kind = "person" if person else "organisation, state or group"
        reason = f"{tok.text!r}: the nearest {kind} mentioned before, {best.name!r}"
        if rivals:
            reason += f"; ambiguous: {rivals} other candidate(s) nearby"
        return Antecedent(best.ref, best.start, best.name, "pronoun:nearest", rivals, reason)
