"""Reconcile KB matches with spaCy's entities into non-overlapping pieces.

The KB overrides spaCy's label where a KB name covers the entity ("Erdogan" tagged GPE,
"Cavusoglu" ORG, "Sputnik" PERSON). An ORG/FAC entity that only contains KB words
("the Turkish-Russian Research Center") stays one piece and takes country and sector from
them; a longer PERSON whose last word is a known surname is someone else ("Aydin Sezer").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span

from .codes import norm_key
from .kb import KB
from .matcher import Atom

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


@dataclass
class Piece:
    start: int
    end: int
    kind: str  # entry | state | capital | city | agent | person | org
    ref: str | None = None  # KB id or ISO code
    sector: str | None = None
    inner: list[Atom] = field(default_factory=list)  # KB words inside an entity piece
    plural: bool = False


def _best_target(atom: Atom, kb: KB) -> tuple[str, str]:
    """Prefer user and hand entries (listed first), then states over namesakes."""
    return atom.targets[0]


def _is_surname_only(atom: Atom, ent_start: int) -> bool:
    """The atom matched one word at the end of a longer PERSON entity not titled by a role."""
    return atom.end - atom.start == 1 and ent_start < atom.start


def build_pieces(doc_ents: Sequence[Span], atoms: list[Atom], kb: KB) -> list[Piece]:
    pieces: list[Piece] = []
    used: set[int] = set()
    ents = [e for e in doc_ents if e.label_ in ACTOR_LABELS]
    taken_atoms: set[int] = set()
    facilities = {norm_key(f) for f in kb.facilities}
    # Atoms by start token, and the longest one: the atoms inside or covering tokens
    # start..end start between start - longest and end.
    by_start = sorted(range(len(atoms)), key=lambda k: atoms[k].start)
    starts = [atoms[k].start for k in by_start]
    longest = max((a.end - a.start for a in atoms), default=0)

    def _near(start: int, end: int) -> list[int]:
        lo, hi = bisect_left(starts, start - longest), bisect_right(starts, end)
        return sorted(by_start[lo:hi])
    for ent in ents:
        if "\n" in ent.text or norm_key(ent.text).removeprefix("the ") in facilities:
            continue
        near = _near(ent.start, ent.end)  # not every atom of the document: linear, not n^2
        inside = [k for k in near if atoms[k].start >= ent.start and atoms[k].end <= ent.end]
        covering = [k for k in near if atoms[k].start <= ent.start and atoms[k].end >= ent.end
                    and atoms[k].kind == "name"]
        if covering or ent.label_ in {"GPE", "NORP"}:
            continue  # the KB name wins, or a place/group name (places module's business)
        names = [atoms[k] for k in inside if atoms[k].kind == "name"]
        if ent.label_ == "PERSON":
            person_atoms = [a for a in names if a.targets[0][0] == "entry"]
            titled = [atoms[k] for k in inside if atoms[k].kind == "agent"]
            if person_atoms and (not _is_surname_only(person_atoms[-1], ent.start) or
                                 titled or person_atoms[-1].start - ent.start == 0):
                continue  # "President Putin": leave it to the atoms
            pieces.append(Piece(ent.start, ent.end, "person", inner=[atoms[k] for k in inside]))
        elif ent.label_ in {"ORG", "FAC"}:
            if ent.label_ == "FAC" and not inside:
                continue
            if len(inside) == 1 and atoms[inside[0]].kind == "name" and ent.end - ent.start <= (
                atoms[inside[0]].end - atoms[inside[0]].start
            ) + 1:
                continue  # "the Kremlin": the name covers all but an article
            pieces.append(Piece(ent.start, ent.end, "org", inner=[atoms[k] for k in inside]))
        else:
            continue
        taken_atoms.update(inside)
        used.update(range(ent.start, ent.end))
    for k, atom in enumerate(atoms):
        if k in taken_atoms or any(t in used for t in range(atom.start, atom.end)):
            continue
        if atom.kind == "agent":
            pieces.append(Piece(atom.start, atom.end, "agent", sector=atom.sector))
            continue
        tag, ref = _best_target(atom, kb)
        pieces.append(Piece(atom.start, atom.end, tag, ref, plural=atom.plural_demonym))
    pieces.sort(key=lambda p: p.start)
    return pieces
