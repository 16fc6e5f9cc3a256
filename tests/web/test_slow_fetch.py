"""Issue #19: posted URLs on a server that drips its answer stall nothing else.

A local HTTP server answers /drip one byte at a time, forever; 20 posts of that URL are in
flight at once, and meanwhile GET /api/health answers in under a second. Each of the 20
ends at the fetch deadline with E008; the 21st from the same client is refused with E061.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from .conftest import free_port, serving

DEADLINE_MS = 4000  # long enough for all 20 to start on a busy 2-core machine
SLOW = 20
PAGE = (b"<html><head><title>Talks in Ankara</title></head><body><article><p>Turkey and "
        b"Russia held talks in Ankara on Monday about the gas pipeline. Officials from both "
        b"sides said the meeting went well and that they would meet again.</p></article>"
        b"</body></html>")


class Drip(BaseHTTPRequestHandler):
    stop = threading.Event()
    opened = 0
    lock = threading.Lock()

    def do_GET(self) -> None:  # noqa: N802 - the handler API's name
        if self.path == "/page":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)
            return
        with Drip.lock:
            Drip.opened += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000000")
        self.end_headers()
        try:
            while not Drip.stop.wait(0.2):  # well inside any gap timeout
                self.wfile.write(b"x")
                self.wfile.flush()
        except OSError:  # the client gave up: what the deadline is for
            pass

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def drip():
    Drip.stop.clear()
    Drip.opened = 0
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Drip.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def app_server(tmp_path):
    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    settings = Settings(store=str(tmp_path / "slow.duckdb"), port=free_port(),
                        fetch_deadline_ms=DEADLINE_MS, fetch_per_client=SLOW)
    app = create_app(settings)
    with serving(app, settings.port) as base:
        yield base, app


def test_slow_fetches_stall_nothing_and_end_at_the_deadline(drip, app_server):
    base, app = app_server

    http = httpx.Client(base_url=base, timeout=30,
                        limits=httpx.Limits(max_connections=SLOW + 5))

    def post(url: str) -> tuple[httpx.Response, float]:
        start = time.monotonic()
        resp = http.post("/api/articles", json={"url": url})
        return resp, time.monotonic() - start

    with http, ThreadPoolExecutor(SLOW) as pool:
        slow = [pool.submit(post, f"{drip}/drip?n={i}") for i in range(SLOW)]
        deadline = time.monotonic() + 5
        while Drip.opened < SLOW:  # all 20 fetches are reading the drip
            assert time.monotonic() < deadline, f"only {Drip.opened} fetches started"
            time.sleep(0.01)
        assert app.state.fetcher.in_flight == {"127.0.0.1": SLOW}
        start = time.monotonic()
        health = http.get("/api/health")
        took = time.monotonic() - start
        assert health.status_code == 200 and took < 3.0, took  # not queued behind the fetches
        assert app.state.fetcher.in_flight == {"127.0.0.1": SLOW}  # still all in flight
        extra = http.post("/api/articles", json={"url": f"{drip}/drip?n=extra"})
        assert extra.status_code == 429 and extra.json()["code"] == "E061", extra.text
        results = [f.result(timeout=20) for f in slow]
    for resp, took in results:
        assert resp.status_code == 504, resp.text
        assert resp.json()["code"] == "E008" and "fetch_deadline_ms" in resp.json()["detail"]
        # ends at the deadline, not when the drip stops; the slack is for a loaded machine
        assert DEADLINE_MS / 1000 <= took < DEADLINE_MS / 1000 + 10.0, took
    assert app.state.fetcher.in_flight == {}  # every slot was given back


def test_a_prompt_page_is_fetched_and_stored(drip, app_server):
    base, _ = app_server
    resp = httpx.post(f"{base}/api/articles", json={"url": f"{drip}/page"}, timeout=120)
    assert resp.status_code == 201, resp.text
    record = httpx.get(f"{base}{resp.json()['links']['record']}").json()
    assert record["url"] == f"{drip}/page" and "gas pipeline" in record["text"]


def test_a_command_line_fetch_ends_by_its_deadline_too(drip):
    from newsgraph.errors import FetchTimeout
    from newsgraph.sources.fetch import client, fetch_bytes

    start = time.monotonic()
    with client() as http, pytest.raises(FetchTimeout) as caught:
        fetch_bytes(http, f"{drip}/drip", max_bytes=1_000_000, deadline_s=0.5)
    took = time.monotonic() - start
    assert caught.value.code == "E008" and 0.5 <= took < 1.5, took
