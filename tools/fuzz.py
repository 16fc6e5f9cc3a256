"""Fuzz every reader and ``process_batch`` with seeded random documents.

    python tools/fuzz.py --docs 3000            # a short run
    python tools/fuzz.py --docs 100000 --seed 7 # the long run (make fuzz DOCS=100000)

Each document is generated from a seeded ``random.Random``: mutated real articles
(truncation, splices, control characters, random Unicode with lone surrogates, RTL and
zero-width marks, repeated units) wrapped as plain text, HTML (unbalanced tags, thousands of
attributes, deep nesting), JSON lines (deep nesting, surrogate escapes, wrong types, bad
URLs and dates), WARC (plain and gzip, cut short), RSS/Atom feeds (bad links; their pages
come from an in-memory transport, never the network) and gzip of each. Every document goes
through its reader; every article read goes through ``process_batch``, and every record
must encode as UTF-8 JSON (what the store and the API do with it).

An exception escaping a reader or ``process_batch`` is a finding: it is counted, its
document saved under ``--out`` for a rerun, and the run exits 1. The report gives the
documents run, items and codes, uncaught exceptions, the slowest document and the peak
RSS (VmHWM, Linux) of this process.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import io
import json
import logging
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.model import RawArticle  # noqa: E402
from newsgraph.sources import Failure  # noqa: E402
from newsgraph.sources.readers import read_file  # noqa: E402

SEEDS = [
    "Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in St "
    "Petersburg on Tuesday, their first meeting since Turkey shot down a Russian warplane.",
    "By Jane Doe, Reuters\nANKARA, Nov 24 (Reuters) - Turkey said it shot down a Russian jet "
    "near the Syrian border. \"We will not tolerate violations,\" Prime Minister Davutoglu said.",
    "Share this article\nAdvertisement\nThe United Nations called for a ceasefire in Aleppo "
    "late last month, officials said on Wednesday. Read more: related stories",
    "Protesters clashed with police in Istanbul three days ago; the government denied that "
    "troops had fired on the crowd. Germany and France urged restraint.",
]
ODD = ["\ud800", "\udfff", "\u202e", "\u200f", "\u200b", "\ufeff", "\x00", "\x07", "\x1b",
       "\u2028", "\ufffd", "\U0001f600", "\u0301", "\r", "\t", "é", "İ", "ß", "日本", "عربى"]
UNITS = ["Ab Cd, ", "By ", "(", "[", "{", "<b>", "&amp;", "&#xD800;", "\\ud800", "a", " ",
         "\n", "\n\n", "http://x:1:", "99999999 days ago", "Share ", "© ", "1"]
DATES = ["2016-08-09", "", "not a date", "99999-99-99", "2016-02-30", "\ud800", "0000-00-00",
         "9999999999 days ago"]
MAX_TEXT = 20_000
URLS = ["https://news.invalid/a.html", "http://x:1:", "javascript:alert(1)", "", "//x",
        "http://[::1", "https://\u202e.invalid/", "ftp://x/y", " http://x/ "]


def _text(r: random.Random) -> str:
    """A mutated article: a seed (or two spliced), then a few random edits."""
    text = r.choice(SEEDS)
    if r.random() < 0.3:
        other = r.choice(SEEDS)
        text = text[: r.randrange(len(text) + 1)] + other[r.randrange(len(other) + 1):]
    for _ in range(r.randrange(6)):
        op = r.random()
        pos = r.randrange(len(text) + 1)
        if op < 0.25:
            text = text[:pos] + r.choice(ODD) + text[pos:]
        elif op < 0.45:
            text = text[:pos] + r.choice(UNITS) * r.choice([1, 2, 10, 50, 300]) + text[pos:]
        elif op < 0.6:
            text = text[:pos]  # truncated
        elif op < 0.75:
            text = "".join(chr(r.choice([r.randrange(32, 127), r.randrange(0x80, 0x3000),
                                         r.randrange(0xD800, 0xE000), r.randrange(0, 32)]))
                           for _ in range(r.randrange(1, 200))) + text
        elif op < 0.85:
            text = text.upper() if r.random() < 0.5 else text.replace(" ", "\n")
        else:
            text = text * r.choice([2, 5, 20])
        text = text[:MAX_TEXT]  # edits compound: keep a document small enough to run many
    return text


def _enc(text: str, r: random.Random) -> bytes:
    """Bytes of ``text``: UTF-8 (lone surrogates as surrogateescape or replaced), sometimes
    another encoding, sometimes cut inside a character."""
    choice = r.random()
    if choice < 0.1:
        data = text.encode("utf-16", "surrogatepass")
    elif choice < 0.2:
        data = text.encode("cp1252", "replace")
    else:
        data = text.encode("utf-8", "surrogatepass")
    if r.random() < 0.1:
        data = data[: r.randrange(len(data) + 1)]
    return data


def _html(r: random.Random) -> str:
    body = "".join(f"<p>{p}</p>" for p in _text(r).split("\n"))
    if r.random() < 0.2:
        attrs = " ".join(f'd{i}="{i}"' for i in range(r.choice([10, 500, 5000])))
        body = f"<div {attrs}>{body}</div>"
    if r.random() < 0.2:
        depth = r.choice([50, 300, 3000])
        body = "<div>" * depth + body + "</div>" * r.randrange(depth + 1)
    if r.random() < 0.2:
        body += r.choice(["<script>", "<!--", "<p", "</html>", "<![CDATA[", "<?xml"])
    title = _text(r)[:80].replace("<", "")
    page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
    return page[: r.randrange(len(page) + 1)] if r.random() < 0.1 else page


def _json_line(r: random.Random) -> bytes:
    obj: dict[str, object] = {r.choice(["text", "html"]): _text(r) if r.random() < 0.7 else _html(r)}
    if r.random() < 0.5:
        obj["published"] = r.choice(DATES)
    if r.random() < 0.5:
        obj["url"] = r.choice(URLS)
    if r.random() < 0.2:
        obj[r.choice(["title", "id", "source"])] = r.choice([_text(r)[:50], 7, None, ["x"]])
    if r.random() < 0.05:
        obj["text"] = r.choice([None, 1, [], {"a": 1}])
    line = json.dumps(obj, ensure_ascii=r.random() < 0.5).encode("utf-8", "surrogatepass")
    pick = r.random()
    if pick < 0.05:
        depth = r.choice([10, 2000, 100_000])
        line = b'{"text": ' + b"[" * depth + b"]" * depth + b"}"
    elif pick < 0.1:
        line = line[: r.randrange(len(line) + 1)]
    elif pick < 0.13:
        line = r.choice([b"[]", b"null", b"1", b'"x"', b"{", b"\xff\xfe", b"{}"])
    return line


def _warc(r: random.Random) -> bytes:
    out = [b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 0\r\n\r\n\r\n\r\n"]
    for _ in range(r.randrange(1, 4)):
        payload = _enc(_html(r), r)
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
        length = len(http) if r.random() < 0.9 else r.choice([0, len(http) * 3, 10**12])
        head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {r.choice(URLS)}\r\n"
                f"Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {length}\r\n\r\n").encode("utf-8", "surrogatepass")
        out.append(head + http + b"\r\n\r\n")
    data = b"".join(out)
    return data[: r.randrange(len(data) + 1)] if r.random() < 0.15 else data


def _feed(r: random.Random) -> bytes:
    items = "".join(f"<item><title>{_text(r)[:40].replace('<', '')}</title>"
                    f"<link>{r.choice(URLS)}</link><pubDate>{r.choice(DATES)}</pubDate></item>"
                    for _ in range(r.randrange(0, 4)))
    if r.random() < 0.3:
        feed = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f'<entry><link href="{r.choice(URLS)}"/><title>t</title></entry></feed>')
    else:
        feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    if r.random() < 0.1:
        feed = feed[: r.randrange(len(feed) + 1)]
    return feed.encode("utf-8", "surrogatepass")


def _gz(data: bytes, r: random.Random) -> bytes:
    packed = gzip.compress(data, compresslevel=1)
    return packed[: r.randrange(len(packed) + 1)] if r.random() < 0.1 else packed


Maker = Callable[[random.Random], tuple[str, bytes]]
MAKERS: dict[str, Maker] = {
    "txt": lambda r: (".txt", _enc(_text(r), r)),
    "html": lambda r: (".html", _enc(_html(r), r)),
    "jsonl": lambda r: (".jsonl", b"\n".join(_json_line(r) for _ in range(r.randrange(1, 5)))),
    "warc": lambda r: (".warc", _warc(r)),
    "warc.gz": lambda r: (".warc.gz", _gz(_warc(r), r)),
    "txt.gz": lambda r: (".txt.gz", _gz(_enc(_text(r), r), r)),
    "jsonl.gz": lambda r: (".jsonl.gz", _gz(_json_line(r), r)),
    "rss": lambda r: (".rss", _feed(r)),
}


def _mock_http():  # the feeds' linked pages, from memory
    import httpx

    def answer(request: httpx.Request) -> httpx.Response:
        r = random.Random(str(request.url))
        if r.random() < 0.2:
            return httpx.Response(r.choice([404, 500, 301]))
        return httpx.Response(200, content=_enc(_html(r), r),
                              headers={"content-type": "text/html"})

    return httpx.Client(transport=httpx.MockTransport(answer))


def _peak_mb() -> int:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    m = re.search(r"VmHWM:\s+(\d+)", status)
    return int(m.group(1)) // 1024 if m else 0


class Run:
    def __init__(self, out: Path, max_bytes: int) -> None:
        self.out, self.max_bytes = out, max_bytes
        self.docs = 0
        self.kinds: Counter[str] = Counter()
        self.codes: Counter[str] = Counter()
        self.warnings: Counter[str] = Counter()
        self.crashes: Counter[str] = Counter()
        self.records = 0
        self.slowest = (0.0, "")
        self.http = _mock_http()
        self.verbose = False

    def crash(self, where: str, name: str, data: bytes, exc: BaseException) -> None:
        key = f"{where}: {type(exc).__name__}: {str(exc)[:120]}"
        self.crashes[key] += 1
        if self.crashes[key] == 1:
            self.out.mkdir(parents=True, exist_ok=True)
            saved = self.out / f"crash_{len(self.crashes):03d}_{name}"
            saved.write_bytes(data)
            (saved.with_name(saved.name + ".traceback.txt")).write_text(traceback.format_exc())

    def read(self, name: str, data: bytes, tmp: Path) -> Iterator[RawArticle]:
        path = tmp / name
        path.write_bytes(data)
        try:
            if name.endswith(".rss"):
                from newsgraph.sources.remote import read_feed_bytes

                items = list(read_feed_bytes(data, name, http=self.http,
                                             max_bytes=self.max_bytes))
            else:
                with contextlib.redirect_stderr(io.StringIO()):  # warcio's notes on bad records
                    items = list(read_file(path, max_bytes=self.max_bytes))
        except Exception as exc:
            self.crash("reader", name, data, exc)
            return
        finally:
            path.unlink(missing_ok=True)
        for item in items:
            if isinstance(item, Failure):
                self.codes[item.code] += 1
            else:
                yield item

    def process(self, batch: list[tuple[RawArticle, str, bytes]]) -> None:
        from newsgraph.pipeline import process_batch

        t = time.perf_counter()
        try:
            records = process_batch([raw for raw, _, _ in batch])
        except Exception as exc:
            for _, name, data in batch[:1]:
                self.crash("process_batch", name, data, exc)
            return
        per_doc = (time.perf_counter() - t) / max(len(batch), 1)
        if self.verbose:
            print(f"  process_batch of {len(batch)} from {batch[0][1]}: {per_doc:.2f} s a "
                  "document", file=sys.stderr, flush=True)
        for rec, (_, name, data) in zip(records, batch, strict=True):
            self.records += 1
            if rec.error:
                self.codes[rec.error.split(":")[0]] += 1
            for w in rec.warnings:
                self.warnings[w.split(":")[0]] += 1
            try:
                json.dumps(rec.to_dict(), ensure_ascii=False).encode("utf-8")
            except Exception as exc:
                self.crash("record", name, data, exc)
        if per_doc > self.slowest[0]:
            self.slowest = (per_doc, batch[0][1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=3000, help="documents to generate")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=int, default=0,
                    help="first document number (rerun documents start.. of a run)")
    ap.add_argument("--batch", type=int, default=32, help="articles per process_batch call")
    ap.add_argument("--readers-only", action="store_true", help="skip process_batch")
    ap.add_argument("--max-bytes", type=int, default=2_000_000)
    ap.add_argument("--out", type=Path, default=Path("fuzz-findings"),
                    help="where documents that raised are saved")
    ap.add_argument("--every", type=int, default=1000, help="progress line every N documents")
    ap.add_argument("--verbose", action="store_true", help="a line per document")
    args = ap.parse_args(argv)

    # Skipped feed items and failed extractors are counted below (codes, W100), not logged.
    logging.getLogger("newsgraph").setLevel(logging.CRITICAL)
    run = Run(args.out, args.max_bytes)
    run.verbose = args.verbose
    kinds = list(MAKERS)
    start = time.perf_counter()
    pending: list[tuple[RawArticle, str, bytes]] = []
    with tempfile.TemporaryDirectory(prefix="newsgraph-fuzz-") as tmpdir:
        tmp = Path(tmpdir)
        last = args.start + args.docs - 1
        for i in range(args.start, last + 1):
            r = random.Random(f"{args.seed}:{i}")  # document i is rebuilt from (seed, i) alone
            kind = kinds[i % len(kinds)] if i < len(kinds) else r.choice(kinds)
            suffix, data = MAKERS[kind](r)
            name = f"doc{i}{suffix}"
            run.docs += 1
            run.kinds[kind] += 1
            t = time.perf_counter()
            for raw in run.read(name, data, tmp):
                pending.append((raw, name, data))
            took = time.perf_counter() - t
            if took > run.slowest[0]:
                run.slowest = (took, name)
            if args.verbose:
                print(f"  {name}: read in {took:.2f} s", file=sys.stderr, flush=True)
            if len(pending) >= args.batch or (pending and i == last):
                if not args.readers_only:
                    run.process(pending)
                pending = []
            if args.every and (i + 1) % args.every == 0:
                print(f"  {i + 1:,} documents, {sum(run.crashes.values())} uncaught, "
                      f"peak {_peak_mb():,} MB, {time.perf_counter() - start:.0f} s",
                      file=sys.stderr, flush=True)
    took = time.perf_counter() - start
    report = {
        "documents": run.docs, "seed": args.seed, "by_kind": dict(run.kinds),
        "records": run.records, "codes": dict(run.codes.most_common()),
        "warnings": dict(run.warnings.most_common()),
        "uncaught": sum(run.crashes.values()), "uncaught_kinds": dict(run.crashes),
        "slowest_document_s": round(run.slowest[0], 3), "slowest_document": run.slowest[1],
        "peak_rss_mb": _peak_mb(), "seconds": round(took, 1),
    }
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return 1 if run.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
