"""Near-duplicate signature: a 64-bit SimHash over word 3-shingles.

Syndicated copies of one story differ in a few words and share most shingles, so their
signatures are a few bits apart; the store clusters them (see newsgraph.store).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+")


def simhash(text: str, *, shingle: int = 3) -> str:
    words = _WORD.findall(text.lower())
    if not words:
        return "0" * 16
    grams = [" ".join(words[i : i + shingle]) for i in range(max(1, len(words) - shingle + 1))]
    digests = b"".join(hashlib.blake2b(g.encode(), digest_size=8).digest() for g in grams)
    # One row of 64 bits per shingle; a bit of the signature is set where most rows have it.
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8)).reshape(len(grams), 64)
    majority = bits.sum(axis=0) * 2 > len(grams)
    return np.packbits(majority).tobytes().hex()


def hamming(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()
