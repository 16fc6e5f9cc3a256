"""The real server over a socket: a 100 MB upload is refused before its body is read."""

from __future__ import annotations

import socket
import time
from urllib.parse import urlparse


def test_100_mb_post_is_refused_without_reading_it(live_server):
    url = urlparse(live_server)
    size = 100 * 1024 * 1024
    with socket.create_connection((url.hostname, url.port), timeout=10) as s:
        s.sendall((f"POST /api/articles HTTP/1.1\r\nHost: {url.netloc}\r\n"
                   f"Content-Type: text/plain\r\nContent-Length: {size}\r\n\r\n").encode())
        # Headers only: the answer must come from them alone. (A body chunk the server
        # never reads turns its close into a TCP reset that can discard the reply.)
        start = time.monotonic()
        reply = b""
        while chunk := s.recv(4096):  # the server answers, then closes the connection
            reply += chunk
        assert time.monotonic() - start < 5
    reply = reply.decode("latin-1")
    assert reply.startswith("HTTP/1.1 413"), reply
    assert "larger than" in reply


def test_server_keeps_serving_after_a_refused_upload(live_server):
    import httpx

    assert httpx.get(f"{live_server}/api/health").json()["status"] == "ok"
