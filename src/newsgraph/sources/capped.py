"""Gzip decompressed as a stream with caps: a bomb ends with E003, never in memory whole.

``capped_gzip(path, ...)`` is a binary file object over the decompressed bytes of a
``.gz`` file (several members are read one after another). It raises
:class:`~newsgraph.errors.InputTooLarge` as soon as the output passes ``max_out`` bytes,
or the output/input ratio passes ``max_ratio`` once at least ``RATIO_AFTER`` bytes came
out, or (``max_run``) that many bytes pass without a newline: a line no reader could use.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path

from ..errors import InputTooLarge

CHUNK = 64 * 1024
RATIO_AFTER = 1_000_000  # small files compress far better than books; judge after 1 MB
MAX_RATIO = 100  # text gzips 3-10x, repetitive JSONL up to ~30x; a bomb 1,000x
MAX_OUT = 4_000_000_000


class CappedGzip(io.RawIOBase):
    def __init__(self, raw: io.BufferedIOBase, name: str, *, max_out: int = MAX_OUT,
                 max_ratio: float = MAX_RATIO, max_run: int | None = None) -> None:
        self._raw, self.name = raw, name
        self.max_out, self.max_ratio, self.max_run = max_out, max_ratio, max_run
        self._z = zlib.decompressobj(wbits=47)  # gzip or zlib header, auto-detected
        self._pending = b""
        self.read_in = self.written = 0
        self._run = 0
        self._eof = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def,override]
        while not self._pending and not self._eof:
            self._pending = self._more(len(buffer))
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n

    def _more(self, want: int) -> bytes:
        z = self._z
        if z.unconsumed_tail:
            data = z.decompress(z.unconsumed_tail, max(want, CHUNK))
        elif z.eof:
            rest = z.unused_data or self._read_in()
            if not rest.strip(b"\0"):
                self._eof = True
                return b""
            self._z = zlib.decompressobj(wbits=47)  # the next gzip member
            data = self._z.decompress(rest, max(want, CHUNK))
        else:
            chunk = self._read_in()
            if not chunk:
                self._eof = True
                return self._z.flush()
            data = z.decompress(chunk, max(want, CHUNK))
        self._check(data)
        return data

    def _read_in(self) -> bytes:
        chunk = self._raw.read(CHUNK)
        self.read_in += len(chunk)
        return chunk

    def _check(self, data: bytes) -> None:
        self.written += len(data)
        if self.written > self.max_out:
            raise InputTooLarge(f"{self.name}: decompresses to over {self.max_out:,} bytes "
                                "(the decompressed-size cap)")
        if self.written > RATIO_AFTER and self.written > self.max_ratio * max(self.read_in, 1):
            raise InputTooLarge(f"{self.name}: compressed over {self.max_ratio:g} to 1 "
                                "(the compression-ratio cap): a decompression bomb?")
        if self.max_run is not None:
            nl = data.rfind(b"\n")
            self._run = len(data) - nl - 1 if nl >= 0 else self._run + len(data)
            if self._run > self.max_run:
                raise InputTooLarge(f"{self.name}: over {self.max_run:,} bytes without a "
                                    "line break (max_bytes)")

    def close(self) -> None:
        self._raw.close()
        super().close()


def capped_gzip(path: Path, *, max_out: int = MAX_OUT, max_ratio: float = MAX_RATIO,
                max_run: int | None = None) -> io.BufferedReader:
    """The decompressed bytes of the ``.gz`` file at ``path``, capped (see module doc)."""
    raw = CappedGzip(path.open("rb"), str(path), max_out=max_out, max_ratio=max_ratio,
                     max_run=max_run)
    return io.BufferedReader(raw, buffer_size=CHUNK)
