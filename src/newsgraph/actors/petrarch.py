"""Readers for PETRARCH/TABARI-format actor and agent dictionaries.

Analysts keep years of work in these files; newsgraph reads them as they are (see
``dictionaries.rst`` of PETRARCH2 for the format) and turns them into :class:`Entry`
records and agent phrases. Codes are kept raw here; ``codes.split_code`` interprets them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from .entries import parse_date

_CODE = re.compile(r"\[([^\]]*)\]")


@dataclass
class RawActor:
    """One PETRARCH actor record before its codes are interpreted."""

    name: str
    synonyms: list[str] = field(default_factory=list)
    codes: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # code, from, to
    comment: str = ""


def phrase(text: str) -> str:
    """PETRARCH phrase -> words: "RECEP_TAYYIP_ERDOGAN_" -> "RECEP TAYYIP ERDOGAN"."""
    return " ".join(text.replace("_", " ").split())


def _restriction(body: str) -> tuple[str, str | None, str | None]:
    parts = body.split(None, 1)
    code = parts[0]
    if len(parts) == 1:
        return code, None, None
    limit = parts[1].strip()
    try:
        if limit.startswith("<"):
            return code, None, _iso(limit[1:])
        if limit.startswith(">"):
            return code, _iso(limit[1:]), None
        start, _, end = limit.partition("-")
        return code, _iso(start), _iso(end)
    except ValueError:
        return code, None, None


def _iso(value: str) -> str | None:
    day = parse_date(value.strip()) if value.strip() else None
    return day.isoformat() if day else None


def read_actor_lines(lines: Iterable[str]) -> Iterator[RawActor]:
    """Parse actor records: primary line, ``+synonym`` lines, tab-indented date restrictions."""
    current: RawActor | None = None
    for raw in lines:
        line, _, comment = raw.rstrip("\n").partition("#")
        if not line.strip():
            continue
        if line[0] in " \t":
            if current is not None:
                current.codes.extend(_restriction(c) for c in _CODE.findall(line) if c.strip())
            continue
        text = _CODE.sub(" ", line)
        codes = [_restriction(c) for c in _CODE.findall(line) if c.strip()]
        if line.startswith("+"):
            if current is not None:
                current.synonyms.append(phrase(text[1:]))
                current.codes.extend(codes)
            continue
        if current is not None:
            yield current
        current = RawActor(phrase(text), codes=codes, comment=comment.strip())
    if current is not None:
        yield current


_SUBST = re.compile(r"^(!\w+!)\s*=\s*(.+)$")
_AGENT = re.compile(r"^(?P<phrase>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]")


def _plural(word: str) -> str:
    if word.endswith("Y") and not word.endswith(("AY", "EY", "OY")):
        return word[:-1] + "IES"
    if word.endswith(("SS", "SH", "CH", "X")):
        return word + "ES"
    return word + "S"


def read_agent_lines(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Parse agent records into (phrase, code) pairs, with plurals and ``!X!`` substitutions."""
    subst: dict[str, list[str]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith("<!--"):
            continue
        m = _SUBST.match(line)
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = _AGENT.match(line)
        if not m:
            continue
        base, code = m.group("phrase").strip(), m.group("code").strip()
        plural = m.group("plural")
        marker = next((k for k in subst if k in base), None)
        if marker:
            forms = [base.replace(marker, w) for w in subst[marker]]
        else:
            forms = [base]
            if plural is None:
                forms.append(_plural(base.rstrip("_")))
            elif plural.strip():
                forms.extend(p for p in plural.split() if p)
        for form in forms:
            words = phrase(form)
            if words and " " not in form.strip("_").replace("_", ""):
                yield words, code


def read_file(path: str | Path, kind: str) -> list:
    """Read a PETRARCH ``kind`` ("actors" or "agents") file; DataFileError when unreadable."""
    try:
        lines = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read PETRARCH {kind} file {path}: {exc}") from exc
    return list(read_actor_lines(lines) if kind == "actors" else read_agent_lines(lines))


def looks_like_agents(path: str | Path) -> bool:
    """True for an agents file (codes start or end with ``~``)."""
    head = Path(path).read_text(encoding="utf-8", errors="replace")[:20000]
    codes = _CODE.findall(head)
    return bool(codes) and sum("~" in c for c in codes) > len(codes) / 2
