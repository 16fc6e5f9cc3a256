"""events extractor (to be written)."""

from __future__ import annotations

from ..context import DocContext


def extract(ctx: DocContext) -> None:
    """Write this part of ctx.record."""
