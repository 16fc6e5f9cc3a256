"""Worker processes die with the process that started them.

A ``SIGKILL`` of ``newsgraph ingest`` gives its pool no chance to stop its workers; left
alone they would live on, reparented, holding the model's memory. Each worker therefore
calls :func:`die_with_parent` first: on Linux the kernel sends the worker ``SIGKILL`` when
its parent dies (``prctl(PR_SET_PDEATHSIG)``); elsewhere, or if that call fails, a daemon
thread checks every second whether the parent is still the one it started with.

The worker also takes back the default ``SIGTERM`` and ``SIGINT`` actions: a forked worker
inherits the parent's Python handlers (the ingest drains on ``SIGTERM``), which would make
it ignore the pool's own ``terminate()``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
WATCH_EVERY_S = 1.0


def _pdeathsig() -> bool:
    """Ask Linux to SIGKILL this process when its parent (thread) ends; False if not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while True:
        time.sleep(WATCH_EVERY_S)
        if os.getppid() != parent:
            os._exit(1)


def die_with_parent(parent: int) -> None:
    """Make this (worker) process end when process ``parent`` ends."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    if not _pdeathsig():
        threading.Thread(target=_watch, args=(parent,), name="newsgraph-lifeline",
                         daemon=True).start()
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(1)
