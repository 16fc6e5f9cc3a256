"""Bytes to text: encoding detection and binary refusal.

Order: a byte-order mark (UTF-32 or UTF-16, either byte order; UTF-8's is dropped), then
UTF-16/UTF-32 without a mark when the NUL bytes fall where that encoding puts them (ASCII
letters in UTF-16 LE are ``X\\0``), then UTF-8, then the detected single- or multi-byte
encoding. Only after that is the text checked for binary content, so UTF-16 text, which is
full of NUL bytes, is not mistaken for binary data.
"""

from __future__ import annotations

import codecs

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


# Longest marks first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _wide_encoding(head: bytes) -> str | None:
    """UTF-16/32 named by a byte-order mark, or recognised by where its NUL bytes fall."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    n = len(head) - len(head) % 4
    if n < 8 or b"\x00" not in head:
        return None
    lanes = [head[i:n:4].count(0) / (n // 4) for i in range(4)]
    if lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] > 0.9 and lanes[0] < 0.1:
        return "utf-32-le"
    if lanes[0] > 0.9 and lanes[1] > 0.9 and lanes[2] > 0.9 and lanes[3] < 0.1:
        return "utf-32-be"
    even = head[0:n:2].count(0) / (n // 2)
    odd = head[1:n:2].count(0) / (n // 2)
    if odd > 0.6 and even < 0.05:
        return "utf-16-le"
    if even > 0.6 and odd < 0.05:
        return "utf-16-be"
    return None


def _text_looks_binary(text: str) -> bool:
    head = text[:8192]
    control = sum(1 for ch in head if ord(ch) in _CONTROL)
    return "\x00" in head or control > 0.10 * max(len(head), 1)


def decode_bytes(data: bytes, *, name: str = "<input>") -> tuple[str, str | None]:
    """Return (text, warning). UTF-16/32 by byte-order mark or NUL pattern, then UTF-8,
    then the detected encoding; any encoding but UTF-8 comes with a warning (W002)."""
    if not data.strip():
        raise EmptyInput(f"{name} is empty")
    wide = _wide_encoding(data[:8192])
    if wide:
        bom = next((b for b, e in _BOMS if e == wide and data.startswith(b)), b"")
        try:
            text = data[len(bom):].decode(wide)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            if not text.strip():
                raise EmptyInput(f"{name} is empty")
            if _text_looks_binary(text):
                raise BinaryInput(f"{name} looks binary (control characters), not text")
            how = " (byte-order mark)" if bom else " (no byte-order mark)"
            return text, W002(name=name, encoding=wide.upper() + how)
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
