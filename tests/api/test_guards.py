"""Issue #19 without a browser: URL checks, the href filter, the CSP header on every answer,
and the Host allow-list."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import ROOT

TEMPLATES = ROOT / "src" / "newsgraph" / "web" / "templates"
TEXT = "Turkey and Russia held talks in Ankara on Monday. Both sides said it went well."


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:alert(1)", "data:text/html,<script>x</script>",
    "vbscript:msgbox", "file:///etc/passwd", "/relative/path", "//evil.example/x",
    "news.example/a", "https:javascript:alert(1)", "http:/no-host", "http://", "https://a b",
    "http://x:99999/",
])
def test_urls_that_are_not_plain_http_are_refused(url):
    from newsgraph.urls import clean_url, link_url

    stored, problem = clean_url(url)
    assert stored is None and problem
    assert link_url(url) is None or url.startswith("/relative")


@pytest.mark.parametrize("url", ["http://news.example/a", "HTTPS://News.Example/a?b=1#c",
                                 "https://[2001:db8::1]:8443/x", "https://例え.jp/記事"])
def test_http_urls_are_kept(url):
    from newsgraph.urls import clean_url, link_url

    assert clean_url(f"  {url} ") == (url, None)
    assert link_url(url) == url


def test_link_filter_takes_site_paths_but_not_other_hosts():
    from newsgraph.urls import link_url

    assert link_url("/events?actor=TUR") == "/events?actor=TUR"
    assert link_url("//evil.example/") is None and link_url("/\\evil.example/") is None
    assert link_url(None) is None


def test_every_url_attribute_in_the_templates_goes_through_the_link_filter():
    """An attribute that takes a URL either starts with a fixed site path or is
    ``{{ ...|link }}``; anything else could put a stored value into an href unchecked."""
    bad = []
    for path in sorted(TEMPLATES.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        for m in re.finditer(r'\b(href|src|action|formaction|spec-url|data-spec|srcset)='
                             r'"([^"]*)"', html):
            value = m.group(2)
            if value.startswith("{{"):
                ok = re.match(r"\{\{[^}]*\|link \}\}", value) is not None
            else:
                ok = (value.startswith("/") and not value.startswith("//")) or value == "data:,"
            if not ok:
                bad.append(f"{path.name}: {m.group(0)}")
    assert not bad, bad


def test_templates_have_no_inline_script_or_handlers():
    bad = []
    for path in sorted(TEMPLATES.glob("*.html")):
        html = path.read_text(encoding="utf-8")
        for m in re.finditer(r"<script\b([^>]*)>", html):
            if "src=" not in m.group(1) and 'type="application/json"' not in m.group(1):
                bad.append(f"{path.name}: {m.group(0)}")
        bad += [f"{path.name}: {h}" for h in re.findall(r"\son[a-z]+\s*=", html)]
        bad += [f"{path.name}: javascript:" for _ in re.findall(r"javascript:", html, re.I)]
    assert not bad, bad


@pytest.mark.parametrize("way", ["jsonl", "sidecar", "post"])
def test_a_javascript_url_is_dropped_at_ingest_with_w007(fresh_client, tmp_path, way):
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    url = "javascript:fetch('/api/health')"
    if way != "post":  # read into the store the client then serves
        if way == "jsonl":
            src = tmp_path / "a.jsonl"
            src.write_text(json.dumps({"text": TEXT, "url": url}) + "\n", encoding="utf-8")
        else:
            src = tmp_path / "a.txt"
            src.write_text(TEXT, encoding="utf-8")
            (tmp_path / "a.meta.json").write_text(json.dumps({"url": url}), encoding="utf-8")
        ingest_paths([str(src)], Settings(store=str(tmp_path / "w.duckdb")))
    with fresh_client() as c:
        if way == "post":
            resp = c.post("/api/articles", json={"text": TEXT, "url": url})
            assert resp.status_code == 201, resp.text
            article_id = resp.json()["id"]
        else:
            article_id = c.get("/api/articles").json()["items"][0]["id"]
        record = c.get(f"/api/articles/{article_id}").json()
        assert record["url"] is None
        [w] = [w for w in record["warnings"] if w.startswith("W007")]
        assert "javascript:" in w and "http" in w
        page = c.get(f"/articles/{article_id}").text
        assert "javascript:" not in page.split("<h3>Warnings</h3>")[0]


def _get_paths(app) -> list[str]:
    """Every GET route without a path parameter, the routers' and the app's own."""
    from newsgraph.api import pages, routes_analysis, routes_data, routes_search, routes_write

    routes = [*app.routes, *(r for m in (pages, routes_analysis, routes_data, routes_search,
                                         routes_write) for r in m.router.routes)]
    return sorted({r.path for r in routes if "GET" in (getattr(r, "methods", None) or ())
                   and "{" not in r.path})


def test_every_answer_carries_the_content_security_policy(client, seed_id):
    from newsgraph.api.guard import CSP

    paths = [*_get_paths(client.app), f"/articles/{seed_id}", "/no-such-page",
             "/static/app.css", "/static/apidocs/redoc.standalone.js", "/events?cameo=abc"]
    assert "/" in paths and "/api/health" in paths and "/docs" in paths
    for path in paths:
        resp = client.get(path)
        assert resp.headers.get("content-security-policy") == CSP, (path, resp.status_code)
        assert resp.headers["x-content-type-options"] == "nosniff"
    policy = dict(p.split(" ", 1) for p in CSP.split("; "))
    assert policy["script-src"] == "'self'"  # no inline script, no javascript: URLs, no eval
    refused = client.get("/api/health", headers={"host": "evil.example"})
    assert refused.status_code == 421 and refused.headers["content-security-policy"] == CSP
    big = client.post("/api/articles", content=b"x" * 30_000_000)
    assert big.status_code == 413 and big.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.nip.io",
                                  "localhost.evil.example", "192.0.2.7"])
def test_a_foreign_host_header_is_answered_421(client, host):
    resp = client.get("/api/health", headers={"host": host})
    assert resp.status_code == 421
    assert resp.json()["code"] == "E060" and "[E060]" in resp.json()["detail"]
    page = client.get("/", headers={"host": host})
    assert page.status_code == 421 and "<nav" not in page.text


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1", "127.0.0.1:8000",
                                  "[::1]:8000", "localhost."])
def test_loopback_host_headers_are_answered(client, host):
    assert client.get("/api/health", headers={"host": host}).status_code == 200


def test_configured_and_allowed_hosts_are_answered(fresh_client):
    with fresh_client(host="0.0.0.0", allowed_hosts="news.example,Dash.Example") as c:
        for host in ("news.example", "dash.example:8000", "192.0.2.7:8000", "localhost"):
            assert c.get("/api/health", headers={"host": host}).status_code == 200, host
        assert c.get("/api/health", headers={"host": "evil.example"}).status_code == 421
    with fresh_client(host="dash.internal") as c:
        assert c.get("/api/health", headers={"host": "dash.internal:8000"}).status_code == 200
        assert c.get("/api/health", headers={"host": "192.0.2.7"}).status_code == 421


def test_no_host_header_is_answered_400():
    import asyncio

    from newsgraph.api.guard import HostAllowList

    sent: list[dict] = []

    async def app(scope, receive, send):  # pragma: no cover - must not be reached
        raise AssertionError("the request got through")

    async def send(message):
        sent.append(message)

    guard = HostAllowList(app, host="127.0.0.1")
    asyncio.run(guard({"type": "http", "headers": []}, None, send))
    assert sent[0]["status"] == 400 and b"E060" in sent[1]["body"]


@pytest.mark.parametrize("value", ["http://news.example", "news.example:80", "a b", "x/y"])
def test_allowed_hosts_takes_only_names(value):
    from newsgraph.errors import SettingsError
    from newsgraph.settings import Settings

    with pytest.raises(SettingsError, match="allowed_hosts"):
        Settings(allowed_hosts=value)


def test_settings_ranges_of_the_fetch_limits():
    from newsgraph.errors import SettingsError
    from newsgraph.settings import Settings

    for name, value in (("fetch_deadline_ms", 0), ("fetch_deadline_ms", 3_600_001),
                        ("fetch_per_client", 0), ("fetch_per_client", 1001)):
        with pytest.raises(SettingsError, match=name):
            Settings(**{name: value})
    assert Settings(fetch_deadline_ms="250", fetch_per_client="20").fetch_per_client == 20
