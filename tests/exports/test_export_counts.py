"""Every event file writes every counted merged event it can hold (undated ones with empty
date fields; PLOVER, which requires a date, leaves them out and says so), past references
only when asked (``--include-past`` / ``export_past_events``), and the CLI says what it left
out and how many rows have no date."""

from __future__ import annotations

import csv
import json
import re
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.exports import FORMATS, ExportOptions, event_counts
from newsgraph.store import Store
from newsgraph.testing import synthetic_record

EVENT_FILES = [name for name, e in FORMATS.items() if e.keep is not None]


def _past(ev, date: str = "2015-11"):
    return replace(ev, date=date, date_resolution="month", date_source="text",
                   time_status="past", time_reason="test: a recalled event")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("counts") / "c.duckdb"
    jet = ("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0)
    a1 = synthetic_record("a1", "2016-08-09", [jet, jet, ("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)],
                          place=("Ankara", "TUR", 39.92, 32.85))
    a1.events[1] = _past(a1.events[1])  # "the downing in November past year"
    a1.events[2] = replace(a1.events[2], modality="future", counted=False)
    a2 = synthetic_record("a2", "", [("USA", "GOV", "RUS", "GOV", "042", 1, 1.9),
                                     ("USA", "GOV", "RUS", "GOV", "010", 1, 0.0)])
    a2.events[1] = replace(a2.events[1], plover=None)  # a statement: no PLOVER category
    a3 = synthetic_record("a3", "", [("USA", "GOV", "RUS", "GOV", "042", 1, 1.9)])
    a4 = synthetic_record("a4", "2016-08-10", [jet])
    a4.events[0] = _past(a4.events[0])  # the same past downing, recalled again
    with Store(path) as s:
        s.write([a1, a2, a3, a4])
    return str(path)


# Counted happenings: a1's new downing, the past downing (a1 + a4), a2's visit and statement,
# a3's visit (undated: never merged with a2's). One past; the statement has no PLOVER type.
COUNTED, PAST, UNDATED = 5, 1, 3


def _rows(fmt: str, path) -> list:
    text = path.read_text(encoding="utf-8")
    if fmt == "csv":
        return list(csv.DictReader(text.splitlines()))
    if fmt == "plover":
        return [json.loads(line) for line in text.splitlines()]
    if fmt == "geojson":
        return json.loads(text)["features"]
    if fmt == "icews":  # a header row, then one event per line
        return [line.split("\t") for line in text.splitlines()[1:]]
    return [line.split("\t") for line in text.splitlines()]


def _export(store, fmt, out, *flags):
    res = CliRunner().invoke(app, ["export", "-f", fmt, "-o", str(out), "--store", store, *flags])
    assert res.exit_code == 0, res.output
    return _rows(fmt, out), res.stderr


def _number(pattern: str, text: str) -> int:
    m = re.search(pattern, text)
    assert m, f"{pattern!r} not in {text!r}"
    return int(m.group(1).replace(",", ""))


def test_the_store_is_what_the_counts_say(store):
    assert {"gdelt-events", "plover", "csv", "geojson"} <= set(EVENT_FILES)
    with Store(store, read_only=True) as s:
        c = event_counts(s.con)
        n_past_mentions = s.con.execute(
            "SELECT num_mentions FROM merged_events WHERE time_status = 'past'").fetchall()
    assert (c["events"], c["past"], c["written"]) == (COUNTED, PAST, COUNTED - PAST)
    assert n_past_mentions == [(2,)]  # one past event, reported by two articles


@pytest.mark.parametrize("fmt", EVENT_FILES)
def test_export_rows_equal_counted_events_less_what_it_reports(store, tmp_path, fmt):
    rows, err = _export(store, fmt, tmp_path / f"out.{fmt}")
    assert _number(r"([\d,]+) rows", err) == len(rows)
    assert _number(r"([\d,]+) counted events", err) == COUNTED
    excluded = _number(r"([\d,]+) past references excluded", err)
    left = _number(r"([\d,]+) events left out", err) if "left out" in err else 0
    assert excluded == PAST
    assert len(rows) == COUNTED - excluded - left
    if fmt in ("gdelt-events", "csv", "icews"):
        assert left == 0  # every event here has a coded actor: these formats hold them all
    if fmt == "plover":
        # PLOVER requires a date and a category: the undated visits (a2, a3) and the undated
        # statement (CAMEO 01, no category) are left out.
        assert left == UNDATED
    undated = _number(r"([\d,]+) events without a date", err)
    if fmt == "gdelt-events":
        assert sum(1 for r in rows if r[1] == "") == undated == UNDATED
    if fmt == "csv":
        assert sum(1 for r in rows if r["day"] == "" and r["event_date"] == "") == undated
    if fmt == "plover":
        assert sum(1 for r in rows if r["date"] is None) == undated == 0


@pytest.mark.parametrize("fmt", EVENT_FILES)
def test_include_past_writes_the_past_event_once_at_its_own_date(store, tmp_path, fmt):
    default, _ = _export(store, fmt, tmp_path / "a")
    rows, err = _export(store, fmt, tmp_path / "b", "--include-past")
    assert "past references written" in err and "excluded" not in err
    if fmt != "geojson":
        assert len(rows) == len(default) + PAST
    if fmt == "gdelt-events":
        assert [r[2] for r in rows if r[26] == "190"] == ["201511", "201608"]
    if fmt == "plover":
        past = [r for r in rows if r["date"] and r["date"].startswith("2015-11")]
        assert len(past) == 1 and past[0]["num_mentions"] == 2
        assert (past[0]["event_date"], past[0]["date_resolution"], past[0]["time_status"]) == (
            "2015-11", "month", "past")
        new = [r for r in rows if r["date"] == "2016-08-09"]
        assert [r["time_status"] for r in new] == ["new"] and new[0]["event_date"] == "2016-08-09"
        assert all(r["date"] for r in rows)  # PLOVER requires one: undated events are out


def test_the_setting_decides_when_the_flag_is_absent(store, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_EXPORT_PAST_EVENTS", "true")
    rows, err = _export(store, "gdelt-events", tmp_path / "c")
    assert len(rows) == COUNTED and "past references written" in err
    rows, _ = _export(store, "gdelt-events", tmp_path / "d", "--no-include-past")
    assert len(rows) == COUNTED - PAST


def test_all_events_adds_the_uncounted_ones(store):
    with Store(store, read_only=True) as s:
        every = event_counts(s.con, ExportOptions(all_events=True), "gdelt-events")
    assert every["events"] == COUNTED + 1 and every["written"] == COUNTED + 1 - PAST


def test_non_event_files_print_rows_only(store, tmp_path):
    res = CliRunner().invoke(app, ["export", "-f", "gdelt-mentions", "-o", str(tmp_path / "m"),
                                   "--store", store])
    assert res.exit_code == 0, res.output
    assert "without a date" not in res.stderr
    # Mentions keep the past references: every mention of a counted event is written.
    assert _number(r"([\d,]+) rows", res.stderr) == 6
