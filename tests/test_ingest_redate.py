"""`ingest --date` and a POST with a date re-date an article stored undated: same id, the
record, the article row and its events dated, merged events recomputed."""

from __future__ import annotations

import datetime as dt
import json

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store
from newsgraph.testing import synthetic_record

TEXT = ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in "
        "Moscow. Turkey accused Russia of violating its airspace.")


def _article(store: Store, article_id: str):
    return store.con.execute("SELECT published, cluster_id FROM articles WHERE id = ?",
                             [article_id]).fetchone()


def test_store_write_redates_an_undated_article(tmp_path):
    undated = synthetic_record("a1", "", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)])
    other = synthetic_record("a2", "", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)])
    with Store(tmp_path / "s.duckdb") as s:
        assert s.write([undated, other]) == 2 and s.redated == 0
        before = s.con.execute("SELECT merged_id FROM events WHERE article_id = 'a1'").fetchall()
        cluster = _article(s, "a1")[1]
        dated = synthetic_record("a1", "2016-08-09", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)])
        dated.published_reason = "given by the caller"
        assert s.write([dated]) == 0 and s.redated == 1
        assert _article(s, "a1") == (dt.date(2016, 8, 9), cluster)
        assert s.record("a1").published == "2016-08-09"
        assert s.counts()["articles"] == 2 and s.counts()["events"] == 2
        day, merged = s.con.execute("SELECT day, merged_id FROM events WHERE article_id = 'a1'"
                                    ).fetchone()
        assert day == dt.date(2016, 8, 9) and [(merged,)] != before
        m = s.con.execute("SELECT day, num_articles FROM merged_events WHERE merged_id = ?",
                          [merged]).fetchone()
        assert m == (dt.date(2016, 8, 9), 1)
        # The other undated article is untouched, and an identical write changes nothing.
        assert _article(s, "a2")[0] is None
        assert s.write([dated]) == 0 and s.redated == 0


def test_a_stored_date_is_kept_unless_the_caller_gives_one(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        s.write([synthetic_record("a1", "2016-08-09", [("TUR", "", "RUS", "", "036", 1, 4.0)])])
        found = synthetic_record("a1", "2016-08-01", [("TUR", "", "RUS", "", "036", 1, 4.0)])
        found.published_reason = "from the text"
        s.write([found])
        assert s.redated == 0 and _article(s, "a1")[0] == dt.date(2016, 8, 9)
        found.published_reason = "given by the caller"
        s.write([found])
        assert s.redated == 1 and _article(s, "a1")[0] == dt.date(2016, 8, 1)
        undated = synthetic_record("a1", "", [("TUR", "", "RUS", "", "036", 1, 4.0)])
        s.write([undated])  # a record without a date never un-dates the store
        assert s.redated == 0 and _article(s, "a1")[0] == dt.date(2016, 8, 1)


def test_cli_ingest_date_redates_the_stored_article(tmp_path):
    data = tmp_path / "a.jsonl"
    data.write_text(json.dumps({"id": "undated-1", "text": TEXT}) + "\n", encoding="utf-8")
    store = str(tmp_path / "s.duckdb")
    runner = CliRunner()
    first = runner.invoke(app, ["ingest", str(data), "--store", store, "--workers", "1"])
    assert first.exit_code == 0, first.output
    with Store(store, read_only=True) as s:
        assert _article(s, "undated-1")[0] is None
        n_events = s.counts()["events"]
        assert n_events and s.con.execute(
            "SELECT count(*) FROM events WHERE day IS NOT NULL").fetchone()[0] == 0
    again = runner.invoke(app, ["ingest", str(data), "--store", store, "--workers", "1",
                                "--date", "2016-08-09"])
    assert again.exit_code == 0, again.output
    assert "0 stored, 1 re-dated, 0 already in the store" in again.stderr
    with Store(store, read_only=True) as s:
        assert s.counts()["articles"] == 1 and s.counts()["events"] == n_events
        assert _article(s, "undated-1")[0] == dt.date(2016, 8, 9)
        assert s.record("undated-1").published == "2016-08-09"
        assert s.con.execute("SELECT count(*) FROM merged_events WHERE day IS NULL"
                             ).fetchone()[0] == 0
    same = runner.invoke(app, ["ingest", str(data), "--store", store, "--workers", "1",
                               "--date", "2016-08-09"])
    assert "1 already in the store" in same.stderr and "re-dated" not in same.stderr
