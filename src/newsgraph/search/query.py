"""An analyst's query as an FTS5 MATCH expression.

Words are ANDed, text in double quotes is a phrase, a trailing ``*`` makes a prefix. Every
term reaches FTS5 as a quoted string of word characters, so operators typed by a user
(``OR``, ``NEAR``, ``-``, column filters, parentheses) are searched as words, never parsed.
"""

from __future__ import annotations

import re

_TERM = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")


def fts_query(q: str | None) -> str:
    """The MATCH expression for ``q``; empty when ``q`` has no word characters."""
    parts: list[str] = []
    for phrase, word in _TERM.findall(q or ""):
        text = phrase if phrase else word
        words = _WORD.findall(text)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        if not phrase and word.endswith("*"):
            term += "*"
        parts.append(term)
    return " ".join(parts)
