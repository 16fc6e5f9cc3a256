"""Articles into the running server's store: posted text, HTML or URL, and the watch folder."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..model import ArticleRecord, RawArticle
from ..pipeline import process_batch
from ..settings import Settings
from ..sources import Failure, read_inputs
from ..sources.fetch import client, fetch_bytes, page_article
from ..sources.html import from_html, looks_like_html
from ..sources.outlet import outlet
from .db import Database

log = logging.getLogger(__name__)


@dataclass
class Ingestor:
    """Processes articles one batch at a time and writes them through the server's connection."""

    db: Database
    settings: Settings
    lock: threading.Lock = field(default_factory=threading.Lock)

    def raw(self, *, text: str | None = None, html: str | None = None, url: str | None = None,
            title: str | None = None, warnings: list[str] | None = None) -> RawArticle:
        """The article of a posted text or HTML page (a URL alone is fetched: a blocking
        fetch here; the server fetches with :class:`~newsgraph.api.fetcher.Fetcher` and
        passes the page to :meth:`page`)."""
        if html is None and text is None and url:
            with client(self.settings.fetch_private_hosts) as http:
                data, _ = fetch_bytes(http, url, max_bytes=self.settings.max_bytes,
                                      deadline_s=self.settings.fetch_deadline_ms / 1000)
            return self.page(data, url, title=title)
        if html is None and text is not None and looks_like_html(text):
            html, text = text, None
        raw = from_html(html, url=url) if html is not None else RawArticle(text=text or "", url=url)
        raw.source = outlet(None, raw.url, raw.source, "api")
        if title:
            raw.title = title
        raw.warnings.extend(warnings or [])
        return raw

    def page(self, data: bytes, url: str, *, title: str | None = None) -> RawArticle:
        """The article of a page fetched from ``url``."""
        return page_article(data, url, title=title, source=url)

    def ingest(self, raws: list[RawArticle], date: dt.date | None = None
               ) -> list[tuple[ArticleRecord, bool]]:
        """Process and store; each record with whether it was new to the store."""
        with self.lock:  # one NLP batch at a time: the pipeline is not shared across threads
            records = process_batch(raws, self.settings, date=date)
            known = self.db.known_ids(r.id for r in records if not r.error)
            self.db.write(records)
        return [(r, not r.error and r.id not in known) for r in records]


@dataclass
class Watcher:
    """A thread ingesting every new or changed file that appears in ``folder``."""

    ingestor: Ingestor
    folder: Path
    interval_s: float = 2.0
    seen: dict[str, tuple[int, float]] = field(default_factory=dict)
    stored: int = 0
    failed: int = 0
    last_error: str | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self._thread = threading.Thread(target=self._loop, name="newsgraph-watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=10)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.scan()
            except Exception as exc:  # the watcher must outlive one bad file or a full disk
                log.exception("watch folder scan failed")
                self.last_error = f"{type(exc).__name__}: {exc}"
            self._stop.wait(self.interval_s)

    def scan(self) -> int:
        """Ingest new files once; returns how many articles were stored."""
        new = []
        for path in sorted(self.folder.rglob("*")):
            if not path.is_file() or path.name.startswith(".") or path.name.endswith(".meta.json"):
                continue
            st = path.stat()
            key = (st.st_size, st.st_mtime)
            if self.seen.get(str(path)) != key:
                self.seen[str(path)] = key
                new.append(str(path))
        if not new:
            return 0
        raws = []
        for item in read_inputs(new, max_bytes=self.ingestor.settings.max_bytes,
                                private_hosts=self.ingestor.settings.fetch_private_hosts):
            if isinstance(item, Failure):
                self.failed += 1
                self.last_error = f"{item.source}: {item.error}"
            else:
                raws.append(item)
        results = self.ingestor.ingest(raws)
        stored = sum(1 for _, is_new in results if is_new)
        self.failed += sum(1 for rec, _ in results if rec.error)
        self.stored += stored
        log.info("watch folder: %d new files, %d articles stored", len(new), stored)
        return stored

    def status(self) -> dict[str, object]:
        return {"folder": str(self.folder), "files_seen": len(self.seen), "stored": self.stored,
                "failed": self.failed, "last_error": self.last_error}
