"""The actor knowledge base: states, named actors with dated roles, and role words (agents).

Built once per process from the shipped data files (derived from PETRARCH2 by
``tools/build_actors.py``, plus hand-written ``actors_hand.csv``) and the user's
``Settings.actors_files`` (newsgraph CSV/YAML or PETRARCH actor/agent files). Names are
indexed by :func:`codes.norm_key`; roles of PETRARCH entries are parsed on first use.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import DataFileError
from ..settings import Settings
from . import petrarch
from .codes import norm_key, norm_sector, split_code
from .entries import Entry, Role, State
from .userfile import UserActor, read_user_file

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "data"

Target = tuple[str, str]  # ("entry", id) | ("state" | "capital" | "city", iso3)


@dataclass
class KB:
    states: dict[str, State] = field(default_factory=dict)
    names: dict[str, list[Target]] = field(default_factory=dict)
    agents: dict[str, str] = field(default_factory=dict)  # role words -> sector
    first: dict[str, int] = field(default_factory=dict)  # first word -> longest name (words)
    agent_first: dict[str, int] = field(default_factory=dict)
    facilities: list[str] = field(default_factory=list)
    _raw: dict[str, tuple[str, str, list[str], str]] = field(default_factory=dict)
    _entries: dict[str, Entry] = field(default_factory=dict)
    _by_name: dict[str, str] = field(default_factory=dict)

    # -- reading -------------------------------------------------------------------
    def entry(self, ident: str) -> Entry:
        """The entry ``ident`` with its roles parsed (cached)."""
        hit = self._entries.get(ident)
        if hit is None:
            kind, name, aliases, raw_roles = self._raw[ident]
            roles = []
            for part in filter(None, raw_roles.split(";")):
                code, start, end = (part.split("/") + ["", ""])[:3]
                country, sector = split_code(code, self.states.keys())
                roles.append(Role(country, sector, _date(start), _date(end)))
            hit = Entry(ident, kind, name, aliases, roles, "petrarch2")
            self._entries[ident] = hit
        return hit

    def lookup(self, text: str) -> list[Target]:
        return self.names.get(norm_key(text), [])

    # -- building ------------------------------------------------------------------
    def add_name(self, name: str, target: Target, *, front: bool = False) -> None:
        key = norm_key(name)
        if not key:
            return
        targets = self.names.setdefault(key, [])
        if target in targets:
            return
        targets.insert(0, target) if front else targets.append(target)
        head = _first_word(key)
        self.first[head] = max(self.first.get(head, 0), _width(key))

    def add_agent(self, phrase: str, sector: str) -> None:
        key = norm_key(phrase)
        self.agents[key] = sector
        head = _first_word(key)
        self.agent_first[head] = max(self.agent_first.get(head, 0), _width(key))

    def add_user(self, actor: UserActor, source: str) -> None:
        """Add (or extend) an actor from a user-format file; its roles win over older ones."""
        if actor.kind == "state":
            iso = next((r.country for r in actor.roles if r.country), None) or actor.name[:3].upper()
            st = self.states.setdefault(iso, State(iso, actor.name))
            for name in [actor.name, *actor.aliases, *actor.demonyms]:
                st.aliases.append(name)
                self.add_name(name, ("state", iso), front=True)
            for cap in actor.capitals:
                st.capitals.append(cap)
                self.add_name(cap, ("capital", iso), front=True)
            return
        if actor.kind == "facility":
            self.facilities.extend([actor.name, *actor.aliases])
            return
        key = norm_key(actor.name)
        ident = self._by_name.get(key)
        if ident is None:
            ident = f"user:{key.replace(' ', '_')}" if source != "hand" else f"kb:{key.replace(' ', '_')}"
            while ident in self._raw:
                ident += "_"
            self._raw[ident] = (actor.kind, actor.name, [], "")
            self._by_name[key] = ident
        old = self.entry(ident)
        entry = Entry(ident, actor.kind if source != "hand" or old.kind != "person" else old.kind,
                      actor.name, list(dict.fromkeys([*actor.aliases, *old.aliases])),
                      [*actor.roles, *old.roles], source)
        self._entries[ident] = entry
        for name in [actor.name, *actor.aliases]:
            self.add_name(name, ("entry", ident), front=True)


def _date(value: str):
    from .entries import parse_date

    return parse_date(value) if value else None


def _first_word(key: str) -> str:
    return key.split(" ", 1)[0].split("-", 1)[0] if not key.startswith("-") else key


def _width(key: str) -> int:
    """Tokens a name spans in spaCy, roughly: words plus hyphens (split as infixes)."""
    return len(key.split(" ")) + 2 * key.count("-") + key.count("'")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        rows = [ln for ln in f if ln.strip() and not ln.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))


def _load_shipped(kb: KB) -> None:
    for row in _read_tsv(DATA / "actors_states.tsv"):
        iso = row["iso3"]
        st = State(iso, row["name"], _split(row["aliases"]), _split(row["capitals"]),
                   _split(row["cities"]))
        kb.states[iso] = st
    for row in _read_tsv(DATA / "actors_kb.tsv"):
        ident = row["id"]
        aliases = _split(row["aliases"])
        kb._raw[ident] = (row["kind"], row["name"], aliases, row["roles"])
        kb._by_name.setdefault(norm_key(row["name"]), ident)
        for name in [row["name"], *aliases]:
            kb.add_name(name, ("entry", ident))
    # States after entries' names so a country name outranks a namesake organisation.
    for iso, st in kb.states.items():
        kb.add_name(st.name, ("state", iso), front=True)
        for name in st.aliases:
            kb.add_name(name, ("state", iso))
        for cap in st.capitals:
            kb.add_name(cap, ("capital", iso), front=True)
        for city in st.cities:
            kb.add_name(city, ("city", iso))
    for path in ("actors_agents.tsv", "actors_agents_extra.tsv"):
        for row in _read_tsv(DATA / path):
            if row["sector"] == "-":  # the hand list withdraws a PETRARCH2 agent
                kb.agents.pop(norm_key(row["phrase"]), None)
            else:
                kb.add_agent(row["phrase"], row["sector"])
    for actor in read_user_file(DATA / "actors_hand.csv"):
        kb.add_user(actor, "hand")


def _split(cell: str | None) -> list[str]:
    return [v for v in (cell or "").split("|") if v]


def _load_petrarch(kb: KB, path: Path) -> None:
    """Add a PETRARCH actor or agent file."""
    if petrarch.looks_like_agents(path):
        for words, code in petrarch.read_file(path, "agents"):
            _, sector = split_code(code, kb.states.keys())
            if sector:
                kb.add_agent(words, sector)
        return
    raws = petrarch.read_file(path, "actors")
    for raw in raws:
        # A bare three-letter code that is no sector declares a state ("ARNOR_ [ARN]").
        codes = {c for c, _, _ in raw.codes}
        if len(codes) == 1 and len(code := codes.pop()) == 3 and code.isalpha() and (
            norm_sector(code) is None
        ):
            kb.add_user(UserActor(raw.name.title(), "state", raw.synonyms,
                                  [Role(code.upper(), None)]), str(path))
            raw.codes = []
    for raw in raws:
        roles = []
        for code, start, end in raw.codes:
            country, sector = split_code(code, kb.states.keys())
            roles.append(Role(country, sector, _date(start or ""), _date(end or "")))
        if not roles:
            continue
        kind = "person" if any(r.dated for r in roles) else "organisation"
        kb.add_user(UserActor(raw.name.title(), kind, raw.synonyms, roles), str(path))


def load_kb(files: tuple[str, ...] = ()) -> KB:
    """A fresh knowledge base: shipped data plus ``files`` (user formats or PETRARCH)."""
    kb = KB()
    _load_shipped(kb)
    for name in files:
        path = Path(name)
        if not path.is_file():
            raise DataFileError(f"actor file {name} does not exist")
        if path.suffix.lower() in {".csv", ".yaml", ".yml"}:
            for actor in read_user_file(path):
                kb.add_user(actor, str(path))
        else:
            _load_petrarch(kb, path)
        log.info("loaded actor file %s", path)
    return kb


@lru_cache(maxsize=4)
def _cached(files: tuple[str, ...]) -> KB:
    return load_kb(files)


def get_kb(settings: Settings) -> KB:
    """The process-wide knowledge base for these settings (built once)."""
    return _cached(tuple(settings.actors_files))
