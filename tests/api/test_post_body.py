"""Issue #19: a posted body is read like a file: binary is E002, bad JSON a 4xx with a code,
and nothing is stored for either."""

from __future__ import annotations

import pytest

STORY = "Turkey and Russia held talks in Ankara on Monday. Both sides said it went well."
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def _stored(c) -> int:
    return c.get("/api/health").json()["counts"]["articles"]


@pytest.mark.parametrize("kind", ["text/plain", "text/html", "application/octet-stream"])
def test_a_binary_body_is_e002_as_the_readers_say(fresh_client, tmp_path, kind):
    from newsgraph.sources import Failure, read_inputs

    (tmp_path / "same.txt").write_bytes(PNG)
    [failure] = read_inputs([str(tmp_path / "same.txt")])
    assert isinstance(failure, Failure) and failure.code == "E002"
    with fresh_client() as c:
        resp = c.post("/api/articles", content=PNG, headers={"content-type": kind})
        assert resp.status_code == 422, resp.text
        assert resp.json()["code"] == "E002" and resp.json()["detail"].startswith("[E002]")
        assert _stored(c) == 0


def test_a_non_utf8_body_is_decoded_as_the_readers_do_with_w002(fresh_client, tmp_path):
    from newsgraph.sources import read_inputs

    body = ("Die Türkei und Russland führten am Montag Gespräche in Ankara. " * 3).encode(
        "cp1252")
    (tmp_path / "same.txt").write_bytes(body)
    [read] = read_inputs([str(tmp_path / "same.txt")])
    with fresh_client() as c:
        resp = c.post("/api/articles", content=body, headers={"content-type": "text/plain"},
                      params={"date": "2016-10-10"})
        assert resp.status_code == 201, resp.text
        assert any(w.startswith("W002") for w in resp.json()["warnings"])
        record = c.get(resp.json()["links"]["record"]).json()
        assert record["text"] == read.text.strip() and "Russland" in record["text"]


@pytest.mark.parametrize("body, code", [
    (b'{"text": "Turkey met Russia \\ud800 in Ankara on Monday."}', "E004"),
    (b'{"text": "Turkey met Russia in Ankara.", "title": "\\udfff"}', "E004"),
    (b'{"\\ud83d": 1, "text": "Turkey met Russia in Ankara."}', "E004"),
    (b"[" * 100_000 + b"]" * 100_000, "E005"),
    (b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "E005"),
    (b'{"text": "Turkey met Russia", ', "E005"),
    (b'["a list"]', "E005"),
    (b"\xff\xfe{\x00}\x00", "E002"),
    (b'{"text": "T\xfcrkei"}', "E004"),
    (b"  ", "E001"),
])
def test_a_malformed_json_body_is_4xx_with_a_code(fresh_client, body, code):
    with fresh_client() as c:
        resp = c.post("/api/articles", content=body,
                      headers={"content-type": "application/json"})
        assert 400 <= resp.status_code < 500, resp.text
        assert resp.json()["code"] == code, resp.text
        assert resp.json()["detail"].startswith(f"[{code}]")
        assert _stored(c) == 0
        assert c.get("/api/health").status_code == 200  # and the server is fine


def test_a_surrogate_pair_is_one_character_not_a_lone_surrogate(fresh_client):
    with fresh_client() as c:
        resp = c.post("/api/articles", content=(
            b'{"text": "Turkey and Russia held talks in Ankara on Monday \\ud83d\\ude00.",'
            b' "title": "Talks \\ud83d\\ude00"}'), headers={"content-type": "application/json"})
        assert resp.status_code == 201, resp.text
        assert resp.json()["title"] == "Talks \U0001f600"


def test_fetch_errors_carry_their_code(fresh_client):
    with fresh_client(fetch_private_hosts=("127.0.0.1",)) as c:  # reach the closed port
        resp = c.post("/api/articles", json={"url": "ftp://news.example/a"})
        assert resp.status_code == 422 and resp.json()["code"] == "E007"
        resp = c.post("/api/articles", json={"url": "http://127.0.0.1:9/nothing-listens"})
        assert resp.status_code == 422 and resp.json()["code"] == "E007", resp.text
