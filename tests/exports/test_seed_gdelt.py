"""The seed article's GDELT export: the jet downing (TUR -> RUS, root 19, quad 4, -10) is a
reference to November 2015: left out of the event file by default, written with
``include_past`` as one event of its own date with its three mentions."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from newsgraph.exports import ExportOptions, event_counts
from newsgraph.exports.gdelt_events import COLUMNS
from newsgraph.exports.gdelt_events import write as write_events
from newsgraph.ingest import ingest_paths
from newsgraph.settings import Settings
from newsgraph.store import Store

from ..conftest import SEED


def _export(path: str, options: ExportOptions) -> pd.DataFrame:
    buf = io.StringIO()
    with Store(path, read_only=True) as s:
        write_events(s.con, buf, options)
    return pd.read_csv(io.StringIO(buf.getvalue()), sep="\t", header=None, names=COLUMNS,
                       dtype=str, keep_default_na=False, quoting=3)


def test_seed_export_has_the_jet_downing(tmp_path):
    settings = Settings(store=str(tmp_path / "seed.duckdb"), workers=1)
    report = ingest_paths([str(SEED)], settings, date=dt.date(2016, 8, 9))
    assert report.stored == 1
    default = _export(settings.store, ExportOptions())
    assert default[default.EventRootCode == "19"].empty  # a past reference is no new event
    assert not (default.QuadClass == "4").any()
    df = _export(settings.store, ExportOptions(include_past=True))
    downing = df[(df.Actor1CountryCode == "TUR") & (df.Actor2CountryCode == "RUS")
                 & (df.EventRootCode == "19")]
    assert len(downing) == 1, df[["Actor1Code", "Actor2Code", "EventCode"]].to_string()
    row = downing.iloc[0]
    assert row.QuadClass == "4"
    assert float(row.GoldsteinScale) == -10.0
    assert row.EventCode.startswith("19")
    assert row.MonthYear == "201511" and row.NumMentions == "3"
    with Store(settings.store, read_only=True) as s:
        counts = event_counts(s.con)
    assert counts["written"] == len(default) and counts["events"] == len(df)
    assert counts["past"] == len(df) - len(default) >= 2  # the downing and the June apology
