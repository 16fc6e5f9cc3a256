"""Where ``process_batch`` runs: in this process, in local worker processes, or on Dask.

Every backend maps batches of RawArticle to lists of ArticleRecord through
:func:`newsgraph.pipeline.process_batch` and nothing else, and yields results in input
order with a bounded number of batches in flight, so memory stays flat on any corpus size.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from typing import Protocol

from ..model import ArticleRecord, RawArticle
from ..settings import Settings

__all__ = ["Backend", "InProcess", "default_workers", "make_backend"]

Batch = list[RawArticle]


class Backend(Protocol):
    """Maps batches to records, in order; ``close`` releases workers."""

    def map(self, batches: Iterable[Batch]) -> Iterator[list[ArticleRecord]]: ...

    def close(self) -> None: ...


class InProcess:
    """Runs every batch in the calling process."""

    def __init__(self, settings: Settings, date: dt.date | None = None) -> None:
        self.settings, self.date = settings, date

    def map(self, batches: Iterable[Batch]) -> Iterator[list[ArticleRecord]]:
        from ..pipeline import process_batch

        for batch in batches:
            yield process_batch(batch, self.settings, date=self.date)

    def close(self) -> None:
        pass


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def make_backend(
    settings: Settings,
    *,
    workers: int | None = None,
    dask: str | None = None,
    date: dt.date | None = None,
) -> Backend:
    """``dask`` = scheduler address or "local"; else ``workers`` processes (0/None = cores)."""
    if dask:
        from .dask import DaskBackend

        return DaskBackend(settings, address=dask, date=date, workers=workers or 2)
    n = workers if workers else default_workers()
    if n <= 1:
        return InProcess(settings, date)
    from .local import LocalBackend

    return LocalBackend(settings, workers=n, date=date)
