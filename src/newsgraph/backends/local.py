"""Local multiprocessing: one spaCy pipeline per worker process, loaded once.

Workers die with this process, even when it is killed with SIGKILL (see lifeline.py).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain

from ..model import ArticleRecord, RawArticle
from ..pipeline import process_batch
from ..settings import Settings
from .lifeline import die_with_parent


def _forked(parent: int) -> None:
    die_with_parent(parent)


def _warm(parent: int, settings: Settings) -> None:
    from ..nlp import get_nlp

    die_with_parent(parent)
    get_nlp(settings)


class LocalBackend:
    def __init__(self, settings: Settings, *, workers: int, date: dt.date | None = None) -> None:
        self.settings, self.date, self.workers = settings, date, workers
        self.pool: ProcessPoolExecutor | None = None
        self._pending: deque[Future] = deque()  # submitted, result not taken yet

    def _start(self) -> ProcessPoolExecutor:
        if "fork" in mp.get_all_start_methods():
            # Load the pipeline and every extractor resource once here, then fork: workers
            # share them copy-on-write and start in milliseconds instead of seconds.
            process_batch([RawArticle(text="Turkey and Russia held talks on Tuesday.")],
                          self.settings)
            return ProcessPoolExecutor(max_workers=self.workers,
                                       mp_context=mp.get_context("fork"),
                                       initializer=_forked, initargs=(os.getpid(),))
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=mp.get_context("spawn"),
                                   initializer=_warm, initargs=(os.getpid(), self.settings))

    def map(self, batches: Iterable[list[RawArticle]]) -> Iterator[list[ArticleRecord]]:
        it = iter(batches)
        first = next(it, None)
        second = next(it, None)
        if first is None:
            return
        if second is None:  # one batch: starting workers would cost more than it saves
            yield process_batch(first, self.settings, date=self.date)
            return
        self.pool = self.pool or self._start()
        # Two batches in flight per worker: busy workers, bounded memory, input order kept.
        pending: deque[Future] = deque()
        self._pending = pending
        for batch in chain((first, second), it):
            pending.append(self.pool.submit(process_batch, batch, self.settings, date=self.date))
            if len(pending) >= 2 * self.workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        """Stop the workers. Results nobody will take (the caller stopped early: Ctrl-C,
        SIGTERM, an error) are not waited for: the workers are terminated at once."""
        if self.pool is None:
            return
        if any(not f.done() for f in self._pending):
            for f in self._pending:
                f.cancel()
            # The executor has no public way to stop a running call; its processes are
            # terminated (SIGTERM: the workers took back its default action).
            for proc in list(getattr(self.pool, "_processes", {}).values()):
                proc.terminate()
        self._pending.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)
