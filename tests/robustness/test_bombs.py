"""Decompression bombs end with E003 quickly and in bounded memory; big plain inputs end."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
import time
import zlib
from pathlib import Path

import pytest


def _bomb(path: Path, head: bytes, filler: bytes, total: int, tail: bytes = b"") -> None:
    """A gzip file of ``head + filler... + tail`` decompressing to ``total`` bytes."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    with path.open("wb") as fh:
        fh.write(z.compress(head))
        block = filler * (1_000_000 // len(filler))
        for _ in range(total // len(block)):
            fh.write(z.compress(block))
        fh.write(z.compress(tail) + z.flush())


def _run_ingest(path: Path, tmp_path: Path) -> tuple[str, float, int]:
    """Read ``path`` in a child process: its failures, seconds, and peak RSS in MB."""
    code = textwrap.dedent(f"""
        import json, re
        from newsgraph.sources import Failure, read_inputs
        out = [i.code if isinstance(i, Failure) else "article" for i in read_inputs([{str(path)!r}])]
        print(json.dumps(out))
        # VmHWM is this process's own peak; ru_maxrss would carry the parent's peak across exec
        with open("/proc/self/status") as fh:
            print(int(re.search(r"VmHWM:\\s+(\\d+)", fh.read()).group(1)) // 1024)
    """)
    t = time.monotonic()
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60)
    took = time.monotonic() - t
    assert res.returncode == 0, res.stderr[-2000:]
    codes, rss = res.stdout.strip().splitlines()[-2:]
    return codes, took, int(rss)


@pytest.mark.parametrize("name", ["bomb.jsonl.gz", "bomb.warc.gz", "bomb.txt.gz"])
def test_gzip_bombs_end_with_e003_fast_and_small(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".warc.gz"):
        head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\r\n"
                b"Content-Type: application/http; msgtype=response\r\n"
                b"Content-Length: 9000000000\r\n\r\nHTTP/1.1 200 OK\r\nX-Pad: ")
    else:
        head = b'{"text": "' if "jsonl" in name else b""
    _bomb(path, head, b"a", 3_000_000_000)  # 3 GB of one line, ~3 MB on disk
    codes, took, rss = _run_ingest(path, tmp_path)
    assert json.loads(codes) == ["E003"]
    assert took < 10 and rss < 1024, (took, rss)


def test_ordinary_gzip_jsonl_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.jsonl.gz"
    with gzip.open(path, "wb") as fh:
        for i in range(3000):
            fh.write(json.dumps({"text": f"Story {i}: the talks in Ankara went on."}).encode()
                     + b"\n")
    codes, _, _ = _run_ingest(path, tmp_path)
    assert json.loads(codes) == ["article"] * 3000


def test_big_plain_jsonl_ends(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"text": "The talks in Ankara went on. " * 30}).encode() + b"\n"
    path.write_bytes(line * (50_000_000 // len(line)))
    codes, took, rss = _run_ingest(path, tmp_path)
    assert set(json.loads(codes)) == {"article"} and took < 60

