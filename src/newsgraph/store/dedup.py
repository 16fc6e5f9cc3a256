"""Near-duplicate clustering: MinHash over word 5-shingles, LSH banding, union into clusters.

Syndicated copies of one story share most of their word shingles, so the Jaccard similarity
of their shingle sets is high even when a byline, a headline or a closing paragraph differs.
MinHash estimates that similarity from 64 hashes per article; LSH splits the 64 values into 16
bands of 4 so articles that share any band become candidates (two articles with Jaccard
0.5 share a band with probability 0.65, with 0.8 with probability 0.999), and a candidate joins
the cluster of its best match when the estimated Jaccard reaches ``THRESHOLD``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

N_HASHES = 64
BANDS = 16
ROWS = N_HASHES // BANDS
SHINGLE = 5
THRESHOLD = 0.5

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


def _shingle_hashes(text: str) -> np.ndarray:
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(1, dtype=np.uint64)
    n = max(1, len(words) - SHINGLE + 1)
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(n)}
    return np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big")
         for g in grams), dtype=np.uint64, count=len(grams))


def minhash(text: str) -> MinHash:
    h = _shingle_hashes(text)
    # Universal hashing (a*x + b) mod p, truncated to 32 bits; min over shingles per row.
    values = ((np.outer(h, _A) + _B) % _PRIME & _MASK32).min(axis=0)
    bands = []
    for b in range(BANDS):
        chunk = values[b * ROWS : (b + 1) * ROWS].astype(">u4").tobytes()
        digest = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        bands.append(int.from_bytes(digest, "big") >> 1)  # 63 bits: fits a signed BIGINT
    return MinHash(tuple(int(v) for v in values), tuple(bands))


def similarity(a: tuple[int, ...] | list[int], b: tuple[int, ...] | list[int]) -> float:
    """Estimated Jaccard similarity: the share of equal MinHash values."""
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


@dataclass
class Assignment:
    article_id: str
    cluster_id: str
    similarity: float  # to the best match; 1.0 for an article that opens its own cluster
    signature: MinHash


def assign_clusters(
    new: list[tuple[str, MinHash]],
    candidates_for: Callable[[tuple[int, ...]], Iterable[tuple[str, str, list[int]]]],
) -> list[Assignment]:
    """Cluster ``new`` (article id, MinHash) pairs against the store and each other.

    ``candidates_for(bands)`` returns ``[(article_id, cluster_id, minhash values)]`` of stored
    articles sharing at least one band key.
    """
    out: list[Assignment] = []
    local: dict[int, list[Assignment]] = {}
    for article_id, sig in new:
        pool = list(candidates_for(sig.bands))
        for band in sig.bands:
            pool += [(a.article_id, a.cluster_id, a.signature.values) for a in local.get(band, [])]
        best, best_sim = None, 0.0
        for _cand, cand_cluster, values in pool:
            sim = similarity(sig.values, values)
            if sim > best_sim or (sim == best_sim and best and cand_cluster < best):
                best, best_sim = cand_cluster, sim
        if best is not None and best_sim >= THRESHOLD:
            assignment = Assignment(article_id, best, best_sim, sig)
        else:
            assignment = Assignment(article_id, article_id, 1.0, sig)
        out.append(assignment)
        for band in sig.bands:
            local.setdefault(band, []).append(assignment)
    return out
