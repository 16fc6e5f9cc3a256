"""CAMEO identity codes of non-state actors for the event exports.

newsgraph's records keep an international actor as country ``IGO`` (or NGO, MNC, IMG) and a
sector; the CAMEO actor codebook gives such actors a full code: the generic code, any region
or country, role codes, then the organisation's own three-letter code (NATO ``IGOWSTNAT``,
the EU ``IGOEUREEC``, the UN ``IGOUNO``, UNHCR ``IGOUNOREFHCR``). The full codes come from
the shipped actor knowledge base (``data/actors_kb.tsv``, derived from the PETRARCH2
dictionaries), looked up by the actor's name; the code vocabulary (generic, region and role
codes: tables 3.1-3.3 of the CAMEO 1.1b3 actor codebook) is in ``data/cameo_actor_codes.tsv``.

GDELT's ``KnownGroupCode`` is the organisation's own code: the last triple of the full code
that is neither generic, region, country, role, religion nor ethnic group (``NAT``, ``EEC``, ``UNO``,
``HCR``, ``AMN``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from importlib import resources

from ..actors.codes import CAMEO_TO_ISO, NON_STATE, norm_key
from ..isodate import parse_day

__all__ = ["Identity", "identity", "known_group", "code_vocabulary"]


@dataclass(frozen=True)
class Identity:
    code: str  # full CAMEO actor code ("IGOWSTNAT"; "TURGOV" for states)
    country: str  # the country in the code ("TUR"; "USA" for NGOUSA), or ""
    known_group: str  # the organisation's own code ("NAT"), or ""
    types: tuple[str, ...]  # CAMEO type/role codes, at most three ("IGO", "REF")


@functools.lru_cache(maxsize=1)
def code_vocabulary() -> dict[str, str]:
    """CAMEO actor code -> its kind (``generic``, ``region``, ``role``, ``religion``,
    ``ethnic``)."""
    data = resources.files("newsgraph") / "data" / "cameo_actor_codes.tsv"
    with data.open(encoding="utf-8") as fh:
        rows = (r for r in fh if not r.startswith("#"))
        return {row["code"]: row["kind"] for row in csv.DictReader(rows, delimiter="\t")}


@functools.lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """ISO alpha-3 codes of the shipped states, and CAMEO's own spellings (GER, JAP ...)."""
    data = resources.files("newsgraph") / "data" / "actors_states.tsv"
    with data.open(encoding="utf-8") as fh:
        iso = {row["iso3"] for row in csv.DictReader(fh, delimiter="\t")}
    return frozenset(iso | set(CAMEO_TO_ISO))


def _triples(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code) - len(code) % 3, 3)]


def known_group(code: str) -> str:
    """The organisation's own code in a full CAMEO code ("IGOWSTNAT" -> "NAT"), or ""."""
    triples = _triples(code.upper())
    vocab = code_vocabulary()
    if not triples or vocab.get(triples[0]) != "generic":
        return ""
    own = [t for t in triples[1:]
           if t.isalpha() and t not in vocab and t not in _countries()]
    return own[-1] if own else ""


def _types(code: str) -> tuple[str, ...]:
    vocab = code_vocabulary()
    triples = _triples(code.upper())
    types = [t for t in triples if vocab.get(t) in {"generic", "role"}]
    return tuple(dict.fromkeys(types))[:3]


Role = tuple[str, dt.date | None, dt.date | None]


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, list[Role]]:
    """Normalised name or alias -> the international roles (code, start, end) it carries."""
    data = resources.files("newsgraph") / "data" / "actors_kb.tsv"
    out: dict[str, list[Role]] = {}
    with data.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            roles = []
            for part in filter(None, (row["roles"] or "").split(";")):
                code, start, end = (part.split("/") + ["", ""])[:3]
                if code[:3] in NON_STATE or code[:3] in {"NGM", "INT"}:
                    roles.append((code, parse_day(start), parse_day(end)))
            if not roles:
                continue
            for name in [row["name"], *filter(None, (row["aliases"] or "").split("|"))]:
                out.setdefault(norm_key(name), []).extend(roles)
    return out




def _lookup(name: str, generic: str, day: dt.date | None) -> str | None:
    key = norm_key(name)
    roles = _table().get(key) or _table().get(key.removeprefix("the "))
    if not roles:
        return None
    fitting = [r for r in roles if r[0].startswith(generic)]
    if day is not None:
        dated = [r for r in fitting if (r[1] is None or r[1] <= day) and (r[2] is None or day <= r[2])]
        fitting = dated or fitting
    # Undated (standing) codes first, then the most specific one.
    fitting.sort(key=lambda r: (r[1] is not None or r[2] is not None, -len(r[0])))
    return fitting[0][0] if fitting else None


def identity(code: str | None, name: str | None, country: str | None, sector: str | None,
             day: dt.date | None = None) -> Identity:
    """The CAMEO identity of an exported actor.

    A state actor keeps its composite code (``TURGOV``, type ``GOV``). A non-state actor
    (country IGO, NGO, MNC, IMG) gets its full code from the knowledge base by name, valid
    on ``day``; without one, the generic code plus a sector that differs from it (``IGO``,
    ``IGOMIL``), never the doubled ``IGOIGO``.
    """
    if not country or country not in NON_STATE:
        types = (sector,) if sector else ()
        return Identity(code or "", country or "", "", types)
    full = _lookup(name, country, day) if name else None
    if not full:
        full = country + (sector if sector and sector != country else "")
    home = next((t for t in _triples(full)[1:] if t in _countries()), "")
    return Identity(full, CAMEO_TO_ISO.get(home, home), known_group(full),
                    _types(full) or (country,))
