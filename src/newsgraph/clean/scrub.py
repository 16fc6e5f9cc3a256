"""Lone surrogates out of every text field before anything encodes it.

A JSON ``"\\ud800"`` or a ``surrogateescape`` decode leaves code points U+D800-U+DFFF that
UTF-8 cannot encode (hashing, the store, the API would raise). Each is replaced by U+FFFD
and the record gets a W006 warning; the rest of the document is processed as usual.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..errors import W006
from ..model import RawArticle

_SURROGATE = re.compile("[\ud800-\udfff]")
_FIELDS = ("text", "html", "title", "url", "source", "published", "id", "author")


def scrub(value: str) -> tuple[str, int]:
    """``value`` with lone surrogates replaced by U+FFFD, and how many there were."""
    return _SURROGATE.subn("\ufffd", value)


def scrub_raw(raw: RawArticle) -> RawArticle:
    """``raw`` when it is clean, else a copy with every text field scrubbed and a W006."""
    changed: dict[str, str] = {}
    total = 0
    for name in _FIELDS:
        value = getattr(raw, name)
        if isinstance(value, str):
            clean, n = scrub(value)
            if n:
                changed[name] = clean
                total += n
    if not total:
        return raw
    return replace(raw, **changed, warnings=[*raw.warnings, W006(n=total)])
