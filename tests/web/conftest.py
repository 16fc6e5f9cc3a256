"""A live server on a free loopback port, on a store built from the seed and examples/,
and headless Debian Chromium driven by Playwright (skipped where Chromium is absent)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / "000_f6a2bb8c5d2e93d5.txt",
            ROOT / "examples" / "turkey_russia_2015_2017.jsonl"]
# Screenshots go to a temporary folder unless NEWSGRAPH_SCREENSHOTS names one
# (`make screenshots` sets it to docs/screenshots).
SCREENSHOTS_ENV = "NEWSGRAPH_SCREENSHOTS"
# The live server's write token (the 'token' setting), sent by the tests that post.
TOKEN = "web-tests-write-token"
WRITE = {"Authorization": f"Bearer {TOKEN}"}
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(app, port: int) -> Iterator[str]:
    """Base URL of ``app`` served by uvicorn in a thread on 127.0.0.1:``port``."""
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """Base URL of ``newsgraph serve`` running in a thread (uvicorn, loopback only)."""
    from newsgraph.api import create_app
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    settings = Settings(store=str(tmp_path_factory.mktemp("web") / "examples.duckdb"),
                        port=free_port(), max_bytes=5_000_000, token=TOKEN)
    ingest_paths([str(p) for p in EXAMPLES], settings)
    with serving(create_app(settings), settings.port) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make browser-deps)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, live_server):
    ctx = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=live_server)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    # A script, style or frame the content security policy blocked is a broken page (an
    # outside image is not: ReDoc's branding logo is blocked, as with no network).
    pg.on("console", lambda m: errors.append(f"console: {m.text}")
          if m.type == "error" and "Content Security Policy" in m.text
          and not m.text.startswith("Loading the image 'http") else None)
    yield pg
    ctx.close()
    assert not errors, errors


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    folder = os.environ.get(SCREENSHOTS_ENV)
    return Path(folder) if folder else tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def shoot(screenshot_dir):
    """Save a screenshot of a page to <screenshot_dir>/<name>.png."""

    def save(page, name: str, *, full_page: bool = True) -> None:
        screenshot_dir.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(screenshot_dir / f"{name}.png"), full_page=full_page)

    return save
