"""Near-duplicate signature: a 64-bit SimHash over word 3-shingles.

Syndicated copies of one story differ in a few words and share most shingles, so their
signatures are a few bits apart; the store clusters them (see newsgraph.store).
"""

from __future__ import annotations

import hashlib
import re

_WORD = re.compile(r"\w+")


def simhash(text: str, *, shingle: int = 3) -> str:
    words = _WORD.findall(text.lower())
    if not words:
        return "0" * 16
    grams = [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    acc = [0] * 64
    for g in grams:
        h = int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big")
        for bit in range(64):
            acc[bit] += 1 if h >> bit & 1 else -1
    value = sum(1 << bit for bit in range(64) if acc[bit] > 0)
    return f"{value:016x}"


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()
