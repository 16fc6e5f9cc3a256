"""Exports as registered renderers: ``newsgraph export --format NAME``.

Each renderer takes an open DuckDB connection, an output path (``None`` = stdout, for the
formats that are a single text stream) and :class:`ExportOptions`, writes its format and
returns the number of rows (events, mentions, articles, nodes...) written. Formats register
themselves with :func:`register`; ``FORMATS`` lists them for the CLI and the docs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb

from ..errors import ExportError
from .registry import FORMATS, Exporter, ExportOptions, register

__all__ = ["FORMATS", "ExportOptions", "Exporter", "event_counts", "export", "register", "summary"]


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out: str | Path | None = None,
    options: ExportOptions | None = None,
) -> int:
    """Write the store in ``fmt`` to ``out`` (a file or directory; None or "-" = stdout)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")
    exporter = FORMATS[fmt]
    options = options or ExportOptions()
    to_stdout = out is None or str(out) == "-"
    if not exporter.stream:
        if to_stdout:
            raise ExportError(f"--format {fmt} writes files: give an output path (-o)")
        return exporter.write(con, Path(out), options)
    if to_stdout:
        return exporter.write(con, sys.stdout, options)
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        return exporter.write(con, fh, options)


def event_counts(con: duckdb.DuckDBPyConnection, options: ExportOptions | None = None,
                 fmt: str | None = None) -> dict:
    """Counted merged events in the options' window: ``events`` (all), ``past`` (references to
    earlier events, left out of the event files unless ``include_past``), ``written`` (what
    the event file of ``fmt`` holds; any event file's rule when None), ``left_out`` (written
    by the past rule but not by the format's own rule, e.g. PLOVER's required actor) and
    ``undated`` (written rows without a date)."""
    from .common import event_filter, window

    options = options or ExportOptions()
    keep = FORMATS[fmt].keep if fmt in FORMATS else None
    keep = keep or "TRUE"
    counted = "TRUE" if options.all_events else "counted"
    written = f"{event_filter(options, 'm')} AND ({keep})"
    row = con.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE time_status = 'past'),
               count(*) FILTER (WHERE {written}),
               count(*) FILTER (WHERE {event_filter(options, "m")} AND NOT ({keep})),
               count(*) FILTER (WHERE {written} AND day IS NULL)
        FROM merged_events m WHERE {counted} AND {window("m.day", options)}
    """).fetchone()
    return {"events": row[0], "past": row[1], "written": row[2], "left_out": row[3],
            "undated": row[4]}


def summary(con: duckdb.DuckDBPyConnection, fmt: str, rows: int,
            options: ExportOptions | None = None) -> list[str]:
    """The lines ``newsgraph export`` closes with: rows written and, for an event file, what
    of the counted events it holds: past references and the format's own exclusions left
    out, and how many rows have no date."""
    options = options or ExportOptions()
    lines = [f"{fmt}: {rows:,} rows"]
    exporter = FORMATS.get(fmt)
    if exporter is None or exporter.keep is None:
        return lines
    c = event_counts(con, options, fmt)
    kind = "events" if options.all_events else "counted events"
    lines.append(f"{c['events']:,} {kind}, {c['written']:,} written")
    if options.include_past:
        lines.append(f"{c['past']:,} past references written, dated by their own date")
    else:
        lines.append(f"{c['past']:,} past references excluded (--include-past or the "
                     "export_past_events setting writes them)")
    if c["left_out"]:
        lines.append(f"{c['left_out']:,} events left out: {exporter.left_out}")
    lines.append(f"{c['undated']:,} events without a date")
    return lines


# The built-in renderers register themselves on import; installed plugins' after them.
from . import gdelt_events, gdelt_gkg, gdelt_mentions, graphs, icews, lake, tables  # noqa: E402,F401
from .registry import load_plugins  # noqa: E402

load_plugins()
