"""Ingest: read inputs, process them in batches, write them to the store, report errors.

Resumable: every input gets a key (a hash of its id, URL and content). Keys already in the
store's ingest log are skipped before processing, and each batch's records, errors and keys
commit in one transaction. Kill an ingest at any moment (even with SIGKILL) and run it
again: the batches that committed are skipped, the one in flight is redone, nothing is
stored twice.

With a lake (setting ``lake``), each batch's new rows are also written as Parquet files
just before the store commits (see newsgraph.store.lake); files of a batch the store never
committed are removed when the next ingest starts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import signal
import threading
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from .backends import make_backend
from .model import RawArticle
from .search import index_store
from .settings import Settings
from .sources import Failure, read_inputs
from .store import Failed, Store
from .store.lake import LakeWriter

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store
    redated: int = 0  # already in the store undated (or dated otherwise): date and events redone
    errors: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, "E00x: message")
    stopped: bool = False  # a SIGTERM ended the run early (what was in flight was committed)

    def summary(self) -> str:
        redated = f"{self.redated:,} re-dated, " if self.redated else ""
        lines = [f"read {self.read:,} articles: {self.stored:,} stored, {redated}"
                 f"{self.skipped:,} already in the store, {sum(self.errors.values()):,} failed"]
        for code, n in sorted(self.errors.items()):
            lines.append(f"  error {code}: {n:,}")
        for code, n in sorted(self.warnings.items()):
            lines.append(f"  warning {code}: {n:,}")
        for source, msg in self.failed[:20]:
            lines.append(f"  {source}: {msg}")
        if len(self.failed) > 20:
            lines.append(f"  ... and {len(self.failed) - 20:,} more (see the errors table)")
        if self.stopped:
            lines.append("stopped early by SIGTERM; run the same command again to go on")
        return "\n".join(lines)


class _TermDrain:
    """While an ingest runs (in the main thread): after the first SIGTERM no new batch starts,
    the oldest batch in flight finishes and commits, the others are dropped (their workers
    stopped) and the ingest returns; a second SIGTERM stops at once, as Ctrl-C does. What
    was dropped is redone by the next run."""

    def __init__(self) -> None:
        self.requested = False
        self._old: object = None
        self._installed = False

    def __enter__(self) -> _TermDrain:
        if threading.current_thread() is threading.main_thread():
            self._old = signal.getsignal(signal.SIGTERM)
            signal.signal(signal.SIGTERM, self._handle)
            self._installed = True
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.requested:
            raise KeyboardInterrupt("second SIGTERM")
        self.requested = True
        log.warning("SIGTERM: finishing the batches in flight, then stopping")

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            old = self._old if self._old is not None else signal.SIG_DFL
            signal.signal(signal.SIGTERM, old)  # type: ignore[arg-type]


def input_key(raw: RawArticle, date: dt.date | None = None) -> str:
    """Stable key of one input, known before processing (the article id needs cleaning).

    A date given for the run (``ingest --date``) is part of it: the same file ingested again
    with a date is processed again, and re-dates its articles stored undated."""
    h = hashlib.sha1()
    parts = (raw.id, raw.url, raw.published, raw.text, raw.html)
    for part in (*parts, date.isoformat()) if date else parts:
        h.update((part or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def _failure_key(item: Failure) -> str:
    return hashlib.sha1(f"failure\x1f{item.source}\x1f{item.code}".encode()).hexdigest()


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


@dataclass
class _Todo:
    raws: list[RawArticle]
    keys: list[str]
    failed: list[Failed]
    n: int  # inputs read for this batch (for the progress bar)


def _plan(items: Iterable, store: Store, report: IngestReport, size: int,
          date: dt.date | None = None) -> Iterator[_Todo]:
    """Batches of inputs still to do: known keys are skipped before any processing."""
    planned: set[str] = set()  # this run's keys: an input repeated in a later batch is done once
    for chunk in _batches(items, size):
        keyed = [(input_key(x, date) if isinstance(x, RawArticle) else _failure_key(x), x)
                 for x in chunk]
        done = store.done_inputs(k for k, _ in keyed)
        todo = _Todo([], [], [], len(chunk))
        for key, item in keyed:
            report.read += 1
            if key in done or key in planned:
                report.skipped += 1
                continue
            planned.add(key)
            if isinstance(item, Failure):
                report.errors[item.code] += 1
                report.failed.append((item.source, str(item.error)))
                todo.failed.append(Failed(key, item.source, item.code, item.error.message))
            else:
                todo.raws.append(item)
                todo.keys.append(key)
        yield todo


def progress_bar(console: Any = None) -> Any:
    """The terminal bar of an ingest: inputs done, articles per second, time elapsed (the
    number of inputs is not known before they are read, so there is no fraction or ETA)."""
    from rich.progress import (
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task: Any) -> Text:
            return Text(f"{task.speed:,.1f} articles/s" if task.speed else "")

    return Progress(SpinnerColumn(), TextColumn("{task.description}"),
                    TextColumn("{task.completed:,.0f} articles"), Rate(), TimeElapsedColumn(),
                    console=console, transient=True)


def ingest_paths(
    paths: Iterable[str],
    settings: Settings,
    *,
    date: dt.date | None = None,
    batch_size: int = 64,
    progress: bool = False,
    workers: int | None = None,
    dask: str | None = None,
    on_batch: Callable[[IngestReport], None] | None = None,
) -> IngestReport:
    """Ingest everything under ``paths``; ``workers``/``dask`` choose the backend.

    ``progress`` draws a terminal bar; ``on_batch`` is called with the report so far after
    each committed batch (the command line prints a line with it off a terminal)."""
    report = IngestReport()
    bar = task = None
    if progress:
        bar = progress_bar()
        bar.start()
        task = bar.add_task("ingesting", total=None)
    n_workers = settings.workers if workers is None else workers
    backend = make_backend(settings, workers=n_workers, dask=dask, date=date)
    lake = None
    try:
        if Path(settings.store).exists():  # nothing is written into a damaged store
            with Store(settings.store, read_only=True) as checked:
                checked.verify()
        with Store(settings.store) as store, _TermDrain() as term:
            if settings.lake:
                lake = LakeWriter(settings.lake)
                if undone := lake.recover(store.known_ids):
                    log.info("lake: %d uncommitted batches rolled back", undone)
            plan = _plan(read_inputs(paths, max_bytes=settings.max_bytes,
                                     private_hosts=settings.fetch_private_hosts), store, report,
                         batch_size, date)
            todos: deque[_Todo] = deque()

            def feed() -> Iterator[list[RawArticle]]:
                for todo in plan:
                    if term.requested:
                        report.stopped = True
                        return
                    if todo.raws:
                        todos.append(todo)
                        yield todo.raws
                    else:  # nothing to process: log the failures, move the bar
                        if todo.failed:
                            store.write([], failed=todo.failed)
                        if bar:
                            bar.update(task, advance=todo.n)

            for records in backend.map(feed()):
                todo = todos.popleft()
                _count(records, report)
                new = store.write(records, input_keys=todo.keys, failed=todo.failed,
                                  before_commit=lake.stage if lake else None)
                if lake:
                    lake.commit_staged()
                report.stored += new
                report.redated += store.redated
                log.info("batch committed: %d new, %d stored so far", new, report.stored)
                report.skipped += sum(1 for r in records if not r.error) - new - store.redated
                if bar:
                    bar.update(task, advance=todo.n)
                if on_batch:
                    on_batch(report)
                if term.requested:  # the oldest batch is committed: stop (see _TermDrain)
                    report.stopped = True
                    break
            index_store(store, settings.store)
    finally:
        backend.close()
        if lake:
            lake.close()
        if bar:
            bar.stop()
    return report


def _count(records: list, report: IngestReport) -> None:
    for rec in records:
        if rec.error:
            report.errors[rec.error.split(":")[0]] += 1
            report.failed.append((rec.source or rec.id, rec.error))
        for w in rec.warnings:
            report.warnings[w.split(":")[0]] += 1
