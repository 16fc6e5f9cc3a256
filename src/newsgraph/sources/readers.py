"""Readers: turn paths, stdin and JSON lines into RawArticle items or per-document failures.

Supported: ``.txt``/``.text``/``.md``, ``.html``/``.htm``, ``.jsonl``/``.ndjson``, ``.gz`` of
these, ``.warc``/``.warc.gz``, directories (recursive) and ``-`` for stdin. A text or HTML
file may have a sidecar ``NAME.meta.json`` with ``published``, ``url``, ``title``, ``source``.
"""

from __future__ import annotations

import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import (
    BadJsonLine,
    EmptyInput,
    InputError,
    InputTooLarge,
    UnsupportedSource,
)
from ..model import RawArticle
from .capped import capped_gzip
from .decode import decode_bytes
from .html import from_html, looks_like_html
from .items import Failure, Item
from .outlet import outlet

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom"}
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES
META_SUFFIX = ".meta.json"
# Project files that sit beside articles in a folder; read only when named explicitly.
NOT_ARTICLES = {"readme", "license", "licence", "notice", "changelog", "contributing"}
# Binary streams read here: files, gzip files, stdin, in-memory bytes.
ByteStream = io.BufferedIOBase | BinaryIO


def read_inputs(paths: Iterable[str], *, max_bytes: int = 20_000_000,
                private_hosts: tuple[str, ...] = ()) -> Iterator[Item]:
    """Yield every article (or failure) found under ``paths``; URLs (and feeds' links) may
    reach loopback or private hosts only when ``private_hosts`` names them (see
    :class:`~newsgraph.sources.fetch.FetchPolicy`)."""
    for p in paths:
        if p == "-":
            yield from _read_stream(sys.stdin.buffer, "stdin", max_bytes)
            continue
        if p.startswith(("http://", "https://")):  # a page, or an RSS/Atom feed of pages
            from .remote import read_url  # deferred: httpx is slow to import

            yield from read_url(p, max_bytes=max_bytes, private_hosts=private_hosts)
            continue
        path = Path(p)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.name.split(".")[0].lower() in NOT_ARTICLES:
                    continue
                if child.is_file() and _inner_suffix(child) in KNOWN:
                    yield from read_file(child, max_bytes=max_bytes,
                                         private_hosts=private_hosts)
        elif path.exists():
            yield from read_file(path, max_bytes=max_bytes, private_hosts=private_hosts)
        else:
            yield Failure(str(path), UnsupportedSource(f"{path} does not exist"))


def _inner_suffix(path: Path) -> str:
    """The format suffix, looking through ``.gz``; sidecars are not inputs."""
    name = path.name.lower()
    if name.endswith(META_SUFFIX):
        return ""
    if name.endswith(".gz"):
        return Path(name[:-3]).suffix
    return path.suffix.lower()


def read_file(path: Path, *, max_bytes: int = 20_000_000,
              private_hosts: tuple[str, ...] = ()) -> Iterator[Item]:
    name = str(path)
    suffix = _inner_suffix(path)
    try:
        size = path.stat().st_size
        if suffix in WARC_SUFFIXES:
            from .warc import read_warc

            yield from read_warc(path, max_bytes=max_bytes)
            return
        if suffix in FEED_SUFFIXES:
            from .remote import read_feed_file

            with _open(path) as fh:  # a .rss.gz is decompressed (capped), never read whole
                data = fh.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputTooLarge(f"{name} is over {max_bytes:,} bytes (max_bytes)")
            yield from read_feed_file(path, max_bytes=max_bytes, data=data,
                                      private_hosts=private_hosts)
            return
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(_open(path), name, max_bytes=max_bytes)
            return
        if size > max_bytes and not path.name.endswith(".gz"):
            raise InputTooLarge(f"{name} is {size:,} bytes; the limit is {max_bytes:,} (max_bytes)")
        data = _open(path).read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputTooLarge(f"{name} is over {max_bytes:,} bytes (max_bytes)")
        meta = _sidecar(path)
        yield _from_bytes(data, name, suffix, meta)
    except InputError as exc:
        yield Failure(name, exc)
    except (OSError, EOFError, zlib.error) as exc:
        yield Failure(name, UnsupportedSource(f"{name}: cannot read: {exc}"))


def _open(path: Path) -> ByteStream:
    if path.name.lower().endswith(".gz"):
        return capped_gzip(path)  # streamed, with size and ratio caps (E003)
    return path.open("rb")


def _sidecar(path: Path) -> dict[str, str]:
    base = path.name[:-3] if path.name.endswith(".gz") else path.name
    meta = path.with_name(Path(base).stem + META_SUFFIX)
    if not meta.is_file():
        return {}
    data = json_object(meta.read_bytes(), f"{meta} (sidecar metadata)")
    return {k: str(v) for k, v in data.items() if v is not None}


def _from_bytes(data: bytes, name: str, suffix: str, meta: dict[str, str]) -> RawArticle:
    text, warning = decode_bytes(data, name=name)
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
        raw = from_html(text, url=meta.get("url"))
    else:
        raw = RawArticle(text=text)
    raw.url = meta.get("url", raw.url)
    raw.source = outlet(meta.get("source"), raw.url, raw.source, name)
    raw.title = meta.get("title", raw.title)
    raw.published = meta.get("published", raw.published)
    raw.id = meta.get("id", raw.id)
    if warning:
        raw.warnings.append(warning)
    return raw


def _read_stream(stream: ByteStream, name: str, max_bytes: int) -> Iterator[Item]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Failure(name, InputTooLarge(f"{name} is over {max_bytes:,} bytes (max_bytes)"))
        return
    head = data.lstrip()[:1]
    if head == b"{":
        yield from read_jsonl(io.BytesIO(data), name, max_bytes=max_bytes)
        return
    try:
        yield _from_bytes(data, name, "", {})
    except InputError as exc:
        yield Failure(name, exc)


def read_jsonl(stream: ByteStream, name: str, *, max_bytes: int) -> Iterator[Item]:
    """One article per line: ``text`` or ``html``, optional id/title/url/published/source.

    A line is read at most ``max_bytes`` at a time: a longer one is skipped up to its end
    (E003) without ever being held in memory whole.
    """
    seen = False
    n = 0
    while line := stream.readline(max_bytes + 1):
        n += 1
        where = f"{name}:{n}"
        if len(line) > max_bytes and not line.endswith(b"\n"):
            seen = True
            _skip_line(stream, max_bytes)
            yield Failure(where, InputTooLarge(f"{where}: line is over {max_bytes:,} bytes "
                                               "(max_bytes)"))
            continue
        if not line.strip():
            continue
        seen = True
        try:
            yield _from_json_line(line, where)
        except InputError as exc:
            yield Failure(where, exc)
    if not seen:
        yield Failure(name, EmptyInput(f"{name} has no JSON lines"))


def _skip_line(stream: ByteStream, chunk: int) -> None:
    """Read past the end of the current line, ``chunk`` bytes at a time."""
    while part := stream.readline(chunk):
        if part.endswith(b"\n"):
            return


def json_object(data: bytes | str, where: str) -> dict[str, Any]:
    """One JSON object (a JSON line, a sidecar, a posted body), or E005 naming ``where``: not
    JSON, nested too deeply for the parser, or not an object."""
    try:
        obj = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadJsonLine(f"{where}: not valid JSON ({exc})") from exc
    except RecursionError:  # json's C parser recurses once per level
        raise BadJsonLine(f"{where}: JSON nested too deeply (over about "
                          f"{sys.getrecursionlimit():,} levels)") from None
    if not isinstance(obj, dict):
        raise BadJsonLine(f"{where}: expected a JSON object, got {type(obj).__name__}")
    return obj


def _from_json_line(line: bytes, where: str) -> RawArticle:
    obj = json_object(line, where)
    text, html = obj.get("text"), obj.get("html")
    meta = {k: str(obj[k]) for k in ("id", "title", "url", "published", "source") if obj.get(k)}
    if isinstance(text, str):
        raw = RawArticle(text=text)
    elif isinstance(html, str):
        raw = from_html(html, url=meta.get("url"))
    else:
        raise BadJsonLine(f"{where}: needs a string field 'text' or 'html'")
    raw.id = meta.get("id", raw.id)
    raw.title = meta.get("title", raw.title)
    raw.url = meta.get("url", raw.url)
    raw.source = outlet(meta.get("source"), raw.url, raw.source, where.rsplit(":", 1)[0])
    raw.published = meta.get("published", raw.published)
    return raw
