"""Cleaning: from a raw article's text to the cleaned text every offset points into.

Steps: normalise characters and whitespace, drop boilerplate lines (each recorded in
``removed`` with its reason), find the title and the dek, drop trailing related-link
titles, and detect the language. Curly quotes and apostrophes are kept as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..errors import W003
from ..model import RawArticle, Removed
from .boilerplate import looks_like_headline, noise_reason, trailing_link_titles
from .language import decide_language, detect_language
from .signature import MinHash, minhash

__all__ = ["Cleaned", "MinHash", "clean_article", "decide_language", "detect_language", "minhash", "normalise"]

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DEK_MAX_WORDS = 60


@dataclass
class Cleaned:
    text: str
    title: str | None
    dek: str | None
    body_start: int
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """NFC, one kind of newline, no zero-width or control characters, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text.translate(_ZERO_WIDTH))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def _paragraphs(text: str, removed: list[Removed]) -> list[str]:
    """Blocks separated by blank lines; noise lines dropped; wrapped lines joined."""
    paras: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        kept = []
        for line in block.split("\n"):
            if not line:
                continue
            reason = noise_reason(line)
            if reason:
                removed.append(Removed(text=line, reason=reason))
            else:
                kept.append(line)
        if not kept:
            continue
        # A block whose lines are all headline-like is a list of items, not wrapped prose.
        if len(kept) > 1 and all(looks_like_headline(x) for x in kept):
            paras.extend(kept)
        else:
            paras.append(" ".join(kept))
    return paras


def clean_article(raw: RawArticle, *, max_chars: int = 1_000_000) -> Cleaned:
    removed: list[Removed] = []
    warnings: list[str] = []
    paras = _paragraphs(normalise(raw.text or ""), removed)

    title = raw.title.strip() if raw.title else None
    if paras and title and paras[0] != title:
        paras.insert(0, title)
    elif paras and not title and len(paras) > 1 and looks_like_headline(paras[0]):
        title = paras[0]

    cut = trailing_link_titles(paras[1:] if title else paras)
    for para in paras[len(paras) - cut :]:
        removed.append(Removed(text=para, reason="related-article link title"))
    if cut:
        paras = paras[: len(paras) - cut]

    dek = None
    if title and len(paras) > 2 and len(paras[1].split()) <= _DEK_MAX_WORDS:
        dek = paras[1]

    text = "\n\n".join(paras)
    if len(text) > max_chars:
        warnings.append(W003(had=len(text), limit=max_chars))
        text = text[:max_chars]
    body_start = len(title) + 2 if title and len(text) > len(title) else 0
    return Cleaned(text=text, title=title, dek=dek, body_start=body_start,
                   removed=removed, warnings=warnings)
