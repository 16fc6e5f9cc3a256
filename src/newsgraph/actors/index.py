"""ActorLookup service left in ``ctx.actor_index`` for quotes and events."""

from __future__ import annotations

from bisect import bisect_left

from ..model import Actor


class ActorIndex:
    """Which actors a character span or a token mentions (compound actors: their members)."""

    def __init__(self, actors: list[Actor], token_starts: list[int]) -> None:
        self._starts = token_starts  # char offset of each token
        members = {a.id: a.members for a in actors}
        self._spans: list[tuple[int, int, list[str]]] = sorted(
            (s, e, members[a.id] or [a.id]) for a in actors for s, e in a.mentions
        )
        # Lookups bisect to the spans that can hold a position (not a scan from the start,
        # which made a long document quadratic).
        self._span_starts = [s for s, _, _ in self._spans]
        self._longest = max((e - s for s, e, _ in self._spans), default=0)

    def ids_for_span(self, start: int, end: int) -> list[str]:
        out: list[str] = []
        for s, e, ids in self._spans[bisect_left(self._span_starts, start):]:
            if s >= end:
                break
            if e <= end:
                out.extend(i for i in ids if i not in out)
        return out

    def ids_for_token(self, i: int) -> list[str]:
        if not 0 <= i < len(self._starts):
            return []
        pos = self._starts[i]
        out: list[str] = []
        for s, e, ids in self._spans[bisect_left(self._span_starts, pos - self._longest):]:
            if s > pos:
                break
            if pos < e:
                out.extend(x for x in ids if x not in out)
        return out
