"""Articles into the running server's store: posted text, HTML or URL, and the watch folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import NewsgraphError
from ..model import ArticleRecord, RawArticle
from ..pipeline import process_batch
from ..settings import Settings
from ..sources import Failure, read_inputs
from ..sources.fetch import client, fetch_bytes, page_article
from ..sources.html import from_html, looks_like_html
from ..sources.outlet import outlet
from ..store import Failed
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

    def ingest(self, raws: list[RawArticle], date: dt.date | None = None, *,
               failed: Sequence[Failed] = ()) -> list[tuple[ArticleRecord, bool]]:
        """Process and store (with ``failed`` inputs, logged in the same transaction); each
        record with whether it was new to the store."""
        with self.lock:  # one NLP batch at a time: the pipeline is not shared across threads
            records = process_batch(raws, self.settings, date=date) if raws else []
            known = self.db.known_ids(r.id for r in records if not r.error)
            self.db.write(records, failed=failed)
        return [(r, not r.error and r.id not in known) for r in records]


Signature = tuple[int, int]  # (size, mtime in ns) of a file as last seen


@dataclass
class WatchFailure:
    """A watched file that could not be stored, with when it is tried again."""

    path: str
    signature: Signature
    code: str
    message: str
    attempts: int = 1
    retry_at: float | None = None  # None: only when the file changes (bad input)

    def status(self, now: float) -> dict[str, object]:
        wait = None if self.retry_at is None else max(0.0, round(self.retry_at - now, 1))
        return {"file": self.path, "code": self.code, "message": self.message,
                "attempts": self.attempts,
                "retry": "when the file changes" if wait is None else f"in {wait:g} s"}


@dataclass
class Watcher:
    """A thread ingesting every new or changed file that appears in ``folder``.

    A file is taken once its size and modification time have stayed the same for
    ``settle_s`` (a file still being written is left alone); each file is read, processed
    and committed on its own, and counts as done only after its commit. A file that cannot
    be read (its code goes into the store's ``errors`` table) is tried again when it
    changes; one whose write failed (a locked store, a full disk) is tried again after a
    back-off doubling from ``interval_s`` up to ``MAX_BACKOFF_S``. ``GET /api/watch`` lists
    the files waiting and failing.
    """

    MAX_BACKOFF_S = 300.0

    ingestor: Ingestor
    folder: Path
    interval_s: float = 2.0
    settle_s: float = 2.0
    clock: Callable[[], float] = time.monotonic
    done: dict[str, Signature] = field(default_factory=dict)
    settling: dict[str, tuple[Signature, float]] = field(default_factory=dict)
    failures: dict[str, WatchFailure] = field(default_factory=dict)
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
            except Exception as exc:  # the watcher must outlive anything one scan meets
                log.exception("watch folder scan failed")
                self.last_error = f"{type(exc).__name__}: {exc}"
            self._stop.wait(self.interval_s)

    def _files(self) -> dict[str, Signature]:
        out = {}
        for path in sorted(self.folder.rglob("*")):
            if path.name.startswith(".") or path.name.endswith(".meta.json"):
                continue
            try:
                if not path.is_file():
                    continue
                st = path.stat()
            except OSError:  # gone between the listing and the look
                continue
            out[str(path)] = (st.st_size, st.st_mtime_ns)
        return out

    def ready(self) -> list[str]:
        """The files to take now: new or changed, settled, and not waiting for a retry."""
        now = self.clock()
        files = self._files()
        for gone in set(self.settling) - set(files):
            del self.settling[gone]
        out = []
        for path, sig in files.items():
            if self.done.get(path) == sig:
                continue
            failure = self.failures.get(path)
            if failure and failure.signature == sig:
                if failure.retry_at is not None and now >= failure.retry_at:
                    self.settling[path] = (sig, now)  # settled before: due for its retry
                    out.append(path)
                continue
            seen = self.settling.get(path)
            if seen is None or seen[0] != sig:
                self.settling[path] = (sig, now)
                if self.settle_s > 0:
                    continue
            elif now - seen[1] < self.settle_s:
                continue
            out.append(path)
        return out

    def scan(self) -> int:
        """Ingest the files that are ready, one at a time; returns articles stored."""
        stored = 0
        for path in self.ready():
            stored += self._take(path)
        return stored

    def _take(self, path: str) -> int:
        sig = self.settling.pop(path)[0]
        try:
            items = list(read_inputs([path], max_bytes=self.ingestor.settings.max_bytes,
                                     private_hosts=self.ingestor.settings.fetch_private_hosts))
            raws = [i for i in items if not isinstance(i, Failure)]
            bad = [i for i in items if isinstance(i, Failure)]
            failed = [Failed(_key(path, sig, f), f.source, f.code, f.error.message)
                      for f in bad]
            results = self.ingestor.ingest(raws, failed=failed) if raws or failed else []
        except Exception as exc:  # the write failed: nothing of this file was committed
            code = exc.code if isinstance(exc, NewsgraphError) else "E000"
            self._failed(path, sig, code, f"{type(exc).__name__}: {exc}", transient=True)
            return 0
        new = sum(1 for _, is_new in results if is_new)
        errors = [rec.error for rec, _ in results if rec.error]
        self.stored += new
        if not raws and bad:  # nothing in the file could be read: wait for it to change
            first = bad[0]
            self._failed(path, sig, first.code, str(first.error), transient=False)
            return 0
        self.failures.pop(path, None)
        self.done[path] = sig
        self.failed += len(bad) + len(errors)
        if bad or errors:
            self.last_error = f"{path}: {bad[0].error if bad else errors[0]}"
        log.info("watch folder: %s: %d articles stored, %d failed", path, new,
                 len(bad) + len(errors))
        return new

    def _failed(self, path: str, sig: Signature, code: str, message: str, *,
                transient: bool) -> None:
        before = self.failures.get(path)
        attempts = before.attempts + 1 if before and before.signature == sig else 1
        retry_at = None
        if transient:
            retry_at = self.clock() + min(self.interval_s * 2 ** (attempts - 1),
                                          self.MAX_BACKOFF_S)
        self.failures[path] = WatchFailure(path, sig, code, message, attempts, retry_at)
        self.failed += 1
        self.last_error = f"{path}: {message}"
        log.warning("watch folder: %s not stored (%s): %s", path, code, message)

    def status(self) -> dict[str, object]:
        now = self.clock()
        return {"folder": str(self.folder), "files_seen": len(self.done),
                "settling": sorted(self.settling), "stored": self.stored,
                "failed": self.failed, "last_error": self.last_error,
                "failures": [f.status(now) for f in self.failures.values()]}


def _key(path: str, sig: Signature, failure: Failure) -> str:
    """The ingest-log key of a watched file's failure (one per file version and source)."""
    text = f"watch\x1f{path}\x1f{sig[0]}\x1f{sig[1]}\x1f{failure.source}\x1f{failure.code}"
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
