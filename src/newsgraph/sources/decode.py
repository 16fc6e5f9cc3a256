"""Bytes to text: encoding detection and binary refusal."""

from __future__ import annotations

import charset_normalizer

from ..errors import BadEncoding, BinaryInput, EmptyInput

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
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or not best.encoding:
        raise BadEncoding(f"{name}: cannot detect the text encoding")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise BadEncoding(f"{name}: cannot decode as {best.encoding}: {exc}") from exc
    return text, f"W002: {name} is not UTF-8; decoded as {best.encoding}"
