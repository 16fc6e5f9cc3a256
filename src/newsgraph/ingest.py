"""Ingest: read inputs, process them in batches, write them to the store, report errors."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .model import RawArticle
from .pipeline import process_batch
from .settings import Settings
from .sources import Failure, read_inputs
from .store import Store


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    skipped: int = 0  # already in the store
    errors: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, "E00x: message")

    def summary(self) -> str:
        lines = [f"read {self.read:,} articles: {self.stored:,} stored, "
                 f"{self.skipped:,} already in the store, {sum(self.errors.values()):,} failed"]
        for code, n in sorted(self.errors.items()):
            lines.append(f"  error {code}: {n:,}")
        for code, n in sorted(self.warnings.items()):
            lines.append(f"  warning {code}: {n:,}")
        for source, msg in self.failed[:20]:
            lines.append(f"  {source}: {msg}")
        if len(self.failed) > 20:
            lines.append(f"  ... and {len(self.failed) - 20:,} more (see the errors table)")
        return "\n".join(lines)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest_paths(
    paths: Iterable[str],
    settings: Settings,
    *,
    date: dt.date | None = None,
    batch_size: int = 64,
    progress: bool = False,
) -> IngestReport:
    report = IngestReport()
    bar = None
    if progress:
        from rich.progress import Progress

        bar = Progress(transient=True)
        bar.start()
        task = bar.add_task("ingesting", total=None)
    try:
        with Store(settings.store) as store:
            for chunk in _batches(read_inputs(paths, max_bytes=settings.max_bytes), batch_size):
                raws: list[RawArticle] = []
                for item in chunk:
                    report.read += 1
                    if isinstance(item, Failure):
                        report.errors[item.code] += 1
                        report.failed.append((item.source, str(item.error)))
                        store.add_error(item.source, item.code, item.error.message)
                    else:
                        raws.append(item)
                records = process_batch(raws, settings, date=date)
                for rec in records:
                    if rec.error:
                        code = rec.error.split(":")[0]
                        report.errors[code] += 1
                        report.failed.append((rec.source or rec.id, rec.error))
                    for w in rec.warnings:
                        report.warnings[w.split(":")[0]] += 1
                new = store.write(records)
                report.stored += new
                report.skipped += sum(1 for r in records if not r.error) - new
                if bar:
                    bar.update(task, advance=len(chunk))
    finally:
        if bar:
            bar.stop()
    return report
