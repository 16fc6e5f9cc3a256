"""Issue #18: a posted URL cannot make the server fetch from inside (SSRF).

Loopback, private, link-local, multicast and unspecified targets are refused with E009
after DNS resolution and on every redirect hop; a local listener checks that no refused
fetch ever reached it. ``fetch_private_hosts`` lets an operator reach an intranet.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.errors import FetchRefused
from newsgraph.sources import Failure, read_inputs
from newsgraph.sources.fetch import FetchPolicy, address_problem, client

PAGE = (b"<html><head><title>Ankara talks</title></head><body><article><p>Turkey and Russia "
        b"signed a gas agreement in Ankara on Monday, officials said.</p></article></body></html>")


class Listener:
    """A loopback HTTP server that records every request it gets."""

    def __init__(self, host: str = "127.0.0.1", redirect_to: str | None = None) -> None:
        self.requests: list[tuple[str, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                outer.requests.append((self.path, self.headers.get("Host", "")))
                if redirect_to:
                    self.send_response(302)
                    self.send_header("Location", redirect_to)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(PAGE)))
                self.end_headers()
                self.wfile.write(PAGE)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.url = f"http://{host}:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def inside() -> Iterator[Listener]:
    srv = Listener()
    yield srv
    srv.close()


@pytest.mark.parametrize("target", ["{inside}/secret", "http://localhost:{port}/secret",
                                    "http://[::ffff:127.0.0.1]:{port}/secret"])
def test_a_posted_loopback_url_is_refused_and_never_fetched(fresh_client, inside, target):
    url = target.format(inside=inside.url, port=inside.url.rsplit(":", 1)[1])
    with fresh_client() as c:
        resp = c.post("/api/articles", json={"url": url})
    assert resp.status_code == 422, resp.text
    assert resp.json()["code"] == "E009" and "fetch_private_hosts" in resp.json()["detail"]
    assert inside.requests == []


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/",
                                 "http://10.1.2.3/", "http://192.168.0.1/", "http://0.0.0.0/",
                                 "http://224.0.0.1/", "http://[::1]/", "http://[fe80::1]/"])
def test_metadata_private_multicast_and_unspecified_targets_are_refused(fresh_client, url):
    with fresh_client() as c:
        resp = c.post("/api/articles", json={"url": url})
    assert resp.status_code == 422 and resp.json()["code"] == "E009", resp.text


def test_file_urls_are_refused(fresh_client):
    with fresh_client() as c:
        resp = c.post("/api/articles", json={"url": "file:///etc/passwd"})
    assert resp.status_code == 422 and resp.json()["code"] == "E007"
    assert "root:" not in resp.text


def test_a_redirect_to_loopback_is_refused_at_that_hop(fresh_client, inside):
    # The first hop is a host the operator allowed; it redirects to one they did not.
    outer = Listener("127.0.0.2", redirect_to=f"{inside.url}/secret")
    try:
        with fresh_client(fetch_private_hosts=("127.0.0.2",)) as c:
            resp = c.post("/api/articles", json={"url": f"{outer.url}/start"})
        assert resp.status_code == 422 and resp.json()["code"] == "E009", resp.text
        assert [p for p, _ in outer.requests] == ["/start"]
        assert inside.requests == []
    finally:
        outer.close()


def test_an_allowed_private_host_is_fetched(fresh_client, inside):
    with fresh_client(fetch_private_hosts=("127.0.0.0/8",)) as c:
        resp = c.post("/api/articles", json={"url": f"{inside.url}/page"})
    assert resp.status_code == 201, resp.text
    assert [p for p, _ in inside.requests] == ["/page"]


def test_the_command_line_refuses_loopback_too(inside):
    (item,) = read_inputs([f"{inside.url}/a"])
    assert isinstance(item, Failure) and item.code == "E009"
    assert inside.requests == []
    (item,) = read_inputs([f"{inside.url}/a"], private_hosts=("127.0.0.1",))
    assert not isinstance(item, Failure) and "gas agreement" in item.text


def test_the_checked_address_is_the_one_connected_to(monkeypatch, inside):
    """A name is resolved once, checked, and the request goes to that very address with
    the name in its Host header (a second DNS answer cannot swap in another address)."""
    port = int(inside.url.rsplit(":", 1)[1])
    real = socket.getaddrinfo
    asked: list[str] = []

    def resolver(host, *args, **kwargs):
        asked.append(host)
        if host != "news.example":
            return real(host, *args, **kwargs)
        if asked.count(host) > 1:
            raise socket.gaierror("asked twice: a rebinding DNS would answer differently now")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with client(("news.example",)) as http:
        resp = http.get(f"http://news.example:{port}/pinned")
    assert resp.status_code == 200
    assert asked.count("news.example") == 1
    assert inside.requests == [("/pinned", f"news.example:{port}")]


def test_address_rules():
    refused = ["127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
               "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
               "fe80::1", "fc00::1", "ff02::1", "::ffff:10.0.0.1"]
    for value in refused:
        assert address_problem(ipaddress.ip_address(value)), value
    for value in ["93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946"]:
        assert address_problem(ipaddress.ip_address(value)) is None, value
    policy = FetchPolicy(["10.0.0.0/8", "intranet.example"])
    assert policy.pick("wiki", ["10.2.3.4"]) == "10.2.3.4"
    assert policy.pick("intranet.example", ["192.168.1.9"]) == "192.168.1.9"
    with pytest.raises(FetchRefused):  # one private answer among public ones is enough
        FetchPolicy().pick("mixed.example", ["93.184.216.34", "127.0.0.1"])
