"""Event patterns: the newsgraph pattern format, its parser and the lookup used by the coder.

One pattern a line (full description in docs/events.md)::

    verb shoot down => 190
    verb express obj=support|backing => 051
    verb travel prep=to => 042
    noun cooperation program => 061

``KIND`` is ``verb`` (a predicate) or ``noun`` (a nominal event). The words after it are
the lemma, optionally followed by a particle (``shoot down``) or, for nouns, a compound
modifier before the head (``cooperation program``). ``obj=`` constrains the head lemma of
the direct object, ``prep=P`` or ``prep=P:N1|N2`` requires a prepositional phrase. The most
specific matching pattern wins; among equals, user files win over the core file, which wins
over the derived verb dictionary, and earlier lines win over later ones.
"""

from __future__ import annotations

import functools
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError
from .tables import cameo_table

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "data"
BUILTIN_FILES = ("patterns_core.txt", "patterns_verbs.txt")


@dataclass(frozen=True)
class Pattern:
    kind: str  # "verb" | "noun"
    lemma: str  # head lemma
    extra: str | None  # verb particle ("down") or noun compound modifier ("cooperation")
    obj: frozenset[str]  # allowed object head lemmas (empty: no constraint)
    prep: str | None
    prep_nouns: frozenset[str]
    code: str
    id: str  # "<file stem>:<line>"
    rank: int  # file priority: lower wins among equally specific patterns

    @property
    def specificity(self) -> int:
        return (self.extra is not None) + bool(self.obj) + (self.prep is not None) + bool(self.prep_nouns)

    def describe(self) -> str:
        parts = [self.kind, self.lemma if self.extra is None else self._words()]
        if self.obj:
            parts.append("obj=" + "|".join(sorted(self.obj)))
        if self.prep:
            parts.append(f"prep={self.prep}" + (":" + "|".join(sorted(self.prep_nouns)) if self.prep_nouns else ""))
        return " ".join(parts) + f" => {self.code}"

    def _words(self) -> str:
        if self.kind == "noun" and self.extra not in _PARTICLE_SENSITIVE:
            return f"{self.extra} {self.lemma}"
        return f"{self.lemma} {self.extra}"


def parse_patterns(text: str, name: str, rank: int = 0) -> list[Pattern]:
    """Parse pattern lines; ``name`` is used in rule ids and error messages."""
    codes = cameo_table()
    out: list[Pattern] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, sep, code = line.partition("=>")
        words = head.split()
        code = code.strip()
        if not sep or len(words) < 2 or words[0] not in {"verb", "noun"}:
            raise DataFileError(f"{name}:{n}: expected 'verb|noun LEMMA [...] => CODE', got {raw!r}")
        if code != NO_EVENT and code not in codes and code[:3] not in codes:
            raise DataFileError(f"{name}:{n}: unknown CAMEO code {code!r}")
        kind = words[0]
        lemma_words = [w.lower() for w in words[1:] if "=" not in w]
        keys = dict(w.split("=", 1) for w in words[1:] if "=" in w)
        unknown = set(keys) - {"obj", "prep"}
        if unknown or not 1 <= len(lemma_words) <= 2:
            raise DataFileError(f"{name}:{n}: cannot read {raw!r}")
        extra: str | None
        if kind == "noun" and len(lemma_words) == 2 and lemma_words[1] in _PARTICLE_SENSITIVE:
            lemma, extra = lemma_words  # "shooting down": head noun and its particle
        elif kind == "noun":
            lemma, extra = lemma_words[-1], (lemma_words[0] if len(lemma_words) == 2 else None)
        else:
            lemma, extra = lemma_words[0], (lemma_words[1] if len(lemma_words) == 2 else None)
        prep, _, nouns = keys.get("prep", "").partition(":")
        out.append(
            Pattern(
                kind=kind,
                lemma=lemma,
                extra=extra,
                obj=frozenset(w.lower() for w in keys.get("obj", "").split("|") if w),
                prep=prep.lower() or None,
                prep_nouns=frozenset(w.lower() for w in nouns.split("|") if w),
                code=code,
                id=f"{Path(name).stem}:{n}",
                rank=rank,
            )
        )
    return out


def _file(plist: list[Pattern]) -> tuple[list[int], dict[tuple[str, str], list[int]]]:
    """Each pattern's position filed under one constraint it needs (an object word, else its
    particle, else its preposition), or as free: a predicate can only match the free
    patterns and those filed under what it has."""
    free: list[int] = []
    keyed: dict[tuple[str, str], list[int]] = {}
    for n, p in enumerate(plist):
        if p.obj:
            for w in p.obj:
                keyed.setdefault(("o", w), []).append(n)
        elif p.extra is not None:
            keyed.setdefault(("x", p.extra), []).append(n)
        elif p.prep is not None:
            keyed.setdefault(("p", p.prep), []).append(n)
        else:
            free.append(n)
    return free, keyed


class PatternSet:
    """Patterns indexed by (kind, head lemma)."""

    def __init__(self, patterns: Iterable[Pattern]) -> None:
        self._index: dict[tuple[str, str], list[Pattern]] = {}
        patterns = list(patterns)
        derived = max((p.rank for p in patterns), default=0)
        for p in patterns:
            self._index.setdefault((p.kind, p.lemma), []).append(p)
        for plist in self._index.values():
            # derived dictionary patterns need one constraint more to beat a curated pattern
            plist.sort(key=lambda p: (-(p.specificity - (p.rank == derived)), p.rank))
        self.size = sum(len(v) for v in self._index.values())
        self._filed = {key: _file(plist) for key, plist in self._index.items()}
        self._roots: dict[tuple[str, str], tuple[str | None, Counter[str]]] = {}

    def candidates(self, kind: str, lemma: str) -> list[Pattern]:
        return self._index.get((kind, lemma), [])

    def has(self, kind: str, lemma: str) -> bool:
        return (kind, lemma) in self._index

    def roots(self, kind: str, lemma: str) -> tuple[str | None, Counter[str]]:
        """(root of the lemma's own bare entry, count of its patterns by root), worked out once
        per lemma: what the word codes when nothing else is said."""
        key = (kind, lemma)
        if key not in self._roots:
            plist = self.candidates(kind, lemma)
            bare = [p for p in plist if p.specificity == 0]
            self._roots[key] = (min(bare, key=lambda p: p.rank).code[:2] if bare else None,
                                Counter(p.code[:2] for p in plist))
        return self._roots[key]

    def match(
        self,
        kind: str,
        lemma: str,
        *,
        extras: set[str],
        obj: set[str],
        preps: dict[str, set[str]],
    ) -> Pattern | None:
        """Most specific pattern whose constraints hold for this predicate's dependents."""
        plist = self.candidates(kind, lemma)
        if not plist:
            return None
        free, keyed = self._filed[(kind, lemma)]
        order = set(free)
        for tag, words in (("o", obj), ("x", extras), ("p", preps)):
            for w in words:
                order.update(keyed.get((tag, w), ()))
        for n in sorted(order):
            p = plist[n]
            if p.extra is not None and p.extra not in extras:
                continue
            if p.extra is None and kind == "verb" and extras & _PARTICLE_SENSITIVE:
                continue  # "shoot down" must not fall back to plain "shoot" rules about objects
            if p.obj and not (p.obj & obj):
                continue
            if p.prep is not None:
                nouns = preps.get(p.prep)
                if nouns is None or (p.prep_nouns and not (p.prep_nouns & nouns)):
                    continue
            return None if p.code == NO_EVENT else p
        return None


# The code of a pattern that matches and codes nothing (PETRARCH's "---"): a more specific
# pattern of the same verb still codes ("die => ---" beside "die prep=in:clashes => 190").
NO_EVENT = "---"
# Particles that change a verb's meaning; without a particle pattern the plain verb is not used.
_PARTICLE_SENSITIVE = {"down", "off", "out", "up", "back", "over"}
# The derived dictionary's bare verb entries carry the code of the verb's whole family ("want",
# "seek", "come", "involve", "find" ...). For the verbal and cooperative blocks (01-05) such a
# family code says too little about what happened: there the verb codes only through a pattern
# (object, particle, preposition) or a curated entry. Material and conflict codes (attack,
# arrest, seize) stand alone.
GENERAL_ROOTS = frozenset({"01", "02", "03", "04", "05"})
DERIVED_FILE = BUILTIN_FILES[-1]
DERIVED_STEM = Path(DERIVED_FILE).stem


def is_derived(p: Pattern) -> bool:
    """Whether the pattern comes from the derived PETRARCH2 verb dictionary (directly, or as
    the base of an intent, threat, demand or refusal: ids "intent+patterns_verbs:12")."""
    return p.id.split(":", 1)[0].rsplit("+", 1)[-1] == DERIVED_STEM


def codes_alone(p: Pattern) -> bool:
    """Whether a derived-dictionary pattern may code its verb without any constraint."""
    return not (p.kind == "verb" and p.specificity == 0 and p.code[:2] in GENERAL_ROOTS)


@functools.lru_cache(maxsize=8)
def load_patterns(user_files: tuple[str, ...] = ()) -> PatternSet:
    """Built-in patterns plus the user's files (Settings.patterns_files), loaded once per process."""
    patterns: list[Pattern] = []
    for rank, path in enumerate(list(user_files) + [str(DATA / f) for f in BUILTIN_FILES]):
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"cannot read pattern file {path}: {exc}") from exc
        parsed = parse_patterns(text, path, rank)
        if path == str(DATA / DERIVED_FILE):
            parsed = [p for p in parsed if codes_alone(p)]
        patterns.extend(parsed)
    log.debug("loaded %d event patterns", len(patterns))
    return PatternSet(patterns)
