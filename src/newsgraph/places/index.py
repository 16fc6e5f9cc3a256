"""The gazetteer's compact, read-only index: flat typed columns in one file.

Every entry is a row of columns (name offsets into one UTF-8 blob, feature, country and
division codes, latitude, longitude, population, GeoNames id, capital flag); every lookup
key (``norm`` of a name or alternative name) points to a run of entry numbers in a postings
column, own names first. Keys are found through an open-addressing hash table keyed on
CRC-32, so a lookup costs a few array reads. The file is memory-mapped: loading takes
milliseconds, only the pages a process touches become resident, and worker processes share
them through the page cache.
"""

from __future__ import annotations

import functools
import json
import mmap
import struct
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAGIC = b"NGGAZ\x00\x01\x00"
_HEADER = struct.Struct("<8sQ")  # magic, JSON header length


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry."""

    name: str
    feature: str  # country | admin1 | admin2 | city | continent | region | facility
    country: str | None  # ISO alpha-3
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    geonameid: int | None = None
    capital: bool = False


# Column name -> array type code.
_COLUMNS = {
    "name_off": "I",  # entries + 1 offsets into the name blob
    "feature": "B",
    "country": "H",  # index into header["countries"]; 0 is None
    "admin1": "I",  # index into header["admin1"]; 0 is None
    "lat": "d",
    "lon": "d",
    "population": "q",
    "geonameid": "i",  # 0 is None
    "capital": "B",
    "key_off": "I",  # keys + 1 offsets into the key blob
    "post_off": "I",  # keys + 1 offsets into postings
    "n_primary": "I",  # per key: how many of its postings bear it as their own name
    "postings": "I",
    "table": "i",  # hash slots: key number + 1, 0 empty
}
_BLOBS = ("names", "keys")


def _slot(key: bytes, mask: int) -> int:
    return zlib.crc32(key) & mask


def pack(
    entries: list[Entry],
    names: dict[str, list[int]],
    aliases: dict[str, list[int]],
    demonyms: dict[str, int],
    by_iso3: dict[str, int],
    extra: dict[str, object],
) -> bytes:
    """Serialise an index built in memory to the file layout ``Index`` reads."""
    features = sorted({e.feature for e in entries})
    countries = [""] + sorted({e.country for e in entries if e.country})
    admin1 = [""] + sorted({e.admin1 for e in entries if e.admin1})
    f_idx = {f: i for i, f in enumerate(features)}
    c_idx = {c: i for i, c in enumerate(countries)}
    a_idx = {a: i for i, a in enumerate(admin1)}
    cols: dict[str, array[Any]] = {k: array(t) for k, t in _COLUMNS.items()}
    blob = bytearray()
    cols["name_off"].append(0)
    for e in entries:
        blob += e.name.encode("utf-8")
        cols["name_off"].append(len(blob))
        cols["feature"].append(f_idx[e.feature])
        cols["country"].append(c_idx[e.country or ""])
        cols["admin1"].append(a_idx[e.admin1 or ""])
        cols["lat"].append(e.lat)
        cols["lon"].append(e.lon)
        cols["population"].append(e.population)
        cols["geonameid"].append(e.geonameid or 0)
        cols["capital"].append(int(e.capital))
    keys = sorted(set(names) | set(aliases))
    key_blob = bytearray()
    cols["key_off"].append(0)
    cols["post_off"].append(0)
    size = 1
    while size < 2 * len(keys):
        size *= 2
    table = [0] * size
    for k, key in enumerate(keys):
        raw = key.encode("ascii", "ignore")
        key_blob += raw
        cols["key_off"].append(len(key_blob))
        own = names.get(key, [])
        others = [i for i in aliases.get(key, []) if i not in set(own)]
        cols["postings"].extend(own + others)
        cols["post_off"].append(len(cols["postings"]))
        cols["n_primary"].append(len(own))
        s = _slot(raw, size - 1)
        while table[s]:
            s = (s + 1) & (size - 1)
        table[s] = k + 1
    cols["table"] = array("i", table)
    sections: dict[str, bytes] = {"names": bytes(blob), "keys": bytes(key_blob)}
    sections.update({k: a.tobytes() for k, a in cols.items()})
    header: dict[str, object] = {
        "features": features,
        "countries": countries,
        "admin1": admin1,
        "demonyms": demonyms,
        "by_iso3": by_iso3,
        "extra": extra,
        "sections": {},
    }
    body = bytearray()
    for name, data in sections.items():
        body += b"\x00" * (-len(body) % 8)  # aligned columns
        header["sections"][name] = [len(body), len(data)]  # type: ignore[index]
        body += data
    head = json.dumps(header, separators=(",", ":")).encode("utf-8")
    head += b" " * (-(len(head) + _HEADER.size) % 8)
    return _HEADER.pack(MAGIC, len(head)) + head + bytes(body)


class Index:
    """Read-only lookups over a packed index (a file mapped in memory, or bytes)."""

    def __init__(self, buf: bytes | mmap.mmap) -> None:
        magic, n = _HEADER.unpack_from(buf, 0)
        if magic != MAGIC:
            raise ValueError("not a newsgraph gazetteer index")
        header = json.loads(bytes(buf[_HEADER.size : _HEADER.size + n]))
        base = _HEADER.size + n
        view = memoryview(buf)
        col: dict[str, memoryview] = {}
        for name, (off, length) in header["sections"].items():
            part = view[base + off : base + off + length]
            col[name] = part if name in _BLOBS else part.cast(_COLUMNS[name])  # type: ignore[call-overload]  # a typecode from the table
        self._buf = buf  # keeps the mapping open
        self._col = col
        self._features: list[str] = header["features"]
        self._countries: list[str | None] = [c or None for c in header["countries"]]
        self._admin1: list[str | None] = [a or None for a in header["admin1"]]
        self.demonyms: dict[str, int] = header["demonyms"]
        self.by_iso3: dict[str, int] = header["by_iso3"]
        self.extra: dict[str, object] = header["extra"]
        self._mask = len(col["table"]) - 1
        self.size = len(col["lat"])
        self.lookup = functools.lru_cache(maxsize=65_536)(self._lookup)

    @classmethod
    def open(cls, path: Path) -> Index:
        with path.open("rb") as fh:
            try:
                buf: bytes | mmap.mmap = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
            except (OSError, ValueError):  # a file system without mmap
                buf = fh.read()
        return cls(buf)

    def entry(self, i: int) -> Entry:
        c = self._col
        return Entry(
            bytes(c["names"][c["name_off"][i] : c["name_off"][i + 1]]).decode("utf-8"),
            self._features[c["feature"][i]],
            self._countries[c["country"][i]],
            self._admin1[c["admin1"][i]],
            c["lat"][i],
            c["lon"][i],
            c["population"][i],
            c["geonameid"][i] or None,
            bool(c["capital"][i]),
        )

    def _key_number(self, key: str) -> int | None:
        raw = key.encode("ascii", "ignore")
        c = self._col
        table, keys, off = c["table"], c["keys"], c["key_off"]
        s = _slot(raw, self._mask)
        while True:
            k = table[s] - 1
            if k < 0:
                return None
            if keys[off[k] : off[k + 1]] == raw:
                return k
            s = (s + 1) & self._mask

    def _lookup(self, key: str) -> tuple[tuple[Entry, bool], ...]:
        """Entries bearing ``key`` (a ``norm`` key), each with True for its own name."""
        k = self._key_number(key)
        if k is None:
            return ()
        c = self._col
        start, end = c["post_off"][k], c["post_off"][k + 1]
        own = start + c["n_primary"][k]
        return tuple((self.entry(c["postings"][p]), p < own) for p in range(start, end))
