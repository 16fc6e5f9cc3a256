"""Ingest tells how far it is: off a terminal one line per committed batch (a log or a CI
job sees progress before the end), on a terminal a bar with the count and the rate."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from newsgraph.cli import app

LINES = ["Turkey and Russia signed a trade agreement in Ankara.",
         "Iran and Iraq agreed to fight terrorism together.",
         "France condemned the attack in Paris.",
         "Germany and Poland held talks in Berlin.",
         "China criticised Japan over the islands."]


def test_off_a_terminal_each_batch_prints_a_progress_line(tmp_path):
    data = tmp_path / "a.jsonl"
    data.write_text("".join(json.dumps({"id": f"p{i}", "text": t}) + "\n"
                            for i, t in enumerate(LINES)), encoding="utf-8")
    res = CliRunner().invoke(app, ["ingest", str(data), "--store", str(tmp_path / "s.duckdb"),
                                   "--batch", "2", "--workers", "1"])
    assert res.exit_code == 0, res.output
    progress = [ln for ln in res.stderr.splitlines() if ln.startswith("ingest: ")]
    assert len(progress) == 3, res.stderr  # batches of 2, 2 and 1
    counts = [int(re.search(r"(\d+) read", ln).group(1)) for ln in progress]
    assert counts == [2, 4, 5]
    assert all(re.search(r"[\d.]+ articles/s", ln) for ln in progress)
    assert "read 5 articles: 5 stored" in res.stderr  # then the summary, as before


def test_the_terminal_bar_shows_the_count_and_the_rate():
    import io
    import time

    from rich.console import Console

    from newsgraph.ingest import progress_bar

    out = io.StringIO()
    bar = progress_bar(Console(file=out, force_terminal=True, width=120))
    bar.start()
    task = bar.add_task("ingesting", total=None)
    for _ in range(3):
        bar.update(task, advance=64)
        time.sleep(0.05)
    bar.refresh()
    bar.stop()
    shown = out.getvalue()
    assert "192 articles" in shown
    assert re.search(r"[\d.]+ articles/s", shown), shown[-300:]
