"""Near-duplicate clustering: MinHash signatures (newsgraph.clean.signature), LSH banding,
union into clusters.

Syndicated copies of one story share most of their word shingles, so the Jaccard similarity
of their shingle sets is high even when a byline, a headline or a closing paragraph differs.
MinHash estimates that similarity from 64 hashes per article; LSH splits the 64 values into 16
bands of 4 so articles that share any band become candidates (two articles with Jaccard
0.5 share a band with probability 0.65, with 0.8 with probability 0.999), and a candidate joins
the cluster of its best match when the estimated Jaccard reaches ``THRESHOLD``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..clean.signature import MinHash, similarity

THRESHOLD = 0.5


@dataclass
class Assignment:
    article_id: str
    cluster_id: str
    similarity: float  # to the best match; 1.0 for an article that opens its own cluster
    signature: MinHash


def assign_clusters(
    new: list[tuple[str, MinHash]],
    candidates_for: Callable[[tuple[int, ...]], Iterable[tuple[str, str, Sequence[int]]]],
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
