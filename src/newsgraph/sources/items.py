"""What a reader yields: an article, or a per-document failure (the batch goes on)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import InputError
from ..model import RawArticle

__all__ = ["Failure", "Item"]


@dataclass
class Failure:
    """A document that could not be read; the batch goes on without it."""

    source: str
    error: InputError

    @property
    def code(self) -> str:
        return self.error.code


Item = RawArticle | Failure
