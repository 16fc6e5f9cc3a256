"""The export formats' registry: options, the writer signature and ``register``.

Apart from the package so that each format's module can register itself without importing
the package that imports it. The built-in formats register on import of ``newsgraph.exports``;
third-party ones through the same ``register``, from the entry point group
``newsgraph.exporters`` (:func:`load_plugins`, once per process; docs/extending.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from typing import Any

import duckdb

from .. import plugins
from ..errors import PluginError

__all__ = ["FORMATS", "GROUP", "ExportOptions", "Exporter", "Writer", "load_plugins", "register"]

GROUP = "newsgraph.exporters"


@dataclass(frozen=True)
class ExportOptions:
    start: str | None = None  # first event/publication day, YYYY-MM-DD
    end: str | None = None  # last day, inclusive
    header: bool = False  # GDELT: write the codebook column names as a first line
    all_events: bool = False  # include negated and modal (uncounted) events
    include_past: bool = False  # event files: past references as events of their own date


# A writer takes a text stream (stream=True) or a path (stream=False: a folder or file).
Writer = Callable[[duckdb.DuckDBPyConnection, Any, ExportOptions], int]


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
        add(Exporter(name, suffix, help, fn, stream, keep, left_out))
        return fn

    return deco


def add(exporter: Exporter) -> None:
    """Register one format; E070 when its name is taken by another writer."""
    had = FORMATS.get(exporter.name)
    if had is not None and _key(had.write) != _key(exporter.write):  # a module reload is fine
        raise PluginError(f"export format {exporter.name!r} is already registered by "
                          f"{_key(had.write)}")
    FORMATS[exporter.name] = exporter


def _key(fn: Writer) -> str:
    return f"{getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', '?')}"


def load_plugins(entry_points: Iterable[metadata.EntryPoint] | None = None) -> None:
    """Register the formats of the ``newsgraph.exporters`` entry points (default: installed).

    An entry point named N loads either an :class:`Exporter` named N, or code (a module, a
    writer) that registers format N with :func:`register` when imported. E070 otherwise.
    """
    for ep, origin, obj in plugins.load(GROUP, "export", entry_points):
        if isinstance(obj, Exporter):
            if obj.name != ep.name:
                raise PluginError(f"export plugin ({origin}) declares format {obj.name!r}, "
                                  f"not {ep.name!r}")
            add(obj)
        elif ep.name not in FORMATS:
            raise PluginError(f"export plugin ({origin}) registered no format {ep.name!r}")
