"""The index of a store, kept current: synced after ingest and before a search sees it stale."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .index import SearchIndex, index_path

log = logging.getLogger(__name__)


def index_store(store: Any, path: str | Path) -> int:
    """Bring the index beside ``path`` up to date from an open ``Store``; returns articles added."""
    def query(sql: str, params: Sequence[Any]) -> list[tuple]:
        return store.con.execute(sql, list(params)).fetchall()

    added = SearchIndex(index_path(path)).sync(query)
    if added:
        log.info("search index: %d articles added", added)
    return added


class LiveIndex:
    """The server's index: each search first checks the store's article count (one cheap
    query) and indexes what an upload or the watch folder added since."""

    def __init__(self, db: Any, store_path: str | Path) -> None:
        self.db = db
        self.index = SearchIndex(index_path(store_path))

    def _query(self, sql: str, params: Sequence[Any]) -> list[tuple]:
        return self.db.query(sql, params).rows

    def current(self) -> SearchIndex:
        n = self._query("SELECT count(*) FROM articles", [])[0][0]
        self.index.sync(self._query, n_store=n)
        return self.index
