"""Reader for PETRARCH2 / TABARI verb dictionaries, read as they are written.

A verb dictionary has synsets and verb families::

    &CURRENCY                      a synset: "+" lines are words or phrases
    +DOLLARS
    +SWISS FRANCS

    --- ABANDON  [345] ---         a family and its default code ("---": no event alone)
    ABANDON                        a verb of the family (regular forms are generated)
    BREAK {BROKE BROKEN}           irregular forms
    +BREAK_DOWN {+BROKE_DOWN}      a multi-word verb, "+" marks the verb word
    DOWNPLAY [014]                 a verb with its own default code
    - * DIPLOMATIC TIES  [901]     a pattern: words before and after the verb ("*")
    - * (FOR {FINANCIAL AID}) [071]  PETRARCH2 phrases: {...} consecutive words, (PREP ...)
    - $ NOT * ^ TO_ +  [124]       $ source, + target, % compound actor, ^ any words

Codes may be any code the dictionary defines (CAMEO or the user's own: ``174K``, ``901``);
``X:Y`` adds the reverse event (target -> source) with code Y. A line that cannot be read
raises :class:`DataFileError` naming the file and the line, at load time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError

MARKERS = {"$", "+", "%", "^"}
_CODE = re.compile(r"\[([^\]]*)\]")
# A code is digits with an optional letter suffix (CAMEO and TABARI/PETRARCH user codes).
_VALID_CODE = re.compile(r"^\d{2,4}[A-Za-z]?!?$")


@dataclass(frozen=True)
class Element:
    """One pattern element: a run of consecutive words (synsets as ``&NAME``) or a marker."""

    words: tuple[str, ...] = ()
    marker: str | None = None  # "$" | "+" | "%" | "^"
    connected: bool = False  # must follow the previous element directly ("_")


@dataclass(frozen=True)
class VerbPattern:
    before: tuple[Element, ...]  # ends with the "*" element (its ``connected``: glued to the word before)
    after: tuple[Element, ...]
    code: str | None  # None: the pattern matches and codes nothing ("---")
    reverse: str | None  # code of the target -> source event ("X:Y"), if any
    where: str  # "file:line"

    @property
    def size(self) -> int:
        return sum(len(e.words) + (e.marker in {"$", "+", "%"}) for e in self.before + self.after)


@dataclass
class Family:
    code: str | None
    reverse: str | None
    where: str
    patterns: list[VerbPattern] = field(default_factory=list)


@dataclass(frozen=True)
class Verb:
    family: int  # index into VerbDictionary.families
    pre: tuple[str, ...]  # words of a multi-word verb before the verb word ("WIRE" TAP)
    post: tuple[str, ...]  # words after it (BREAK "DOWN")
    code: str | None
    reverse: str | None
    has_code: bool  # the verb line gave its own code
    where: str


@dataclass
class VerbDictionary:
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    families: list[Family] = field(default_factory=list)
    forms: dict[str, list[Verb]] = field(default_factory=dict)  # upper-case form -> verbs
    ignored: list[str] = field(default_factory=list)  # "file:line: why" for skipped patterns

    def verbs_for(self, *forms: str) -> list[Verb]:
        out: list[Verb] = []
        for f in forms:
            for v in self.forms.get(f.upper(), ()):
                if v not in out:
                    out.append(v)
        return out


def verb_forms(word: str) -> set[str]:
    """Regular forms of an English verb: base, -S, -ED, -ING (as PETRARCH generates them)."""
    w = word.upper()
    out = {w}
    if w.endswith(("S", "SH", "CH", "X", "Z")):
        out.add(w + "ES")
    elif w.endswith("Y") and len(w) > 2 and w[-2] not in "AEIOU":
        out.add(w[:-1] + "IES")
    else:
        out.add(w + "S")
    if w.endswith("E"):
        out |= {w + "D", w[:-1] + "ING"}
    elif w.endswith("Y") and len(w) > 2 and w[-2] not in "AEIOU":
        out |= {w[:-1] + "IED", w + "ING"}
    else:
        out |= {w + "ED", w + "ING"}
        if re.search(r"[^AEIOU][AEIOU][BDGKLMNPRST]$", w) and len(w) <= 4:
            out |= {w + w[-1] + "ED", w + w[-1] + "ING"}  # STOP -> STOPPED, PLAN -> PLANNED
    return out


def _strip_comment(line: str) -> str:
    """The line without its ``#`` (or TABARI ``;``) comment; a ``#`` inside ``[...]`` is a code."""
    depth = 0
    for n, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(depth - 1, 0)
        elif ch in "#;" and depth == 0:
            return line[:n].rstrip()
    return line.rstrip()


def _codes(text: str, where: str) -> tuple[str | None, str | None, bool]:
    """(code, reverse code, valid) from the inside of ``[...]``."""
    text = text.strip()
    first, _, second = text.partition(":")
    out: list[str | None] = []
    ok = True
    for part in (first.strip(), second.strip()):
        if part in {"", "---"}:
            out.append(None)
        elif _VALID_CODE.match(part):
            out.append(part.rstrip("!"))
        else:
            out.append(None)
            ok = False
    return out[0], out[1], ok


def _elements(text: str, where: str) -> list[Element]:
    """Pattern words -> elements; ``{A B}`` and ``A_B`` are consecutive, ``(P X)`` a phrase."""
    text = re.sub(r"(?<=[A-Za-z0-9])\*", " *", re.sub(r"\*(?=[A-Za-z0-9&])", "* ", text))
    text = text.replace("{", " { ").replace("}", " } ").replace("(", " ( ").replace(")", " ) ")
    out: list[Element] = []
    group: list[str] | None = None
    for chunk in text.split():
        if chunk in {"{", "("}:
            group = []
            continue
        if chunk in {"}", ")"}:
            if group:
                out.append(Element(tuple(group)))
            group = None
            continue
        if group is not None:
            group.extend(w for w in chunk.split("_") if w)
            continue
        parts = chunk.split("_")
        glued = False
        for n, part in enumerate(parts):
            if not part:
                glued = True  # "IN_ *", "*_OUT": the neighbour is directly adjacent
                continue
            connected = glued or n > 0
            if part in MARKERS:
                out.append(Element(marker=part, connected=connected))
            elif part == "*":
                out.append(Element(marker="*", connected=connected))
            else:
                out.append(Element((part.upper(),), connected=connected))
            glued = False
    if group is not None:
        raise DataFileError(f"{where}: unclosed bracket in pattern")
    return out


def _forms(line: str) -> tuple[str, list[str]]:
    """The verb phrase of a verb line and its irregular forms ``{...}``."""
    m = re.match(r"^([^{\[]+?)\s*(?:\{([^}]*)\})?\s*(?:\[[^\]]*\])?\s*$", line)
    if not m:
        return "", []
    return m.group(1).strip(), (m.group(2) or "").split()


def _verb_words(phrase: str) -> tuple[tuple[str, ...], str, tuple[str, ...]]:
    words = [w for w in phrase.replace(" ", "_").split("_") if w]
    marked = [n for n, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    words = [w.lstrip("+").upper() for w in words]
    return tuple(words[:at]), words[at], tuple(words[at + 1:])


def parse_verbs(text: str, name: str) -> VerbDictionary:
    d = VerbDictionary()
    synset: str | None = None
    family: Family | None = None
    in_xml_comment = False
    for n, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{n}"
        line = raw.strip()
        if in_xml_comment:
            in_xml_comment = "-->" not in line
            continue
        if line.startswith("<!"):
            in_xml_comment = "-->" not in line
            continue
        if line.startswith("#") or not line:
            synset = None if not line else synset
            continue
        if line.startswith("~"):
            continue  # PETRARCH2 transformations: verb-verb rules, not read here
        if line.startswith("---"):
            m = re.match(r"^---\s*(.*?)\s*---\s*(#.*)?$", line)
            if not m:
                raise DataFileError(f"{where}: a verb family line must look like '--- NAME [CODE] ---'")
            codes = _CODE.findall(m.group(1))
            code, rev, ok = _codes(codes[-1], where) if codes else (None, None, True)
            if not ok:
                d.ignored.append(f"{where}: family code {codes[-1]!r} is not a code")
            family = Family(code, rev, where)
            d.families.append(family)
            synset = None
            continue
        body = _strip_comment(line).strip()
        if not body:
            continue
        if body.startswith("&"):
            synset = body.split()[0].rstrip("_").upper()
            d.synsets.setdefault(synset, [])
            family = None
            continue
        if body.startswith("+") and synset is not None:
            phrase = body[1:].strip()
            words = tuple(w.upper() for w in phrase.replace("_", " ").split() if w)
            if not words:
                raise DataFileError(f"{where}: empty synset entry")
            d.synsets[synset].append(words)
            continue
        if family is None:
            raise DataFileError(f"{where}: {raw.strip()!r} is outside a verb family ('--- NAME [CODE] ---')")
        if body.startswith("-"):
            family.patterns.extend(_pattern(body[1:], where, d))
            continue
        _add_verb(d, family, body, where)
    return d


def _pattern(body: str, where: str, d: VerbDictionary) -> list[VerbPattern]:
    codes = _CODE.findall(body)
    if not codes:
        raise DataFileError(f"{where}: pattern without a code in [...]")
    words = body[: body.index("[")]
    code, rev, ok = _codes(codes[0], where)
    if not ok:
        d.ignored.append(f"{where}: {codes[0]!r} is not a code; pattern ignored")
        return []
    elements = _elements(words, where)
    stars = [n for n, e in enumerate(elements) if e.marker == "*"]
    if len(stars) != 1:
        raise DataFileError(f"{where}: a pattern needs exactly one '*' for the verb")
    at = stars[0]
    for e in elements:
        for w in e.words:
            if w.startswith("&") and w.rstrip("_") not in d.synsets:
                d.ignored.append(f"{where}: synset {w} is not defined above; pattern ignored")
                return []
    return [VerbPattern(tuple(elements[:at + 1]), tuple(elements[at + 1:]), code, rev, where)]


def _add_verb(d: VerbDictionary, family: Family, body: str, where: str) -> None:
    phrase, irregular = _forms(body)
    if not phrase:
        raise DataFileError(f"{where}: cannot read verb line {body!r}")
    codes = _CODE.findall(body)
    own = bool(codes)
    code, rev = (family.code, family.reverse)
    if own:
        code, rev, ok = _codes(codes[0], where)
        if not ok:
            d.ignored.append(f"{where}: {codes[0]!r} is not a code")
    pre, verb, post = _verb_words(phrase)
    idx = len(d.families) - 1
    forms = verb_forms(verb) if not irregular or not pre and not post else {verb}
    entries = {(pre, f, post) for f in forms}
    for form in irregular:
        entries.add(_verb_words(form))
    if irregular and not pre and not post:
        entries |= {((), f, ()) for f in verb_forms(verb)}
    for p, v, q in entries:
        d.forms.setdefault(v, []).append(Verb(idx, p, q, code, rev, own, where))


def load_verb_dictionary(path: str) -> VerbDictionary:
    try:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DataFileError(f"cannot read verb dictionary {path}: {exc}") from exc
    return parse_verbs(text, path)
