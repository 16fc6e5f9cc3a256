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

__all__ = ["FORMATS", "ExportOptions", "Exporter", "export", "register"]


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


# Formats with one row per merged event: the past-reference rule and the count line apply.
EVENT_FORMATS = ("gdelt-events", "plover", "csv")


def event_counts(con: duckdb.DuckDBPyConnection, options: ExportOptions | None = None) -> dict:
    """Counted merged events in the options' window: ``events`` (all), ``past`` (references to
    earlier events, left out of the event files unless ``include_past``), ``written`` (what the
    event files hold) and ``undated`` (written rows without a date)."""
    from .common import event_filter, window

    options = options or ExportOptions()
    counted = "TRUE" if options.all_events else "counted"
    row = con.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE time_status = 'past'),
               count(*) FILTER (WHERE {event_filter(options, "m")}),
               count(*) FILTER (WHERE {event_filter(options, "m")} AND day IS NULL)
        FROM merged_events m WHERE {counted} AND {window("m.day", options)}
    """).fetchone()
    return {"events": row[0], "past": row[1], "written": row[2], "undated": row[3]}


# The built-in renderers register themselves on import.
from . import gdelt_events, gdelt_gkg, gdelt_mentions, graphs, lake, tables  # noqa: E402,F401
