"""Bytes to text: encoding detection and binary refusal."""

from __future__ import annotations

import charset_normalizer

from ..errors import W002, BadEncoding, BinaryInput, EmptyInput

# Control characters other than tab/newline/carriage return/form feed mark binary data.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """NUL bytes, or more than 10 % control bytes in the first 8 KiB, mean binary."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b in _CONTROL)
    return control > 0.10 * max(len(head), 1)


def decode_bytes(data: bytes, *, name: str = "<input>") -> tuple[str, str | None]:
    """Return (text, warning). UTF-8 first; otherwise the detected encoding, with a warning."""
    if not data.strip():
        raise EmptyInput(f"{name} is empty")
    if looks_binary(data):
        raise BinaryInput(f"{name} looks binary (NUL or control bytes), not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    matches = charset_normalizer.from_bytes(data[:200_000])
    encodings = [m.encoding for m in matches if m.encoding]
    if not encodings:
        raise BadEncoding(f"{name}: cannot detect the text encoding")
    # Single-byte Western pages are far more often Windows-1252 than its look-alikes
    # (cp1250, cp1257 ...), which decode the same bytes without error but wrongly.
    encoding = "cp1252" if "cp1252" in encodings else encodings[0]
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BadEncoding(f"{name}: cannot decode as {encoding}: {exc}") from exc
    return text, W002(name=name, encoding=encoding)
