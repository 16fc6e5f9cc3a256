"""WARC files: every HTML response record becomes an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, InputTooLarge, UnsupportedSource
from .capped import capped_gzip
from .decode import decode_bytes
from .html import from_html
from .items import Failure, Item


def read_warc(path: Path, *, max_bytes: int) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    typed = 0
    # A .warc.gz is decompressed here, capped (a bomb ends with E003 at once); warcio
    # then reads plain records. No header line may run past max_bytes without a newline.
    opened = (capped_gzip(path, max_run=max_bytes) if path.name.lower().endswith(".gz")
              else path.open("rb"))
    with opened as fh:
        try:
            for n, rec in enumerate(ArchiveIterator(fh)):
                typed += rec.rec_type is not None
                if rec.rec_type != "response":
                    continue
                ctype = (rec.http_headers.get_header("Content-Type") or "") if rec.http_headers else ""
                if "html" not in ctype.lower():
                    continue
                url = rec.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{n}"
                data = rec.content_stream().read(max_bytes + 1)
                try:
                    if len(data) > max_bytes:
                        raise UnsupportedSource(f"{where}: record over {max_bytes:,} bytes")
                    text, warning = decode_bytes(data, name=where)
                    raw = from_html(text, url=url, source=str(path))
                    if warning:
                        raw.warnings.append(warning)
                    yield raw
                except InputError as exc:
                    yield Failure(where, exc)
        except InputTooLarge as exc:
            yield Failure(str(path), exc)
            return
        except Exception as exc:  # warcio raises plain exceptions on corrupt archives
            yield Failure(str(path), UnsupportedSource(f"{path}: corrupt WARC: {exc}"))
            return
    if not typed:  # not one record could be read: not a WARC file, or an empty one
        yield Failure(str(path), UnsupportedSource(f"{path}: no WARC records found"))
