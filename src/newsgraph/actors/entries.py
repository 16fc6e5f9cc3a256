"""Knowledge-base records: states, and actors (people, organisations, groups) with dated roles."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Role:
    """What an actor is between two dates (either end open); undated roles are defaults."""

    country: str | None
    sector: str | None
    start: dt.date | None = None
    end: dt.date | None = None
    title: str | None = None  # "president", "foreign minister" ...

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """A named actor: its names, and its roles over time (earlier sources' roles last)."""

    id: str
    kind: str  # person | organisation | group | state
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    source: str = ""

    def role_on(self, day: dt.date | None) -> tuple[Role | None, bool]:
        """The role valid on ``day`` and whether it is dated-exact (False: a fallback)."""
        dated = [r for r in self.roles if r.dated]
        default = next((r for r in self.roles if not r.dated), None)
        if day is not None:
            hit = next((r for r in dated if r.valid_on(day)), None)
            if hit:
                return hit, True
            if default:
                return default, not dated
            return _closest(dated, day), False
        if dated:
            latest = max(dated, key=lambda r: r.start or dt.date.min)
            return latest, False
        return default, default is not None


def _closest(roles: list[Role], day: dt.date) -> Role | None:
    """The role that ended last before ``day`` (else the earliest future one)."""
    past = [r for r in roles if r.end and r.end < day]
    if past:
        return max(past, key=lambda r: r.end or dt.date.min)
    return min(roles, key=lambda r: r.start or dt.date.max) if roles else None


@dataclass
class State:
    iso3: str
    name: str
    aliases: list[str] = field(default_factory=list)  # names and adjectives ("Turkish")
    capitals: list[str] = field(default_factory=list)  # capitals: metonyms for the government
    cities: list[str] = field(default_factory=list)  # other places that stand for the state


def parse_date(value: str | None) -> dt.date | None:
    """ISO "2014-08-28", "2014-08", "2014", or PETRARCH "20140828" / "140828" (yy<=30: 20yy)."""
    if not value:
        return None
    v = value.strip().replace("-", "")
    if not v.isdigit():
        raise ValueError(f"bad date {value!r}")
    if len(v) == 6 and "-" not in value.strip():
        yy = int(v[:2])
        v = f"{2000 + yy if yy <= 30 else 1900 + yy}{v[2:]}"
    elif len(v) == 4:
        v += "0101"
    elif len(v) == 6:
        v += "01"
    month, day = max(1, min(12, int(v[4:6]))), max(1, int(v[6:8]))
    for d in (day, 30, 28):
        try:
            return dt.date(int(v[:4]), month, min(d, day))
        except ValueError:
            continue
    raise ValueError(f"bad date {value!r}")
