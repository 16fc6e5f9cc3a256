"""The store: idempotent writes, near-duplicate clusters, events merged across reports."""

from __future__ import annotations

import duckdb
import pytest

from newsgraph.clean.signature import minhash, similarity
from newsgraph.store import Failed, Store
from newsgraph.store.dedup import THRESHOLD
from newsgraph.store.schema import TABLES
from newsgraph.testing import synthetic_record

STORY = (
    "Turkish President Tayyip Erdogan travelled to St Petersburg on Tuesday for talks with "
    "Russian President Vladimir Putin, their first meeting since Turkey shot down a Russian "
    "warplane near the Syrian border in November. The two leaders pledged to restore trade "
    "and tourism links, revive a gas pipeline project and work on a nuclear power plant. "
    "Relations had been frozen for months, with Moscow imposing sanctions on Turkish food "
    "imports and banning charter flights. Analysts said the meeting signalled a thaw that "
    "worried Western capitals after the failed coup attempt in Turkey in July."
)
OTHER = (
    "Heavy rain flooded streets across the city centre overnight, closing schools and "
    "forcing the cancellation of a football match. Emergency services rescued several "
    "drivers trapped in their cars, and forecasters warned of more storms later this week "
    "as a band of low pressure moves in from the Atlantic towards the western coast."
)


def _tur_rus(article_id: str, text: str, url: str, source: str):
    return synthetic_record(article_id, "2016-08-09",
                            [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)],
                            text=text, url=url, source=source)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as s:
        yield s


def test_every_table_and_view_exists(store):
    names = {r[0] for r in store.con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(TABLES) | {"merged_events", "event_mentions"} <= names


def test_writing_twice_stores_once(store):
    rec = _tur_rus("a1", STORY, "https://a.example/1", "a.example")
    assert store.write([rec]) == 1
    before = store.counts()
    assert store.write([rec]) == 0
    assert store.counts() == before


def test_syndicated_copies_share_a_cluster_and_unrelated_stories_do_not(store):
    copy = "By Wire Staff. " + STORY.replace("Tuesday", "Tuesday morning") + " Read more here."
    store.write([_tur_rus("a1", STORY, "https://a.example/1", "a.example"),
                 _tur_rus("a2", copy, "https://b.example/2", "b.example"),
                 _tur_rus("a3", OTHER, "https://c.example/3", "c.example")])
    clusters = dict(store.con.execute("SELECT id, cluster_id FROM articles").fetchall())
    assert clusters["a1"] == clusters["a2"]
    assert clusters["a3"] != clusters["a1"]
    assert similarity(minhash(STORY).values, minhash(copy).values) >= THRESHOLD
    assert similarity(minhash(STORY).values, minhash(OTHER).values) < THRESHOLD


def test_a_copy_arriving_later_joins_the_stored_cluster(store):
    store.write([_tur_rus("a1", STORY, "https://a.example/1", "a.example")])
    store.write([_tur_rus("a2", STORY + " Updated at noon.", "https://b.example/2", "b.example")])
    assert store.con.execute("SELECT count(DISTINCT cluster_id) FROM articles").fetchone()[0] == 1


def test_one_event_in_three_reports_counts_once_with_every_mention(store):
    store.write([_tur_rus("a1", STORY, "https://a.example/1", "a.example"),
                 _tur_rus("a2", STORY + " More.", "https://a.example/2", "a.example"),
                 _tur_rus("a3", OTHER, "https://c.example/3", "c.example")])
    row = store.con.execute(
        "SELECT count(*), any_value(num_mentions), any_value(num_articles), "
        "any_value(num_sources), any_value(num_stories) FROM merged_events").fetchone()
    assert row == (1, 3, 3, 2, 2)
    assert store.con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 3


def test_different_days_or_codes_are_different_events(store):
    store.write([
        synthetic_record("a1", "2016-08-09", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)]),
        synthetic_record("a2", "2016-08-10", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)]),
        synthetic_record("a3", "2016-08-09", [("TUR", "GOV", "RUS", "GOV", "190", 4, -10.0)]),
    ])
    assert store.con.execute("SELECT count(*) FROM merged_events").fetchone()[0] == 3


def test_failed_inputs_and_ingest_log_commit_with_the_batch(store):
    rec = _tur_rus("a1", STORY, None, None)
    store.write([rec], input_keys=["k1"], failed=[Failed("k2", "bad.bin", "E002", "binary")])
    assert store.done_inputs(["k1", "k2", "k3"]) == {"k1", "k2"}
    assert store.con.execute("SELECT code FROM errors").fetchall() == [("E002",)]


def test_an_older_store_gains_the_new_columns(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE events (article_id VARCHAR, event_id VARCHAR)")
    con.close()
    with Store(path) as s:
        cols = {r[0] for r in s.con.execute("DESCRIBE events").fetchall()}
    assert {"merged_id", "day", "source_code"} <= cols
