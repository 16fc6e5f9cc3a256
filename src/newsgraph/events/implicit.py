"""Agentless and implicit events: "were arrested", "a curfew was imposed", "shot dead".

Police and security actions are often told without their agent. Such an act still happened,
so it is kept; its source is the security force or authority the story has just named (this
sentence before the trigger, or one of the two sentences before), else it stays empty with
the reason why. Only material acts of coercion and force qualify (CAMEO 17-20): a statement
or an appeal with no actor says nothing an analyst could place in a dyad.
"""

from __future__ import annotations

from spacy.tokens import Span

from ..context import DocContext
from .coder import Candidate
from .patterns import is_derived
from .specific import COERCION_ROOTS

# Who does these acts, by code family: arrests, curfews and bans (17) are done by the police,
# the authorities or the courts; killings and fighting (18-20) by the police or armed forces.
AGENT_SECTORS = {"17": frozenset({"COP", "GOV", "JUD", "MIL", "SPY"}),
                 "18": frozenset({"COP", "MIL"}), "19": frozenset({"COP", "MIL"}),
                 "20": frozenset({"MIL"})}
LOOKBACK_SENTENCES = 2
# material cooperation, aid and concessions: acts whose code needs the one who receives them


def agentless(cand: Candidate) -> bool:
    """A verbal act of coercion or force whose agent the sentence does not name, told with what
    makes it an act on someone: its victim or patient ("two men were arrested"), the object its
    pattern names ("a curfew was imposed") or its means ("a car bomb exploded"). "The tissue
    taken" (a reduced relative clause) names none of these."""
    if not (not cand.source and cand.unnamed_agent and cand.construction in {"verb", "passive"}
            and cand.pattern.code[:2] in AGENT_SECTORS and not cand.negated):
        return False
    # "two suspects were arrested": a passive's patient the actor lists do not name
    return bool(cand.target or cand.pattern.obj or cand.construction == "passive" or cand.means_agent)


def fill_implicit_sources(ctx: DocContext, sents: list[Span], n: int, cands: list[Candidate]) -> None:
    """Give agentless acts of sentence ``n`` the security actor named just before, else a reason."""
    actors = {a.id: a for a in ctx.record.actors}
    window_start = sents[max(0, n - LOOKBACK_SENTENCES)].start_char
    for cand in cands:
        if not agentless(cand):
            continue
        sectors = AGENT_SECTORS[cand.pattern.code[:2]]
        best: tuple[int, str, int, int] | None = None
        for a in actors.values():
            if a.sector not in sectors or a.id in cand.target.ids:
                continue
            for start, end in a.mentions:
                if window_start <= start and end <= cand.trigger.idx and (best is None or start > best[0]):
                    best = (start, a.id, start, end)
        if best is None:
            cand.reason = "agentless: the text names no agent for this act"
            continue
        words = ctx.doc.char_span(best[2], best[3], alignment_mode="expand")
        if words is None or len(words) == 0:
            continue
        cand.source.add([best[1]], words.root)
        cand.source.fallback = True
        where = "this sentence" if best[2] >= sents[n].start_char else "an earlier sentence"
        cand.reason = f"source implicit: the {actors[best[1]].sector} actor named in {where}"


def drop_nameless(cands: list[Candidate]) -> None:
    """Remove acts that have no source and are not acts of coercion, force or protest where the
    sentence has events that name theirs: "to search for common ground" with no searcher beside
    a named meeting is no event of anyone's."""
    if not any(c.source for c in cands):
        return  # the sentence's only reading: kept with an empty source (its root event)
    cands[:] = [c for c in cands if c.source or c.pattern.code[:2] in COERCION_ROOTS | {"14"}]


def drop_weak_dyads(cands: list[Candidate], coded: set[str] | frozenset[str]) -> None:
    """A bare verb of the derived dictionary ("give", "take", "hold", "defeat": a whole verb
    family's code, no object or preposition confirming it), or an intent, threat or demand
    built on one, makes an event only between two coded actors (a country or a sector each,
    PETRARCH's condition for any event): "Yau Wai-ching defeated Raymond Wong" (an election)
    or "the festival came to a close" is no event of anyone's, while "the British government
    outlawed the UVF" and "Russia took over the airport" stay. ``coded``: actor ids with a
    country or sector."""
    cands[:] = [c for c in cands if not (_derived_bare(c) and not (
        any(i in coded for i in c.source.ids) and any(i in coded for i in c.target.ids)))]


def _derived_bare(cand: Candidate) -> bool:
    p = cand.pattern
    return p.kind == "verb" and p.specificity == 0 and is_derived(p)
