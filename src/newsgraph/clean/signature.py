"""Near-duplicate signature: MinHash over word 5-shingles, with its LSH band keys.

Syndicated copies of one story share most of their word shingles, so the Jaccard similarity
of their shingle sets is high even when a byline, a headline or a closing paragraph differs.
MinHash estimates that similarity from 64 hashes per article; the 64 values split into 16
bands of 4 whose hashes are the LSH keys the store clusters on (newsgraph.store.dedup).
The signature is computed in the worker with the rest of the record and travels in
``ArticleRecord.signature`` as hex, so the store only compares.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

N_HASHES = 64
BANDS = 16
ROWS = N_HASHES // BANDS
SHINGLE = 5

_WORD = re.compile(r"\w+")
_PRIME = np.uint64((1 << 61) - 1)
_MASK32 = np.uint64(0xFFFFFFFF)
_rng = np.random.default_rng(20161124)  # fixed: signatures must be stable across runs
_A = _rng.integers(1, (1 << 31) - 1, size=N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, (1 << 31) - 1, size=N_HASHES, dtype=np.uint64)


@dataclass(frozen=True)
class MinHash:
    values: tuple[int, ...]  # N_HASHES unsigned 32-bit values
    bands: tuple[int, ...]  # BANDS 63-bit band keys (band index mixed in)

    def hex(self) -> str:
        return np.asarray(self.values, dtype=">u4").tobytes().hex()

    @classmethod
    def from_hex(cls, text: str) -> MinHash:
        values = np.frombuffer(bytes.fromhex(text), dtype=">u4")
        if values.size != N_HASHES:
            raise ValueError(f"a signature has {N_HASHES} values, not {values.size}")
        return cls._of(values)

    @classmethod
    def _of(cls, values: np.ndarray) -> MinHash:
        bands = []
        for b in range(BANDS):
            chunk = values[b * ROWS : (b + 1) * ROWS].astype(">u4").tobytes()
            digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
            bands.append(int.from_bytes(digest, "big") >> 1)  # 63 bits: fits a signed BIGINT
        return cls(tuple(int(v) for v in values), tuple(bands))


_FNV_PRIME = np.uint64(0x100000001B3)
_MIX = np.uint64(0xFF51AFD7ED558CCD)


def _shingle_hashes(text: str) -> np.ndarray:
    """Distinct 32-bit hashes of the word 5-shingles: CRC-32 of each word, chained in
    order (multiply and xor, vectorised over all shingles at once), then mixed."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(1, dtype=np.uint64)
    n = max(1, len(words) - SHINGLE + 1)
    word_hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64,
                              count=len(words))
    acc = np.zeros(n, dtype=np.uint64)
    for k in range(min(SHINGLE, len(words))):
        acc = (acc * _FNV_PRIME) ^ word_hashes[k : k + n]
    acc ^= acc >> np.uint64(33)
    acc *= _MIX
    acc ^= acc >> np.uint64(33)
    return np.unique(acc & _MASK32)


def minhash(text: str) -> MinHash:
    h = _shingle_hashes(text)
    # Universal hashing (a*x + b) mod p, truncated to 32 bits; min over shingles per row.
    return MinHash._of(((np.outer(h, _A) + _B) % _PRIME & _MASK32).min(axis=0))


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))
