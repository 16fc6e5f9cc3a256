"""Opening the store file: many readers, one short-lived writer.

DuckDB lets several processes open a file read-only at once, or one process read-write.
So every reader (the server, ``newsgraph stats``/``export``/``dyad``, a notebook's
``duckdb.connect(path, read_only=True)``) opens it read-only, and writers hold it only
while they write. A reader that meets a writer's lock waits for it (a write takes a moment);
a writer that meets another process's lock is refused with E040 naming that process.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import duckdb

from ..errors import StoreError

READ_WAIT_S = 10.0  # a reader waits this long for a writer to finish
_PID = re.compile(r"\(PID (\d+)\)")


def holder(message: str) -> str | None:
    """'PID 123 (newsgraph serve ...)' from DuckDB's lock message, or None."""
    m = _PID.search(message)
    if not m:
        return None
    pid = m.group(1)
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        cmd = " ".join(a.decode(errors="replace") for a in args if a)
    except OSError:
        cmd = ""
    if "newsgraph" in cmd:  # show the command from the program name on
        cmd = cmd[cmd.index("newsgraph"):]
    return f"PID {pid} ({cmd})" if cmd else f"PID {pid}"


# What DuckDB says when the file itself is bad: cut short, overwritten, not a store at all.
_DAMAGE = ("could not read enough bytes", "corrupt", "checksum", "not a valid duckdb",
           "internal error", "failed to deserialize", "serializ")


def damaged(exc: BaseException, path: str | None = None) -> StoreError | None:
    """E040 saying what to do, for a DuckDB error that means the store file is damaged
    (truncated, overwritten) or cannot be read or written at all; None for other errors."""
    if not isinstance(exc, duckdb.Error):
        return None
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    bad_kind = isinstance(exc, duckdb.IOException | duckdb.InternalException
                          | duckdb.SerializationException)
    if "cannot open file" in message.lower():  # a path or permission problem, not damage
        return None
    if not bad_kind and not any(m in message.lower() for m in _DAMAGE):
        return None
    where = f"store {path}" if path else "the store"
    return StoreError(f"{where} could not be read ({message}). If the file is damaged or cut "
                      "short, restore it from a backup or rebuild it: move it aside and run "
                      "'newsgraph ingest' on the inputs again; if the disk is full, free space")


def _is_lock(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


def connect(path: str, *, read_only: bool, wait_s: float | None = None
            ) -> duckdb.DuckDBPyConnection:
    """A connection to the store file; E040 when it is missing (read-only) or held."""
    if read_only and not Path(path).exists():
        raise StoreError(f"store {path} does not exist; run 'newsgraph ingest' first")
    wait = (READ_WAIT_S if read_only else 0.0) if wait_s is None else wait_s
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            if not _is_lock(exc):
                raise damaged(exc, path) or StoreError(f"cannot open store {path}: {exc}") from exc
            if time.monotonic() >= deadline:
                raise StoreError(_refusal(path, read_only, str(exc))) from exc
        time.sleep(delay)
        delay = min(delay * 2, 0.5)


def _refusal(path: str, read_only: bool, message: str) -> str:
    who = holder(message) or "another process"
    if read_only:
        return (f"store {path} is being written by {who} and stayed locked; try again when "
                "it is done")
    return (f"store {path} is open in {who}; only one process may write it while others "
            "read it. Stop that process, or while 'newsgraph serve' runs, post articles to "
            "its /api/articles (or drop files in its watch folder)")
