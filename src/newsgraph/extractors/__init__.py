"""The extractors' registry: each extractor declares itself once, everything else is derived.

An :class:`Extractor` says its name, the extractors it reads from (``requires``), the record
field(s) it writes (``assigns``), its store tables with their columns and rows, and where
its code is. From the declarations come the pipeline order, the ``extractors`` setting's
default and help, the W005 warning's list, the spaCy component's ``doc._`` extensions, the
store's tables (``store/schema.py``), their rows (``store/rows.py``) and the Parquet lake's
tables. Nothing else lists the extractors.

Where declarations come from, in registration order:

* the built-ins: every module of this package (``newsgraph/extractors/<name>.py``) holds one
  ``EXTRACTOR``; adding a module adds an extractor;
* third-party packages: the entry point group ``newsgraph.extractors``, each entry naming an
  ``Extractor`` (``casualties = my_pkg:EXTRACTOR``), loaded once per process.

Both go through :meth:`Registry.add`, which checks the declaration (a name taken, a
requirement nobody provides, a field, table or column already owned: E070,
:class:`~newsgraph.errors.PluginError`). docs/extending.md shows a worked plugin.

Declarations are plain data: the code they name (``extract``, ``prepare``) may be given as
``"module:attribute"`` and is imported on first use, so reading the registry (for the
settings' help, or the store's tables) does not load spaCy.
"""

from __future__ import annotations

import dataclasses
import importlib
import keyword
import logging
import pkgutil
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from typing import TYPE_CHECKING, Any

from .. import plugins
from ..errors import PluginError, SettingsError
from ..model import ArticleRecord

if TYPE_CHECKING:
    from ..context import DocContext
    from ..settings import Settings

__all__ = ["GROUP", "Extractor", "Registry", "Table", "load_registry", "registry"]

log = logging.getLogger(__name__)

GROUP = "newsgraph.extractors"

Row = dict[str, Any]

# Store tables that are not an extractor's: the article itself, its parse, and bookkeeping
# (store/schema.py), plus the views built on them. An extractor's table may not take these.
CORE_TABLES = ("articles", "sentences", "entities", "clusters", "cluster_bands", "ingest_log",
               "errors", "merged_events", "event_mentions")
# Names an extractor's field may not take: the spaCy component's own extension and the
# record's bag of third-party fields.
RESERVED_FIELDS = ("record", "ext")
_NAME = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Table:
    """A store table an extractor fills: one row per item of its field.

    ``columns`` are ``(name, DuckDB type)`` pairs; every table also gets ``article_id``
    (VARCHAR) as its first column, filled by the store. ``rows(record)`` gives one dict per
    row, keyed by exactly the declared column names (article_id left out).
    """

    name: str
    columns: tuple[tuple[str, str], ...]
    rows: Callable[[ArticleRecord], Iterable[Row]]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.columns)


@dataclass(frozen=True)
class Extractor:
    """One extractor's declaration.

    * ``extract(ctx)`` writes the extractor's fields of ``ctx.record``: a built-in writes the
      record attribute of that name; a third-party extractor writes ``ctx.record.ext[name]``
      (plain JSON data). A callable or ``"module:attribute"``.
    * ``assigns``: the record field(s) it writes, each exposed as ``doc._.newsgraph_<name>``.
    * ``requires``: extractors it reads from; the ``extractors`` setting adds them and they
      run first.
    * ``after``: extractors it runs after when they run too (order only, nothing added).
    * ``tables``: its store tables (see :class:`Table`); they go to the Parquet lake too.
    * ``prepare(settings)``: called once per batch before any document, to load and check
      data files (a bad file fails the batch, not each document); optional.
    * ``help``: what it finds, in a few words, for the settings' help.
    """

    name: str
    extract: Callable[[DocContext], None] | str
    assigns: tuple[str, ...]
    requires: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    tables: tuple[Table, ...] = ()
    prepare: Callable[[Settings], None] | str | None = None
    help: str = ""

    def function(self) -> Callable[[DocContext], None]:
        """The ``extract`` function itself (imported when named by a string; E070 when it
        cannot be)."""
        return _resolve(self.extract)

    def prepared(self, settings: Settings) -> None:
        if self.prepare is not None:
            _resolve(self.prepare)(settings)


def _resolve(ref: Callable[..., Any] | str) -> Callable[..., Any]:
    if callable(ref):
        return ref
    return _imported(ref)


_IMPORTED: dict[str, Callable[..., Any]] = {}


def _imported(ref: str) -> Callable[..., Any]:
    fn = _IMPORTED.get(ref)
    if fn is None:
        module, _, attr = ref.partition(":")
        try:
            fn = getattr(importlib.import_module(module), attr)
        except (ImportError, AttributeError) as exc:
            raise PluginError(f"cannot load {ref!r}: {type(exc).__name__}: {exc}") from exc
        _IMPORTED[ref] = fn
    return fn


_RECORD_FIELDS = frozenset(f.name for f in dataclasses.fields(ArticleRecord))


class Registry:
    """The extractors known to this process, checked, in pipeline order."""

    def __init__(self) -> None:
        self._by_name: dict[str, Extractor] = {}
        self._origin: dict[str, str] = {}
        self._builtin: set[str] = set()
        self._order: tuple[Extractor, ...] | None = None

    # -- registration ---------------------------------------------------------------------
    def add(self, ext: object, origin: str, *, builtin: bool = False) -> None:
        """Register one declaration; E070 when it is not one or clashes with another."""
        if not isinstance(ext, Extractor):
            raise PluginError(f"{origin} is not a newsgraph Extractor declaration "
                              f"(got {type(ext).__name__})")
        name = ext.name
        where = f"extractor {name!r} ({origin})"
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            raise PluginError(f"{where}: a name is lower-case letters, digits and '_'")
        if name in self._by_name:
            raise PluginError(f"{where}: the name is taken by {self._origin[name]}")
        if not callable(ext.extract) and not (isinstance(ext.extract, str) and ":" in ext.extract):
            raise PluginError(f"{where}: extract must be a function or 'module:function'")
        for part in ("assigns", "requires", "after", "tables"):
            if not isinstance(getattr(ext, part), tuple | list):
                raise PluginError(f"{where}: {part} must be a tuple, not "
                                  f"{type(getattr(ext, part)).__name__}")
        if not ext.assigns:
            raise PluginError(f"{where}: assigns names no record field")
        fields = {f: n for n, e in self._by_name.items() for f in e.assigns}
        tables = {t.name: n for n, e in self._by_name.items() for t in e.tables}
        for i, f in enumerate(ext.assigns):
            if not _NAME.fullmatch(f) or keyword.iskeyword(f) or f in RESERVED_FIELDS:
                raise PluginError(f"{where}: {f!r} cannot be a record field name")
            if f in fields or f in ext.assigns[:i]:
                raise PluginError(f"{where}: record field {f!r} is already assigned by "
                                  f"{fields.get(f, name)!r}")
            if f in _RECORD_FIELDS and not builtin:
                raise PluginError(f"{where}: {f!r} is a record field of newsgraph's own; a "
                                  "plugin's fields go to record.ext under a new name")
        for t in ext.tables:
            if not isinstance(t, Table) or not _NAME.fullmatch(t.name):
                raise PluginError(f"{where}: tables holds {t!r}, not a Table with a "
                                  "lower-case name")
            if t.name in CORE_TABLES or t.name in tables:
                owner = tables.get(t.name, "the store")
                raise PluginError(f"{where}: table {t.name!r} is already owned by {owner!r}")
            tables[t.name] = name
            names = t.names
            clash = sorted({c for c in names if names.count(c) > 1} | {"article_id"} & set(names))
            if clash:
                raise PluginError(f"{where}: table {t.name!r} declares column(s) "
                                  f"{', '.join(clash)} twice (article_id comes first by itself)")
            bad = [c for c, kind in t.columns if not _NAME.fullmatch(c) or not kind]
            if bad:
                raise PluginError(f"{where}: table {t.name!r} has bad column(s) {bad}")
        self._by_name[name] = ext
        self._origin[name] = origin
        if builtin:
            self._builtin.add(name)
        self._order = None

    def check(self) -> None:
        """Every requirement is registered and no requirements go round in a circle."""
        for ext in self._by_name.values():
            for req in ext.requires:
                if req not in self._by_name:
                    raise PluginError(f"extractor {ext.name!r} ({self._origin[ext.name]}) "
                                      f"requires {req!r}, which no extractor provides")
        self.order()

    # -- derived --------------------------------------------------------------------------
    def order(self) -> tuple[Extractor, ...]:
        """Pipeline order: each extractor after what it requires (and its ``after`` ones);
        otherwise in registration order (the built-ins by name, then plugins)."""
        if self._order is None:
            todo = list(self._by_name.values())
            done: list[Extractor] = []
            placed: set[str] = set()
            while todo:
                for ext in todo:
                    before = (*ext.requires, *(a for a in ext.after if a in self._by_name))
                    if all(b in placed for b in before):
                        break
                else:
                    names = ", ".join(e.name for e in todo)
                    raise PluginError(f"extractors {names} require each other in a circle")
                todo.remove(ext)
                done.append(ext)
                placed.add(ext.name)
            self._order = tuple(done)
        return self._order

    def names(self) -> tuple[str, ...]:
        return tuple(e.name for e in self.order())

    def __getitem__(self, name: str) -> Extractor:
        return self._by_name[name]

    def origin(self, name: str) -> str:
        return self._origin[name]

    def select(self, names: Sequence[str]) -> tuple[Extractor, ...]:
        """The extractors ``names`` asks for plus what they require, in pipeline order."""
        wanted: set[str] = set()
        todo = list(names)
        while todo:
            name = todo.pop()
            if name not in self._by_name:
                raise SettingsError(f"unknown extractor {name!r}; choose from "
                                    f"{', '.join(self.names())}")
            if name not in wanted:
                wanted.add(name)
                todo.extend(self._by_name[name].requires)
        return tuple(e for e in self.order() if e.name in wanted)

    def fields(self) -> tuple[str, ...]:
        """Every record field an extractor assigns, in pipeline order."""
        return tuple(f for e in self.order() for f in e.assigns)

    def is_ext(self, field: str) -> bool:
        """Whether ``field`` lives in ``record.ext`` (a plugin's) rather than on the record."""
        return field not in _RECORD_FIELDS

    def tables(self) -> tuple[Table, ...]:
        return tuple(t for e in self.order() for t in e.tables)

    def help(self) -> str:
        """The ``extractors`` setting's help: the choices and what each one adds."""
        needs = []
        for e in self.order():
            if e.requires:
                needs.append(f"{e.name} needs {_and(e.requires)}")
        text = ("Extractors run after parsing, comma-separated; what they need is added"
                + (f" ({'; '.join(needs)})" if needs else "") + ". Empty = parse only.")
        extra = [f"{e.name} ({self._origin[e.name]}): {e.help}" for e in self.order()
                 if e.name not in self._builtin]
        return text + (" Plugins: " + "; ".join(extra) + "." if extra else "")


def _and(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _builtins() -> list[tuple[str, object]]:
    out = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        out.append((f"newsgraph.extractors.{info.name}", getattr(module, "EXTRACTOR", None)))
    return out


def load_registry(entry_points: Iterable[metadata.EntryPoint] | None = None) -> Registry:
    """A registry of the built-ins and ``entry_points`` (default: the installed ones of the
    ``newsgraph.extractors`` group, by distribution then entry name); E070 on any problem."""
    reg = Registry()
    for origin, ext in _builtins():
        reg.add(ext, origin, builtin=True)
    for _ep, origin, ext in plugins.load(GROUP, "extractor", entry_points):
        reg.add(ext, origin)
    reg.check()
    log.debug("extractors: %s", ", ".join(reg.names()))
    return reg


_REGISTRY: Registry | None = None


def registry() -> Registry:
    """This process's registry, loaded on first use (built-ins, then installed plugins)."""
    global _REGISTRY
    if _REGISTRY is None:
        _REGISTRY = load_registry()
    return _REGISTRY
