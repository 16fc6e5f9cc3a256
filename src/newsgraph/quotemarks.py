"""Pair quotation marks in a text: curly and straight, double and single (quotes and the
pronoun resolver read them).

A :class:`Marked` span records where the marks are and where the words between them
are. The words exclude the marks, surrounding spaces and a trailing comma that belongs
to the attribution (“We are ready,” she said -> ``We are ready``). A double quote left
open at the end of a paragraph is closed there: news style opens each paragraph of a
long quotation again and closes only the last one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_DOUBLE = "\u201c\u201e"  # “ „
_CLOSE_DOUBLE = "\u201d"  # ”
_OPEN_SINGLE = "\u2018"  # ‘
_CLOSE_SINGLE = "\u2019"  # ’ (also the apostrophe)
_MAX_SINGLE = 300  # single marks further apart than this are apostrophes, not a pair
_PARAGRAPH = re.compile(r"\n\s*\n|\n")
# Only these characters matter to the pairing loops: they jump from one to the next.
_DOUBLE_MARKS = re.compile(f'[{_OPEN_DOUBLE}{_CLOSE_DOUBLE}"]')
_SINGLE_MARKS = re.compile(f"[{_OPEN_SINGLE}{_CLOSE_SINGLE}']")


@dataclass(frozen=True)
class Marked:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark; None when the paragraph ended first
    start: int  # the quoted words: text[start:end]
    end: int
    double: bool


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARAGRAPH.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if b > a]


def _boundary_before(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum())


def _boundary_after(text: str, i: int) -> bool:
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def _possessive(text: str, i: int) -> bool:
    """The leaders' talks: an s, the mark, a space and a lower-case word."""
    return text[i - 1] == "s" and text[i + 1 : i + 3][:1] == " " and text[i + 2 : i + 3].islower()


def _doubles(text: str, a: int, b: int) -> list[Marked]:
    out: list[Marked] = []
    opened: int | None = None
    for mark in _DOUBLE_MARKS.finditer(text, a, b):
        i, ch = mark.start(), mark.group()
        is_open = ch in _OPEN_DOUBLE or (ch == '"' and opened is None)
        is_close = ch == _CLOSE_DOUBLE or (ch == '"' and opened is not None)
        if is_open and opened is None:
            opened = i
        elif is_close and opened is not None:
            out.append(Marked(opened, i, *_trim(text, opened + 1, i), double=True))
            opened = None
    if opened is not None and b - opened > 2:
        out.append(Marked(opened, None, *_trim(text, opened + 1, b), double=True))
    return out


def _singles(text: str, a: int, b: int, inside: list[Marked]) -> list[Marked]:
    """Single-mark pairs outside double quotes; an apostrophe sits between letters."""
    out: list[Marked] = []
    opened: int | None = None
    for mark in _SINGLE_MARKS.finditer(text, a, b):
        i, ch = mark.start(), mark.group()
        if any(m.open <= i <= (m.close or m.end) for m in inside):
            continue
        if ch in (_OPEN_SINGLE, "'") and opened is None:
            if _boundary_before(text, i) and i + 1 < b and text[i + 1].isalnum():
                opened = i
        elif ch in (_CLOSE_SINGLE, "'") and opened is not None:
            if i - opened > _MAX_SINGLE:
                opened = None
            elif (
                not text[i - 1].isspace() and _boundary_after(text, i) and not _possessive(text, i)
            ):
                out.append(Marked(opened, i, *_trim(text, opened + 1, i), double=False))
                opened = None
    return out


def find_marked(text: str) -> list[Marked]:
    """Every quoted stretch of ``text``, in order."""
    out: list[Marked] = []
    for a, b in _paragraphs(text):
        doubles = _doubles(text, a, b)
        out.extend(doubles)
        out.extend(_singles(text, a, b, doubles))
    return sorted((m for m in out if m.end > m.start), key=lambda m: m.open)
