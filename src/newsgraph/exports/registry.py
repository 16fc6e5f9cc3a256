"""The export formats' registry: options, the writer signature and ``register``.

Apart from the package so that each format's module can register itself without importing
the package that imports it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb

__all__ = ["FORMATS", "ExportOptions", "Exporter", "Writer", "register"]


@dataclass(frozen=True)
class ExportOptions:
    start: str | None = None  # first event/publication day, YYYY-MM-DD
    end: str | None = None  # last day, inclusive
    header: bool = False  # GDELT: write the codebook column names as a first line
    all_events: bool = False  # include negated and modal (uncounted) events
    include_past: bool = False  # event files: past references as events of their own date


Writer = Callable[[duckdb.DuckDBPyConnection, TextIO | Path, ExportOptions], int]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # conventional file suffix; "" for a directory
    help: str
    write: Writer
    stream: bool = True  # writes one text stream (stdout allowed); False: needs a path
    # Event files (one row per merged event): the SQL condition on merged events ``m`` that the
    # format can hold ("TRUE": every one), and why the others are left out. None: not an
    # event file (mentions, articles, graphs, the lake).
    keep: str | None = None
    left_out: str = ""


FORMATS: dict[str, Exporter] = {}


def register(name: str, *, suffix: str, help: str, stream: bool = True, keep: str | None = None,
             left_out: str = "") -> Callable[[Writer], Writer]:
    def deco(fn: Writer) -> Writer:
        FORMATS[name] = Exporter(name, suffix, help, fn, stream, keep, left_out)
        return fn

    return deco
