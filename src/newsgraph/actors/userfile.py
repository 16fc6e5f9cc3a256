"""Users' own actor dictionaries: newsgraph CSV or YAML (format in docs/actors.md).

CSV columns: ``name, aliases, country, sector, kind, valid_from, valid_to, role`` and,
for ``kind=state`` rows, optional ``demonyms`` and ``capitals``. Several rows with the
same name give one actor several dated roles. Lists inside a cell are ``|``-separated.
Lines starting with ``#`` are comments. YAML: a list of mappings with the same keys
(lists may be YAML lists).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from .entries import Role, parse_date

KINDS = frozenset({"person", "organisation", "group", "state", "facility"})


@dataclass
class UserActor:
    """All rows of one name merged."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)


def _list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split("|") if v.strip()]


def _rows(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in {".yaml", ".yml"}:
        import yaml

        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as exc:
            raise DataFileError(f"{path}: not valid YAML: {exc}") from exc
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise DataFileError(f"{path}: YAML actor file must be a list of mappings")
        return data
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise DataFileError(f"{path}: CSV actor file needs a header with at least 'name'")
    return list(reader)


def read_user_file(path: str | Path) -> list[UserActor]:
    """Read a newsgraph CSV/YAML actor file; DataFileError (E030) names the bad row."""
    p = Path(path)
    try:
        rows = _rows(p)
    except OSError as exc:
        raise DataFileError(f"cannot read actor file {p}: {exc}") from exc
    merged: dict[str, UserActor] = {}
    for n, row in enumerate(rows, start=2):
        name = str(row.get("name") or "").strip()
        if not name:
            raise DataFileError(f"{p}: row {n} has no name")
        kind = str(row.get("kind") or "person").strip().lower()
        if kind == "organization":
            kind = "organisation"
        if kind not in KINDS:
            raise DataFileError(f"{p}: row {n}: kind {kind!r} is not one of {sorted(KINDS)}")
        try:
            start = parse_date(str(row.get("valid_from") or "") or None)
            end = parse_date(str(row.get("valid_to") or "") or None)
        except ValueError as exc:
            raise DataFileError(f"{p}: row {n}: {exc}") from exc
        country = str(row.get("country") or "").strip().upper() or None
        sector = str(row.get("sector") or "").strip().upper() or None
        actor = merged.setdefault(name, UserActor(name, kind))
        for alias in _list(row.get("aliases")):
            if alias not in actor.aliases:
                actor.aliases.append(alias)
        actor.demonyms.extend(d for d in _list(row.get("demonyms")) if d not in actor.demonyms)
        actor.capitals.extend(c for c in _list(row.get("capitals")) if c not in actor.capitals)
        role = str(row.get("role") or "").strip() or None
        if country or sector or role:
            actor.roles.append(Role(country, sector, start, end, role))
    return list(merged.values())
