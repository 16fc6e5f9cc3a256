"""Dask: batches go to a distributed cluster (``address``) or a local one ("local").

On a real cluster every worker needs newsgraph and the spaCy model installed (the same
environment as the client); records come back as plain dataclasses, never spaCy Docs.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import SettingsError
from ..model import ArticleRecord, RawArticle
from ..pipeline import process_batch
from ..settings import Settings


class DaskBackend:
    def __init__(
        self,
        settings: Settings,
        *,
        address: str = "local",
        date: dt.date | None = None,
        workers: int = 2,
        processes: bool = True,
    ) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise SettingsError("Dask is not installed: pip install 'newsgraph[dask]'") from exc
        self.settings, self.date = settings, date
        self.cluster = None
        if address == "local":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                        processes=processes, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        self.slots = max(2, 2 * sum(self.client.nthreads().values()))

    def map(self, batches: Iterable[list[RawArticle]]) -> Iterator[list[ArticleRecord]]:
        pending: deque = deque()
        for batch in batches:
            # pure=False: the same batch submitted twice (a resumed run) is processed again.
            pending.append(self.client.submit(process_batch, batch, self.settings,
                                              date=self.date, pure=False))
            if len(pending) >= self.slots:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()
