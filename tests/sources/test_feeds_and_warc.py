"""RSS/Atom feeds fetched from a loopback HTTP server, and WARC archives written here."""

from __future__ import annotations

import http.server
import io
import threading

import pytest

from newsgraph.sources import Failure, read_inputs
from newsgraph.sources.rss import parse_feed

LOCAL = ("127.0.0.1",)  # the test server is local: allowed as an operator would allow it

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{body} Officials in Ankara and Moscow said the talks would continue next month, and
both sides described the meeting as constructive and a step towards normal relations.</p>
<p>Trade between the two countries fell sharply during the months of sanctions.</p>
</article></body></html>"""

PAGES = {
    "/a.html": PAGE.format(title="Erdogan meets Putin",
                           body="Turkish President Erdogan met Russian President Putin."),
    "/b.html": PAGE.format(title="Sanctions eased",
                           body="Russia lifted some sanctions on Turkish food imports."),
}


def _rss(base: str) -> str:
    items = "".join(
        f"<item><title>Item {p}</title><link>{base}{p}</link>"
        f"<pubDate>Tue, 09 Aug 2016 10:00:00 GMT</pubDate></item>"
        for p in [*PAGES, "/missing.html"])
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'


def _atom(base: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f'<title>t</title><entry><title>A</title><link href="{base}/a.html"/>'
            '<updated>2016-08-10T08:00:00Z</updated></entry></feed>')


@pytest.fixture(scope="module")
def server():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            base = f"http://127.0.0.1:{self.server.server_port}"
            if self.path in ("/feed.xml", "/atom.xml"):
                body = (_rss(base) if self.path == "/feed.xml" else _atom(base)).encode()
                ctype = "application/rss+xml" if self.path == "/feed.xml" else "application/atom+xml"
            elif self.path in PAGES:
                body, ctype = PAGES[self.path].encode(), "text/html; charset=utf-8"
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()


def test_rss_feed_pages_are_fetched_and_a_dead_link_is_a_failure(server):
    items = list(read_inputs([f"{server}/feed.xml"], private_hosts=LOCAL))
    articles = [i for i in items if not isinstance(i, Failure)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(articles) == 2 and len(failures) == 1
    assert failures[0].code == "E007" and "404" in str(failures[0].error)
    first = articles[0]
    assert first.url == f"{server}/a.html" and "Erdogan met" in first.text
    assert first.published == "2016-08-09"


def test_atom_feed_and_a_plain_page_url(server):
    (atom,) = list(read_inputs([f"{server}/atom.xml"], private_hosts=LOCAL))
    assert atom.published == "2016-08-10" and "Putin" in atom.text
    (page,) = list(read_inputs([f"{server}/b.html"], private_hosts=LOCAL))
    assert "sanctions" in page.text


def test_unreachable_server_is_a_failure_not_a_crash():
    (item,) = list(read_inputs(["http://127.0.0.1:9/nothing.html"], private_hosts=LOCAL))
    assert isinstance(item, Failure) and item.code == "E007"


def test_malformed_feed_is_refused():
    from newsgraph.errors import UnsupportedSource

    with pytest.raises(UnsupportedSource):
        parse_feed(b"<rss><channel><item>")


def test_warc_html_responses_become_articles(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html, ctype in [("https://example.com/a.html", PAGES["/a.html"], "text/html"),
                                 ("https://example.com/logo.png", "PNG", "image/png"),
                                 ("https://example.com/b.html", PAGES["/b.html"], "text/html")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(html.encode()), http_headers=headers))
    items = list(read_inputs([str(path)]))
    assert [i.url for i in items] == ["https://example.com/a.html", "https://example.com/b.html"]
    assert "Erdogan met" in items[0].text


def test_corrupt_warc_is_a_failure(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a warc record at all\r\n\r\n")
    items = list(read_inputs([str(path)]))
    assert items and all(isinstance(i, Failure) for i in items)
