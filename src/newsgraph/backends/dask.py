"""Dask: batches go to a distributed cluster (``address``) or a local one ("local").

On a real cluster every worker needs newsgraph and the spaCy model installed (the same
environment as the client); records come back as plain dataclasses, never spaCy Docs.
A worker plugin loads the pipeline and every extractor resource once per worker as it
joins, so no batch waits for loading. A local cluster's workers are forked (where the
platform can) from this process after it has loaded everything, as the local backend's
are: they start in a fraction of a second instead of loading the model again each.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator

from ..errors import SettingsError
from ..model import ArticleRecord, RawArticle
from ..pipeline import process_batch
from ..settings import Settings

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the dask extra is not installed: DaskBackend says so when used
    WorkerPlugin = object  # type: ignore[misc,assignment]  # a stand-in base class

_WARM_UP = RawArticle(text="Turkey and Russia held talks in Moscow on Tuesday.")


def _preload(settings: Settings) -> None:
    process_batch([_WARM_UP], settings)


class Preload(WorkerPlugin):
    """Worker plugin: load the model and data when a worker starts (or joins later)."""

    name = "newsgraph-preload"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker) -> None:
        _preload(self.settings)


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
            import dask
            from dask.distributed import Client, LocalCluster
        except ImportError as exc:
            raise SettingsError("Dask is not installed: pip install 'newsgraph[dask]'") from exc
        self.settings, self.date = settings, date
        self.cluster = None
        if address == "local":
            method = "spawn"
            if processes and "fork" in mp.get_all_start_methods():
                _preload(settings)  # before the fork: workers inherit the loaded pipeline
                method = "fork"
            with dask.config.set({"distributed.worker.multiprocessing-method": method}):
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1,
                                            processes=processes, dashboard_address=None)
            self.client = Client(self.cluster)
        else:
            self.client = Client(address)
        self.client.register_plugin(Preload(settings))
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
