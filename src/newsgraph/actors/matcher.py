"""Find knowledge-base names and role words in a parsed document (longest match first).

A name must start with a capitalised token (so "turkey" the bird and "is" stay out);
role words (agents) match in any case. Matching keys are :func:`codes.norm_key` of the
exact characters a token run covers, so hyphens and apostrophes need no special tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

from .codes import norm_key
from .kb import KB, Target


@dataclass
class Atom:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str  # "name" | "agent"
    targets: list[Target]
    sector: str | None = None
    plural_demonym: bool = False


_MAX_WIDTH = 8
# Punctuation that may sit inside a name or role phrase ("Turkish-Russian", "U.S.", "Côte d'Ivoire").
_GLUE = frozenset({"-", ".", "'", "’", "&", "/"})


def _keys(doc: Sequence[Token], norms: list[str], i: int, width: int) -> list[tuple[int, str]]:
    """(end, key) for token runs starting at ``i``, longest first; runs end on a word."""
    out: list[tuple[int, str]] = []
    key = ""
    for j in range(i, min(len(doc), i + min(width, _MAX_WIDTH))):
        tok = doc[j]
        if tok.is_space or (tok.is_sent_start and j > i):
            break
        # A run never crosses a comma, colon or bracket: "military, officials" is two words.
        if j > i and tok.is_punct and tok.text not in _GLUE:
            break
        part = norms[j]
        if j > i:
            glue = "" if part == "-" or key.endswith("-") or not doc[j - 1].whitespace_ else " "
            key = f"{key}{glue}{part}"
        else:
            key = part
        if not (tok.is_punct and part != "-") and part:
            out.append((j + 1, key))
    return out[::-1]


def _longest(runs: list[tuple[int, str]], table: dict) -> tuple[int, str]:
    for end, key in runs:
        if key in table:
            return end, key
    return 0, ""


def find_atoms(doc: Sequence[Token], kb: KB) -> list[Atom]:
    """Non-overlapping name and role-word matches, left to right, over a doc's tokens."""
    atoms: list[Atom] = []
    norms = [norm_key(t.text) if not t.is_space else "" for t in doc]
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        low = norms[i]
        name_end = agent_end = 0
        name_key = agent_key = ""
        if tok.text[:1].isupper() and low in kb.first:
            name_end, name_key = _longest(_keys(doc, norms, i, kb.first[low]), kb.names)
        if low in kb.agent_first and not tok.is_stop:
            agent_end, agent_key = _longest(_keys(doc, norms, i, kb.agent_first[low]), kb.agents)
        if name_end and name_end >= agent_end:
            atoms.append(Atom(i, name_end, "name", kb.names[name_key]))
            i = name_end
            continue
        if agent_end:
            atoms.append(Atom(i, agent_end, "agent", [], kb.agents[agent_key]))
            i = agent_end
            continue
        # "Palestinians", "Russians": plural of a state adjective.
        if tok.text[:1].isupper() and tok.text.endswith("s") and len(tok.text) > 4:
            targets = [t for t in kb.names.get(norm_key(tok.text[:-1]), []) if t[0] == "state"]
            if targets:
                atoms.append(Atom(i, i + 1, "name", targets, plural_demonym=True))
        i += 1
    return atoms
