"""Local workers and Dask give exactly the records the in-process run gives."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.backends import InProcess, default_workers, make_backend
from newsgraph.model import RawArticle
from newsgraph.settings import Settings

TEXTS = [
    "Turkey shot down a Russian warplane near the Syrian border on Tuesday.",
    "Russian President Vladimir Putin met Turkish President Tayyip Erdogan in St Petersburg.",
    "NATO foreign ministers met in Brussels to discuss the conflict in Syria.",
    "The European Union criticised the crackdown that followed the failed coup in Turkey.",
]
DATE = dt.date(2016, 8, 9)


def _batches():
    return [[RawArticle(text=t, id=f"d{i}-{j}")] for i, t in enumerate(TEXTS) for j in range(2)]


def _plain(records):
    return [r.to_json() for batch in records for r in batch]


@pytest.fixture(scope="module")
def expected():
    return _plain(InProcess(Settings(), DATE).map(_batches()))


def test_local_workers_match_in_process(expected):
    backend = make_backend(Settings(), workers=2, date=DATE)
    try:
        got = _plain(backend.map(_batches()))
    finally:
        backend.close()
    assert got == expected


def test_dask_local_cluster_matches_in_process(expected):
    pytest.importorskip("distributed")
    from newsgraph.backends.dask import DaskBackend

    backend = DaskBackend(Settings(), address="local", date=DATE, workers=2, processes=False)
    try:
        got = _plain(backend.map(_batches()))
    finally:
        backend.close()
    assert got == expected


def test_backend_choice():
    assert isinstance(make_backend(Settings(), workers=1), InProcess)
    assert default_workers() >= 1


def test_dask_local_process_cluster_forks_warm_workers(expected):
    """The default `--dask local`: worker processes, each with the preload plugin."""
    pytest.importorskip("distributed")
    from newsgraph.backends.dask import DaskBackend

    backend = DaskBackend(Settings(), address="local", date=DATE, workers=2)
    try:
        got = _plain(backend.map(_batches()))
        plugins = backend.client.run(lambda dask_worker: sorted(dask_worker.plugins))
    finally:
        backend.close()
    assert got == expected
    assert len(plugins) == 2
    assert all("newsgraph-preload" in names for names in plugins.values())
