"""Every export format, read back with the tools analysts use (pandas, json, networkx)."""

from __future__ import annotations

import io
import json

import duckdb
import networkx as nx
import pandas as pd
import pytest

from newsgraph.errors import ExportError
from newsgraph.exports import FORMATS, ExportOptions, export
from newsgraph.exports.gdelt_events import COLUMNS as EVENT_COLUMNS
from newsgraph.exports.gdelt_gkg import COLUMNS as GKG_COLUMNS
from newsgraph.exports.gdelt_mentions import COLUMNS as MENTION_COLUMNS
from newsgraph.store import Store
from newsgraph.testing import synthetic_record


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("exp") / "x.duckdb"
    recs = [
        synthetic_record("a1", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0),
                                              ("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)],
                         url="https://www.example.com/jet", place=("Ankara", "TUR", 39.92, 32.85)),
        synthetic_record("a2", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0)],
                         url="https://news.example.org/jet\tdown", source="news.example.org"),
        synthetic_record("a3", "2016-08-09", [("USA", "GOV", "IGO", "IGO", "042", 1, 1.9)]),
    ]
    with Store(path) as s:
        s.write(recs)
    c = duckdb.connect(str(path), read_only=True)
    yield c
    c.close()


def _text(con, fmt, **opts) -> str:
    buf = io.StringIO()
    FORMATS[fmt].write(con, buf, ExportOptions(**opts))
    return buf.getvalue()


def _tsv(text: str, names: list[str]) -> pd.DataFrame:
    return pd.read_csv(io.StringIO(text), sep="\t", header=None, names=names, dtype=str,
                       keep_default_na=False, quoting=3)


def test_gdelt_events_have_61_columns_string_codes_and_merged_counts(con):
    text = _text(con, "gdelt-events")
    assert all(line.count("\t") == 60 for line in text.splitlines())
    df = _tsv(text, EVENT_COLUMNS)
    assert len(df) == 3  # the downing reported twice is one event
    jet = df[df.EventCode == "190"].iloc[0]
    assert (jet.Actor1Code, jet.Actor2Code) == ("TURMIL", "RUSMIL")
    assert (jet.EventRootCode, jet.QuadClass, float(jet.GoldsteinScale)) == ("19", "4", -10.0)
    assert (jet.NumMentions, jet.NumArticles, jet.NumSources) == ("2", "2", "2")
    assert jet.Day == "20151124" and jet.MonthYear == "201511" and jet.Year == "2015"
    # FIPS 10-4, not ISO: Turkey is TU, Russia RS.
    assert (jet.Actor1Geo_CountryCode, jet.Actor2Geo_CountryCode) == ("TU", "RS")
    assert jet.ActionGeo_CountryCode == "TU" and jet.ActionGeo_Type == "4"
    meet = df[df.EventCode == "036"].iloc[0]
    assert meet.EventBaseCode == "036" and meet.EventRootCode == "03"  # leading zeros kept
    nato = df[df.EventCode == "042"].iloc[0]
    # An IGO the knowledge base does not name: the generic code, no country (see test_identity)
    assert nato.Actor2CountryCode == "" and nato.Actor2Code == "IGO"
    assert df.GlobalEventID.str.fullmatch(r"\d+").all()


def test_gdelt_ids_are_exact_in_doubles(con):
    """Ids at or above 2**53 lose digits in JavaScript, Excel and float columns."""
    events = _tsv(_text(con, "gdelt-events"), EVENT_COLUMNS)
    mentions = _tsv(_text(con, "gdelt-mentions"), MENTION_COLUMNS)
    ids = [int(i) for i in [*events.GlobalEventID, *mentions.GlobalEventID]]
    assert ids and all(0 < i < 2**53 and int(float(i)) == i for i in ids)


def test_gdelt_header_option_writes_the_codebook_names(con):
    first = _text(con, "gdelt-events", header=True).splitlines()[0].split("\t")
    assert first == EVENT_COLUMNS and first[0] == "GlobalEventID" and first[-1] == "SOURCEURL"


def test_gdelt_mentions_have_16_columns_and_one_row_per_report(con):
    text = _text(con, "gdelt-mentions")
    df = _tsv(text, MENTION_COLUMNS)
    assert all(line.count("\t") == 15 for line in text.splitlines())
    assert len(df) == 4
    events = _tsv(_text(con, "gdelt-events"), EVENT_COLUMNS)
    assert set(df.GlobalEventID) == set(events.GlobalEventID)
    jet_id = events[events.EventCode == "190"].GlobalEventID.iloc[0]
    jet = df[df.GlobalEventID == jet_id]
    assert sorted(jet.MentionSourceName) == ["example.com", "example.org"] or \
        sorted(jet.MentionSourceName) == ["example.com", "news.example.org"]
    assert "\t" not in "".join(jet.MentionIdentifier)  # a tab in a URL never shifts columns
    assert df[df.MentionType == "2"].MentionIdentifier.str.len().min() > 0  # citation only


def test_gdelt_gkg_has_27_columns_per_article(con):
    text = _text(con, "gdelt-gkg")
    df = _tsv(text, GKG_COLUMNS)
    assert len(df) == 3 and len(df.columns) == 27
    assert df.GKGRECORDID.str.fullmatch(r"\d{14}-\d+").all() and df.GKGRECORDID.is_unique
    a1 = df[df.V2DOCUMENTIDENTIFIER == "https://www.example.com/jet"].iloc[0]
    assert a1["V2.1DATE"] == "20151124000000"
    assert "#TU#" in a1.V1LOCATIONS and a1["V1.5TONE"].split(",")[0] == "-2.5"
    assert len(a1["V1.5TONE"].split(",")) == 7


def test_plover_jsonl_keeps_every_mention(con):
    lines = [json.loads(x) for x in _text(con, "plover").splitlines()]
    jet = next(x for x in lines if x["cameo"]["code"] == "190")
    assert jet["event"] == ["ASSAULT"]
    assert jet["actor"] == [{"code": "TUR", "sector": "MIL", "entity_text": jet["actor"][0][
        "entity_text"], "actor_code": "TURMIL"}]
    assert jet["recipient"][0]["code"] == "RUS"
    assert jet["num_mentions"] == len(jet["mentions"]) == 2


def test_csv_and_geojson_round_trip(con):
    df = pd.read_csv(io.StringIO(_text(con, "csv")), dtype={"cameo": str, "cameo_root": str})
    assert set(df.cameo) == {"190", "036", "042"}
    geo = json.loads(_text(con, "geojson"))
    assert geo["type"] == "FeatureCollection"
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert (lat, lon) == (39.92, 32.85)
    assert len(geo["features"]) == 2  # the NATO event has no place


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_networks_read_back_with_networkx(con, tmp_path, fmt, reader):
    path = tmp_path / f"net.{fmt}"
    export(con, fmt, path)
    g = reader(path)
    assert g.is_directed()
    assert int(g["TURMIL"]["RUSMIL"]["weight"]) == 1
    assert float(g["TURMIL"]["RUSMIL"]["goldstein"]) == -10.0


def test_parquet_lake_is_partitioned_by_publication_date(con, tmp_path):
    export(con, "parquet", tmp_path / "lake")
    assert (tmp_path / "lake" / "events" / "year=2015" / "month=11").is_dir()
    df = duckdb.sql(f"SELECT * FROM read_parquet('{tmp_path}/lake/events/**/*.parquet', "
                    "hive_partitioning = true)").df()
    assert len(df) == 4 and set(df.cameo) == {"190", "036", "042"}
    merged = pd.read_parquet(tmp_path / "lake" / "merged_events")
    assert len(merged) == 3


def test_date_window_and_unknown_format(con, tmp_path):
    assert len(_text(con, "csv", start="2016-01-01").splitlines()) == 2  # header + 1
    with pytest.raises(ExportError):
        export(con, "xlsx", tmp_path / "x")
    with pytest.raises(ExportError):
        export(con, "parquet", None)


def test_every_registered_format_is_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "exports.md").read_text()
    for name in FORMATS:
        assert f"`{name}`" in doc
