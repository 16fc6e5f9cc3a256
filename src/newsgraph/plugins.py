"""Loading third-party plugins from entry points, in one way for extractors and exporters.

Entry points are taken in a stable order (distribution name, then entry name); each is
named in every error by its distribution, version and ``name = value``, and any failure of
a plugin's import becomes a :class:`~newsgraph.errors.PluginError` (E070) saying which.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import metadata
from typing import Any

from .errors import PluginError


def origin(ep: metadata.EntryPoint) -> str:
    """How errors name a plugin: "casualty-tools 1.0, entry point casualties = pkg:EXT"."""
    dist = getattr(ep, "dist", None)
    by = f"{dist.name} {dist.version}, " if dist is not None else ""
    return f"{by}entry point {ep.name} = {ep.value}"


def load(group: str, what: str, entry_points: Iterable[metadata.EntryPoint] | None = None
         ) -> Iterator[tuple[metadata.EntryPoint, str, Any]]:
    """(entry point, its origin, the object it loads) for each of ``entry_points``
    (default: the installed ones of ``group``); ``what`` names the kind in errors."""
    if entry_points is None:
        entry_points = sorted(metadata.entry_points(group=group),
                              key=lambda ep: (getattr(ep.dist, "name", ""), ep.name))
    for ep in entry_points:
        where = origin(ep)
        try:
            obj = ep.load()
        except PluginError as exc:
            raise PluginError(f"{what} plugin ({where}): {exc.message}") from exc
        except Exception as exc:  # any failure of a third party's import is its own
            raise PluginError(f"cannot load {what} plugin ({where}): "
                              f"{type(exc).__name__}: {exc}") from exc
        yield ep, where, obj
