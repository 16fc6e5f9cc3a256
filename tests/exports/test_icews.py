"""The ICEWS event-file layout: the Dataverse files' 20 columns, read back with pandas as
ICEWS users read them (tab-separated, header row, CAMEO Code as a string)."""

from __future__ import annotations

import io
import subprocess
import sys

import pandas as pd

from newsgraph.events.tables import cameo_table
from newsgraph.exports import FORMATS, ExportOptions
from newsgraph.exports.icews import COLUMNS
from newsgraph.store import Store
from newsgraph.testing import synthetic_record

# The columns of the ICEWS Coded Event Data files (Harvard Dataverse, doi:10.7910/DVN/28075),
# as their header line reads. No ICEWS codebook is in ../shared/reference, so the list is here.
ICEWS_HEADER = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\t"
                "CAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\t"
                "Sentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\t"
                "Longitude")


def _store(tmp_path):
    path = tmp_path / "icews.duckdb"
    recs = [
        synthetic_record("a1", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0),
                                              ("TUR", "GOV", "RUS", "GOV", "042", 1, 1.9)],
                         source="example.com", place=("Ankara", "TUR", 39.92, 32.85)),
        synthetic_record("a2", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0)],
                         source="news.example.org"),
        synthetic_record("a3", "2016-08-09", [("", "", "", "", "036", 1, 4.0)]),
    ]
    with Store(path) as s:
        s.write(recs)
    return path


def _read(text: str) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), sep="\t", dtype={"CAMEO Code": str},
                       keep_default_na=False)


def test_icews_file_has_the_dataverse_columns_and_values(tmp_path):
    path = _store(tmp_path)
    buf = io.StringIO()
    with Store(path, read_only=True) as s:
        n = FORMATS["icews"].write(s.con, buf, ExportOptions())
    text = buf.getvalue()
    assert text.splitlines()[0] == ICEWS_HEADER
    assert ICEWS_HEADER.split("\t") == COLUMNS
    assert all(line.count("\t") == len(COLUMNS) - 1 for line in text.splitlines())
    df = _read(text)
    assert len(df) == n == 2  # the downing reported twice is one event; no actorless row
    jet = df[df["CAMEO Code"] == "190"].iloc[0]
    assert jet["Event Date"] == "2015-11-24"
    assert (jet["Source Country"], jet["Target Country"]) == ("Turkey", "Russia")
    assert jet["Source Sectors"] == "Military"
    assert float(jet["Intensity"]) == -10.0
    assert jet["Event Text"] == cameo_table()["190"].name
    assert jet["Publisher"] in {"example.com", "news.example.org"}
    assert int(jet["Sentence Number"]) >= 1 and int(jet["Story ID"]) < 2**53
    visit = df[df["CAMEO Code"] == "042"].iloc[0]  # the leading zero stays
    assert visit["Source Sectors"] == "Government"
    assert (visit["City"], visit["Country"]) == ("Ankara", "Turkey")
    assert abs(float(visit["Latitude"]) - 39.92) < 1e-6
    assert pd.to_datetime(df["Event Date"], format="%Y-%m-%d").notna().all()
    assert df["Event ID"].is_unique


def test_cli_exports_icews(tmp_path):
    path = _store(tmp_path)
    out = tmp_path / "events.tab"
    subprocess.run([sys.executable, "-m", "newsgraph.cli", "export", "--format", "icews",
                    "--store", str(path), "-o", str(out)], check=True, capture_output=True,
                   text=True)
    df = _read(out.read_text(encoding="utf-8"))
    assert list(df.columns) == COLUMNS and len(df) == 2
