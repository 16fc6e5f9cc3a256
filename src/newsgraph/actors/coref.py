"""Coreference-lite: surnames, role-only mentions, reporting pronouns, "the two countries".

Works on mentions (token spans with keys) before actors are numbered. Every link keeps
its rule so users can see why "he" became Putin.
"""

from __future__ import annotations

from collections import Counter

from ..context import DocContext
from ..errors import W101
from ..lexicon import SAYING, words
from ..pronouns import Candidate, PronounResolver, people_named
from .resolver import Mention

# Head-of-state/government titles "leader" may stand for.
LEADER_TITLES = words("leader_title")


def link_surnames(mentions: list[Mention]) -> None:
    """ "Sezer" alone joins "Aydin Sezer" (unknown people only; the KB lists surnames)."""
    full: dict[str, Mention] = {}
    for m in mentions:
        if m.kind == "person" and " " in m.name:
            full.setdefault(m.name.split()[-1].lower(), m)
    for m in mentions:
        if m.kind == "person" and m.kb_id is None and " " not in m.name:
            target = full.get(m.name.lower())
            if target is not None and target is not m:
                m.key, m.name, m.country, m.sector = target.key, target.name, target.country, target.sector
                m.kb_id, m.rule, m.confidence, m.reason = target.kb_id, "coref:surname", 0.85, target.reason


def link_titles(mentions: list[Mention]) -> None:
    """ "the Turkish leader" -> the person of that country holding a matching role."""
    people = [m for m in mentions if m.kind == "person" and m.country]
    for m in mentions:
        if not m.title_of:
            continue
        words = m.title_of.split()
        head = words[-1]
        cands = [p for p in people if (m.country is None or p.country == m.country)
                 and (p.sector == m.sector or m.sector is None)]
        if head == "leader":
            titled = [p for p in cands if (p.role or "") in LEADER_TITLES]
        else:
            titled = [p for p in cands if p.role and p.role.endswith(_strip(m.title_of))]
        chosen = _best(titled or (cands if head == "leader" and m.country else []), m)
        if chosen is not None:
            m.key, m.name, m.kind, m.country, m.sector = (chosen.key, chosen.name, chosen.kind,
                                                          chosen.country, chosen.sector)
            m.kb_id, m.role, m.rule, m.confidence = chosen.kb_id, chosen.role, "coref:title", 0.7
            m.reason = chosen.reason


def _strip(title: str) -> str:
    """ "Russian president" -> "president"; "foreign minister" stays."""
    words = title.split()
    return " ".join(words[-2:]) if len(words) > 1 and words[-2] in {"foreign", "prime"} else words[-1]


def _best(cands: list[Mention], m: Mention) -> Mention | None:
    """The candidate mentioned most often; ties go to the nearest one before ``m``."""
    if not cands:
        return None
    count = Counter(c.key for c in cands)
    return max(cands, key=lambda c: (count[c.key], c.start < m.start, c.start))


_SUBJECT_PRONOUNS = {"he", "He", "HE", "she", "She", "SHE"}


def link_pronouns(ctx: DocContext, mentions: list[Mention], warnings: list[str]) -> list[Mention]:
    """ "he said": the person the document's one pronoun resolver finds (see pronouns.py)."""
    out: list[Mention] = []
    # Only "he"/"she" tokens matter: find them by their text, not by walking every token.
    pronouns = [t for t in ctx.tokens if t.text in _SUBJECT_PRONOUNS]
    if not pronouns:
        return out
    people = [m for m in mentions if m.kind == "person"]
    resolver = PronounResolver([s.start for s in ctx.sents], (
        Candidate(m.start, m.end, m.key, m.name, True) for m in people),
        people_named(ctx.ents), ctx.quoted)
    for tok in pronouns:
        if tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in SAYING:
            continue
        found = resolver.resolve(tok)
        if found is None:
            warnings.append(W101(word=tok.text, start=tok.idx, end=tok.idx + len(tok)))
            continue
        p = next(m for m in people if m.start == found.token and m.key == found.ref)
        out.append(Mention(p.key, tok.i, tok.i + 1, p.name, p.kind, p.country, p.sector,
                           p.kb_id, p.role, "coref:pronoun", 0.6, p.reason))
    return out


def dyads(ctx: DocContext, mentions: list[Mention]) -> list[Mention]:
    """ "the two countries", "both countries" -> a compound of the two most-named states."""
    out: list[Mention] = []
    low = ctx.text.lower()
    if "countries" not in low and "nations" not in low:
        return out  # the only words this rule reads; skip the token walk
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in {"country", "nation"} or tok.tag_ != "NNS":
            continue
        if not any(c.lower_ in {"two", "both"} for c in tok.children):
            continue
        before = [m for m in mentions if m.country and m.start < tok.i and m.kind != "agent"
                  and len(m.country) == 3 and m.country not in {"IGO", "NGO", "MNC", "IMG"}]
        pool = before if len({m.country for m in before}) >= 2 else [
            m for m in mentions if m.country and m.kind != "agent"]
        top = [c for c, _ in Counter(m.country for m in pool if m.country).most_common(2)]
        if len(top) < 2:
            continue
        start = min([c.i for c in tok.children if c.dep_ in {"det", "nummod", "poss"}] + [tok.i])
        members = [("state", c) for c in sorted(top)]
        out.append(Mention(("dyad", *members), start, tok.i + 1, " and ".join(sorted(top)),
                           "compound", None, None, None, None, "coref:dyad", 0.6,
                           "a pair of states: see members", members=members))
    return out
