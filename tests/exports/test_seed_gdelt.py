"""The seed article's GDELT export has the jet downing: TUR -> RUS, root 19, quad 4, -10."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from newsgraph.exports import ExportOptions
from newsgraph.exports.gdelt_events import COLUMNS
from newsgraph.exports.gdelt_events import write as write_events
from newsgraph.ingest import ingest_paths
from newsgraph.settings import Settings
from newsgraph.store import Store

from ..conftest import SEED


def test_seed_export_has_the_jet_downing(tmp_path):
    settings = Settings(store=str(tmp_path / "seed.duckdb"), workers=1)
    report = ingest_paths([str(SEED)], settings, date=dt.date(2016, 8, 9))
    assert report.stored == 1
    buf = io.StringIO()
    with Store(settings.store, read_only=True) as s:
        write_events(s.con, buf, ExportOptions())
    df = pd.read_csv(io.StringIO(buf.getvalue()), sep="\t", header=None, names=COLUMNS,
                     dtype=str, keep_default_na=False, quoting=3)
    downing = df[(df.Actor1CountryCode == "TUR") & (df.Actor2CountryCode == "RUS")
                 & (df.EventRootCode == "19")]
    assert not downing.empty, df[["Actor1Code", "Actor2Code", "EventCode"]].to_string()
    row = downing.iloc[0]
    assert row.QuadClass == "4"
    assert float(row.GoldsteinScale) == -10.0
    assert row.EventCode.startswith("19")
