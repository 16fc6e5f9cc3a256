"""An input repeated later in the same run is processed and logged once."""

from __future__ import annotations

import json

from newsgraph.ingest import ingest_paths
from newsgraph.settings import Settings
from newsgraph.store import Store


def test_repeated_input_across_batches(tmp_path):
    line = json.dumps({"id": "r1", "text": "Turkey and Russia held talks in Moscow on Tuesday."})
    other = json.dumps({"id": "r2", "text": "Russia lifted sanctions on Turkish fruit imports."})
    data = tmp_path / "a.jsonl"
    data.write_text(f"{line}\n{other}\n{line}\n", encoding="utf-8")
    settings = Settings(store=str(tmp_path / "s.duckdb"), workers=1)
    report = ingest_paths([str(data)], settings, batch_size=1)
    assert (report.read, report.stored, report.skipped) == (3, 2, 1)
    assert not report.errors
    with Store(settings.store, read_only=True) as store:
        assert store.counts()["articles"] == 2
