"""Rules for pieces that name a state: its name, adjective, people, capital or a city.

PLOVER conventions: a city is its state's civilians (CVL); a capital that acts (subject,
object, possessor) is the government (GOV), elsewhere CVL; a plural demonym
("Nigerians") is the nation's people (CVL), living where the text places them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .codes import norm_key
from .mention import Mention, root, state_name
from .pieces import Piece

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .kb import KB

# Prepositions after which a capital or city is where something happens, not who acts.
LOCATIVE = frozenset(
    "in at near from to into outside inside across around within toward towards via through "
    "over on off between along beyond throughout".split()
)
# Dependencies where a capital is the actor itself (PLOVER: subject/object -> GOV, else CVL).
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "agent", "ROOT", "appos"})


class StateRules:
    """Mixin of :class:`resolver.Assembler`: mentions for state, capital and city pieces."""

    # What the mixin reads from the Assembler it is mixed into.
    doc: Doc
    kb: KB
    pieces: list[Piece]
    consumed: set[int]

    def _placed(self, k: int, p: Piece) -> tuple[int, str | None] | None:
        raise NotImplementedError  # Assembler._placed

    def _state(self, k: int, p: Piece) -> list[Mention]:
        r = root(self.doc, p)
        name = state_name(self.kb, p.ref)
        people = p.plural or self._demonym_plural(p)
        if r.dep_ in {"amod", "compound", "nmod"} and not people:
            if r.head.pos_ == "PROPN":
                return []  # "Turkish Stream", "Russia Today": part of a name
            # "an Indian proposal", "Israeli air raids": the state acts through the thing.
            return [Mention(("state", p.ref), p.start, p.end, name, "state", p.ref, None,
                            f"state:{p.ref}", None, "kb:state-adjective", 0.5,
                            "a state named by an adjective has no sector")]
        if people:  # "Palestinians", "ethnic Albanians in south Serbia": its people
            home, end = self._residence(k, p)
            iso = home or p.ref
            return [Mention((iso, "CVL"), p.start, end, f"{state_name(self.kb, iso)} civilians",
                            "agent", iso, "CVL", f"state:{iso}:CVL", None, "kb:demonym-people",
                            0.7)]
        return [Mention(("state", p.ref), p.start, p.end, name, "state", p.ref, None,
                        f"state:{p.ref}", None, "kb:state-name", 0.9,
                        "a state as a whole has no sector")]

    def _demonym_plural(self, p: Piece) -> bool:
        """ "Nigerians", "Israelis" (not "Philippines", "United States"): a nation's people."""
        text = self.doc[p.start : p.end].text
        st = self.kb.states.get(p.ref or "")
        if not st or p.end - p.start != 1 or not text.endswith("s"):
            return False
        if norm_key(text) == norm_key(st.name):
            return False
        return self.doc[p.start].tag_ in {"NNPS", "NNS"} and any(
            t[0] == "state" for t in self.kb.names.get(norm_key(text[:-1]), []))

    def _residence(self, k: int, p: Piece) -> tuple[str | None, int]:
        """Another state the people live in: "Albanians of southern Serbia", "ethnic Turks"."""
        placed = self._placed(k, p)
        if placed is not None:
            j, iso = placed
            if iso and iso != p.ref:
                self.consumed.add(j)
                return iso, max(p.end, self.pieces[j].end)
        r = root(self.doc, p)
        if any(c.lower_ == "ethnic" for c in r.children) or (
            p.start and self.doc[p.start - 1].lower_ == "ethnic"
        ):
            sent = r.sent
            for q in self.pieces:
                if q.kind in {"state", "capital", "city"} and q.ref != p.ref and (
                    sent.start <= q.start < sent.end and self._locative(q)
                ):
                    return q.ref, p.end
        return None, p.end

    def _capital(self, k: int, p: Piece) -> list[Mention]:
        if self._locative(p):
            return self._place(p)
        r = root(self.doc, p)
        while r.dep_ == "conj":
            r = r.head
        by_it = r.dep_ == "pobj" and (r.head.dep_ == "agent" or r.head.lower_ == "by")
        if r.dep_ not in ACTING_DEPS and not by_it:  # "an admission by Moscow" acts
            return self._place(p, "kb:capital-place", 0.5)  # "the road to Paris"
        name = f"{state_name(self.kb, p.ref)} government"
        return [Mention((p.ref, "GOV"), p.start, p.end, name, "state", p.ref, "GOV",
                        f"state:{p.ref}:GOV", None, "kb:capital-metonym", 0.75)]

    def _place(self, p: Piece, rule: str = "kb:place-in-state", conf: float = 0.3
               ) -> list[Mention]:
        """ "in Tokyo": where something happens; its people (PLOVER: cities are CVL)."""
        return [Mention((p.ref, "CVL"), p.start, p.end,
                        f"{state_name(self.kb, p.ref)} civilians", "state", p.ref, "CVL",
                        f"state:{p.ref}:CVL", None, rule, conf)]

    def _city(self, k: int, p: Piece) -> list[Mention]:
        if root(self.doc, p).dep_ in {"compound", "amod"}:
            return []
        if self._locative(p):
            return self._place(p)
        return self._place(p, "kb:city-metonym", 0.5)

    def _locative(self, p: Piece) -> bool:
        r = root(self.doc, p)
        while r.dep_ == "conj":
            r = r.head
        return r.dep_ == "pobj" and r.head.lower_ in LOCATIVE
