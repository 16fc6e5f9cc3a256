"""Issue #18: writes need the server's token, on loopback too, and never come from a page
of another site (localhost is no trust boundary for a browser)."""

from __future__ import annotations

import stat

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.api.limits import save_token, token_file
from newsgraph.settings import Settings

from .conftest import BASE_URL

TEXT = {"text": "Putin met Erdogan in St Petersburg on Tuesday.", "date": "2016-08-09"}


@pytest.fixture
def bare(tmp_path):
    """A client on a loopback server that sends no token unless told to."""
    app = create_app(Settings(store=str(tmp_path / "t.duckdb")))
    with TestClient(app, base_url=BASE_URL) as c:
        yield c, app.state.write_token


def test_a_loopback_write_without_the_token_is_refused(bare):
    c, token = bare
    resp = c.post("/api/articles", json=TEXT)
    assert resp.status_code == 401 and resp.json()["code"] == "E062"
    assert resp.headers["www-authenticate"] == "Bearer"
    assert c.post("/api/articles", json=TEXT,
                  headers={"Authorization": "Bearer " + token[:-1]}).status_code == 401
    assert c.get("/api/health").json()["counts"]["articles"] == 0
    ok = c.post("/api/articles", json=TEXT, headers={"Authorization": f"Bearer {token}"})
    assert ok.status_code == 201, ok.text
    again = c.post("/api/articles", json=TEXT, headers={"X-Newsgraph-Token": token})
    assert again.status_code == 200  # the other header works too (already stored)


@pytest.mark.parametrize("headers", [{"Origin": "http://evil.example"},
                                     {"Origin": "null"},
                                     {"Origin": "http://localhost:9999"},
                                     {"Sec-Fetch-Site": "cross-site"},
                                     {"Sec-Fetch-Site": "same-site"}])
def test_a_cross_origin_post_is_403_with_or_without_the_token(bare, headers):
    c, token = bare
    resp = c.post("/api/articles", json=TEXT, headers=headers)
    assert resp.status_code == 403 and resp.json()["code"] == "E063", resp.text
    with_token = c.post("/api/articles", json=TEXT,
                        headers={**headers, "Authorization": f"Bearer {token}"})
    assert with_token.status_code == 403
    assert c.get("/api/health").json()["counts"]["articles"] == 0


def test_the_servers_own_pages_may_write_with_the_token(bare):
    c, token = bare
    own = {"Origin": BASE_URL, "Sec-Fetch-Site": "same-origin",
           "Authorization": f"Bearer {token}"}
    assert c.post("/api/articles", json=TEXT, headers=own).status_code == 201


def test_each_start_makes_its_own_token_unless_one_is_set(tmp_path):
    a = create_app(Settings(store=str(tmp_path / "a.duckdb"))).state.write_token
    b = create_app(Settings(store=str(tmp_path / "a.duckdb"))).state.write_token
    assert a != b and len(a) >= 24
    mine = create_app(Settings(store=str(tmp_path / "a.duckdb"), token="chosen-token"))
    assert mine.state.write_token == "chosen-token"


def test_the_token_file_is_readable_by_its_owner_only(tmp_path):
    path = token_file(str(tmp_path / "news.duckdb"))
    assert path.name == "news.duckdb.token"
    path.write_text("old")
    path.chmod(0o644)
    save_token(path, "abc")
    assert path.read_text().strip() == "abc"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
