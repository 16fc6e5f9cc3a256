"""A POST with a date re-dates an article stored undated (same id; the store keeps the date)."""

from __future__ import annotations

from ..test_ingest_redate import TEXT


def test_post_with_a_date_redates(fresh_client):
    with fresh_client() as client:
        first = client.post("/api/articles", json={"text": TEXT})
        assert first.status_code == 201 and first.json()["published"] is None
        art = first.json()["id"]
        again = client.post("/api/articles", json={"text": TEXT, "date": "2016-08-09"})
        assert again.status_code == 200 and again.json()["id"] == art
        stored = client.get(f"/api/articles/{again.json()['links']['record'].rsplit('/', 1)[1]}")
        assert stored.status_code == 200
        assert stored.json()["published"] == "2016-08-09"
