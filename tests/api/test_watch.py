"""Issue #18: the watch folder loses no file.

Each file is committed on its own and counts as done only after its commit; a file that
cannot be read gets its code in the errors table and is retried when it changes; a failed
write is retried after a back-off; a file is taken only once it has settled.
"""

from __future__ import annotations

import pytest

from newsgraph.errors import StoreError

STORY = ("Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin in "
         "Moscow on Tuesday, story {n}. The two leaders discussed gas and trade, officials said.")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def watch(tmp_path):
    from newsgraph.api import create_app
    from newsgraph.api.ingestor import Watcher
    from newsgraph.settings import Settings

    app = create_app(Settings(store=str(tmp_path / "w.duckdb")))
    folder = tmp_path / "in"
    folder.mkdir()
    clock = Clock()
    watcher = Watcher(app.state.ingestor, folder, interval_s=1.0, settle_s=2.0, clock=clock)
    yield watcher, folder, clock, app.state.db
    app.state.db.close()


def _articles(db) -> int:
    return db.query("SELECT count(*) FROM articles").rows[0][0]


def test_one_poison_file_loses_none_of_the_others_and_is_retried_on_change(watch):
    watcher, folder, clock, db = watch
    for n in range(20):
        (folder / f"good{n:02}.txt").write_text(STORY.format(n=n), encoding="utf-8")
    poison = folder / "poison.jsonl"
    poison.write_text('{"text": "unterminated\n', encoding="utf-8")
    assert watcher.scan() == 0  # just seen: not settled yet
    clock.now += 2.5
    assert watcher.scan() == 20
    assert _articles(db) == 20
    errors = db.query("SELECT source, code FROM errors").rows
    assert len(errors) == 1 and errors[0][1] == "E005" and "poison.jsonl" in errors[0][0]
    (failure,) = watcher.status()["failures"]
    assert failure["code"] == "E005" and failure["retry"] == "when the file changes"
    clock.now += 60
    assert watcher.scan() == 0  # unchanged: not read again
    assert len(db.query("SELECT * FROM errors").rows) == 1
    poison.write_text(f'{{"text": "{STORY.format(n=99)}"}}\n', encoding="utf-8")
    watcher.scan()
    clock.now += 2.5
    assert watcher.scan() == 1
    assert _articles(db) == 21 and watcher.status()["failures"] == []
    clock.now += 60
    assert watcher.scan() == 0  # done files are not taken again


def test_a_failed_write_is_retried_after_a_back_off(watch, monkeypatch):
    watcher, folder, clock, db = watch
    (folder / "a.txt").write_text(STORY.format(n=1), encoding="utf-8")
    real = watcher.ingestor.ingest
    calls = []

    def flaky(raws, *args, **kwargs):
        calls.append(len(raws))
        if len(calls) == 1:
            raise StoreError("cannot write to w.duckdb: No space left on device")
        return real(raws, *args, **kwargs)

    monkeypatch.setattr(watcher.ingestor, "ingest", flaky)
    watcher.scan()
    clock.now += 2.5
    assert watcher.scan() == 0
    (failure,) = watcher.status()["failures"]
    assert failure["code"] == "E040" and failure["retry"] == "in 1 s"
    assert watcher.scan() == 0 and len(calls) == 1  # waits for its back-off
    clock.now += 1.5
    assert watcher.scan() == 1 and _articles(db) == 1
    assert watcher.status()["failures"] == []


def test_a_file_written_slowly_becomes_one_article(watch):
    watcher, folder, clock, db = watch
    path = folder / "slow.txt"
    parts = ["Turkish President Recep Tayyip Erdogan met Russian President Vladimir Putin ",
             "in Moscow on Tuesday. The two leaders discussed gas and trade, ",
             "and agreed to meet again in Ankara next month, officials said."]
    for part in parts:
        with path.open("a", encoding="utf-8") as fh:
            fh.write(part)
        assert watcher.scan() == 0
        clock.now += 1.5  # each part comes before the file has settled
    clock.now += 1.0
    assert watcher.scan() == 1
    (text,) = db.query("SELECT text FROM articles").rows[0]
    assert "next month" in text and text.count("Erdogan") == 1
    assert _articles(db) == 1
