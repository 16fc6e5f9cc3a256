"""Each export's columns against the field list of its reference codebook in
../shared/reference (skipped where the reference is absent)."""

from __future__ import annotations

import io
import json
import re
from xml.etree import ElementTree

import pandas as pd

from newsgraph.exports.gdelt_events import COLUMNS as EVENT_COLUMNS
from newsgraph.exports.gdelt_gkg import COLUMNS as GKG_COLUMNS
from newsgraph.exports.gdelt_gkg import gkg_values
from newsgraph.exports.gdelt_mentions import COLUMNS as MENTION_COLUMNS
from newsgraph.model import ArticleRecord
from tests.conftest import shared_path

# A field entry in the cookbooks: "-  NAME. (type) ..." (a bullet glyph may follow the dash;
# the geography fields escape their underscore: "Actor1Geo\_Type").
FIELD = re.compile(r"^-\s+\S?\s*([A-Za-z][A-Za-z0-9._\\]*?)\s*\.\s+\(([^)]*)\)", re.M)


def _typed_fields(name: str) -> list[tuple[str, str]]:
    text = shared_path("reference", "gdelt", name).read_text(encoding="utf-8")
    return [(f.replace("\\", ""), kind.strip()) for f, kind in FIELD.findall(text)]


def _fields(name: str) -> list[str]:
    return [f for f, _ in _typed_fields(name)]


def _event_fields() -> list[tuple[str, str]]:
    """The Events codebook's fields in file order: it describes Actor1's fields and Actor1's
    geography once ("These codes are repeated for Actor2 and Action")."""
    fields = _typed_fields("gdelt_event_cookbook.md")
    fields = fields[:[f for f, _ in fields].index("SOURCEURL") + 1]
    actor = [(f, k) for f, k in fields if f.startswith("Actor1") and "Geo_" not in f]
    geo = [(f, k) for f, k in fields if f.startswith("Actor1Geo_")]
    out: list[tuple[str, str]] = []
    for f, k in fields:
        out.append((f, k))
        if f == actor[-1][0]:
            out += [(a.replace("Actor1", "Actor2"), t) for a, t in actor]
        if f == geo[-1][0]:
            out += [(g.replace("Actor1", who), t) for who in ("Actor2", "Action") for g, t in geo]
    return out


def test_gkg_columns_are_the_codebooks_fields_in_order():
    # Sub-fields described inside a field (Count, Tone, Polarity) are not upper case.
    fields = [f for f in _fields("gkg_cookbook.md") if f.upper() == f]
    assert fields == GKG_COLUMNS


def test_event_columns_are_the_codebooks_fields_in_order():
    # Names compared case-blind: the codebook writes "Geo_Fullname", GDELT's own header
    # files and BigQuery schema "Geo_FullName" (kept here).
    assert [f.lower() for f, _ in _event_fields()] == [c.lower() for c in EVENT_COLUMNS]
    fields = _fields("gdelt_event_cookbook.md")
    mentions = fields[fields.index("SOURCEURL") + 1:]
    assert mentions == MENTION_COLUMNS


def test_event_values_have_the_codebooks_types(tmp_path):
    """Each value of an exported row parses as its codebook type (integer, floating point)."""
    from newsgraph.exports import FORMATS, ExportOptions
    from newsgraph.store import Store
    from newsgraph.testing import synthetic_record

    path = tmp_path / "t.duckdb"
    with Store(path) as s:
        s.write([synthetic_record("a1", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190", 4,
                                                       -10.0)],
                                  url="https://example.com/a", place=("Ankara", "TUR", 39.9,
                                                                      32.9)),
                 synthetic_record("a2", "", [("USA", "GOV", "", "", "042", 1, 1.9)])])
    buf = io.StringIO()
    with Store(path, read_only=True) as s:
        assert FORMATS["gdelt-events"].write(s.con, buf, ExportOptions()) == 2
    checked = 0
    for line in buf.getvalue().splitlines():
        for (name, kind), value in zip(_event_fields(), line.split("\t"), strict=True):
            if value == "":
                continue
            if kind.startswith("integer"):
                assert re.fullmatch(r"-?\d+", value), (name, value)
            elif kind.startswith(("floating", "numeric")):
                float(value)
            checked += 1
    assert checked > 40


def test_gkg_record_id_is_stamp_dash_serial_and_extras_are_xml():
    import datetime as dt

    rec = ArticleRecord(id="x", text="Text.", title='Tom & Jerry <live> "now"')
    row = gkg_values(rec, dt.date(2015, 2, 3), serial=5)
    assert row[0] == "20150203000000-5"
    xml = row[GKG_COLUMNS.index("V2EXTRASXML")]
    assert ElementTree.fromstring(xml).text == 'Tom & Jerry <live> "now"'


def test_gkg_export_parses_as_the_codebook_describes(tmp_path):
    from newsgraph.exports import FORMATS, ExportOptions
    from newsgraph.store import Store
    from newsgraph.testing import synthetic_record

    path = tmp_path / "g.duckdb"
    with Store(path) as s:
        s.write([synthetic_record(f"a{i}", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190",
                                                          4, -10.0)]) for i in range(3)])
    buf = io.StringIO()
    with Store(path, read_only=True) as s:
        FORMATS["gdelt-gkg"].write(s.con, buf, ExportOptions())
    df = pd.read_csv(io.StringIO(buf.getvalue()), sep="\t", header=None, names=GKG_COLUMNS,
                     dtype=str, keep_default_na=False, quoting=3)
    assert list(df.GKGRECORDID) == ["20151124000000-1", "20151124000000-2", "20151124000000-3"]


def _latex_table(tex: str, caption: str) -> list[list[str]]:
    body = tex[tex.index(caption):]
    body = body[body.index(r"\hline"):body.index(r"\end{tabular}")]
    rows = []
    for line in body.split(r"\\"):
        cells = [c.strip().replace(r"\_", "_") for c in line.replace(r"\hline", "").split("&")]
        if len(cells) >= 2 and cells[0] and cells[0] != "Name":
            rows.append(cells)
    return rows


def test_plover_records_follow_the_manuals_data_fields(tmp_path):
    from newsgraph.exports import FORMATS, ExportOptions
    from newsgraph.store import Store
    from newsgraph.testing import synthetic_record

    tex = shared_path("reference", "plover", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    fields = {r[0]: r[-1] == "Y" for r in _latex_table(tex, r"\caption{PLOVER JSON }")}
    entity_fields = {r[0] for r in _latex_table(tex, r"\caption{Information object for entities }")}
    assert {"id", "date", "actor", "event"} <= {k for k, req in fields.items() if req}
    lists = {k for k, _ in fields.items() if k in {"actor", "recipient", "event", "mode",
                                                   "context", "event_text"}}

    path = tmp_path / "p.duckdb"
    records = [
        synthetic_record("a1", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0)]),
        synthetic_record("a2", "2015-11-25", [("TUR", "GOV", "RUS", "GOV", "010", 1, 0.0)]),
        synthetic_record("a3", "2015-11-26", [("", "", "RUS", "GOV", "036", 1, 4.0)]),
        synthetic_record("a4", "2015-11-27", [("USA", "GOV", "", "", "0312", 1, 5.2)]),
    ]
    records[1].events[0].plover.type = None  # CAMEO 01 (statements) has no PLOVER category
    with Store(path) as s:
        s.write(records)
    buf = io.StringIO()
    with Store(path, read_only=True) as s:
        n = FORMATS["plover"].write(s.con, buf, ExportOptions())
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == len(records) == 2  # the statement (CAMEO 010) and the actorless event are out
    for rec in records:
        for name, required in fields.items():
            if required:
                assert rec.get(name) not in (None, [], ""), (name, rec)
        for name in lists:
            assert isinstance(rec.get(name, []), list), name
        for ent in rec["actor"] + rec["recipient"]:
            assert "code" in ent and set(ent) & entity_fields
        assert all(isinstance(e, str) and e for e in rec["event"])
    agree = next(r for r in records if r["cameo"]["code"] == "0312")
    assert agree["context"] == ["military"] and agree["recipient"] == []


def test_the_parquet_lake_reads_in_pandas_pyarrow_and_duckdb(tmp_path):
    import duckdb
    import pyarrow.dataset as ds

    from newsgraph.exports import FORMATS, ExportOptions
    from newsgraph.store import Store
    from newsgraph.testing import synthetic_record

    path = tmp_path / "l.duckdb"
    with Store(path) as s:
        s.write([synthetic_record("a1", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190",
                                                       4, -10.0)]),
                 synthetic_record("a2", "", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)])])
    lake = tmp_path / "lake"
    with Store(path, read_only=True) as s:
        FORMATS["parquet"].write(s.con, lake, ExportOptions())
    for table in ("articles", "events", "merged_events"):
        frame = pd.read_parquet(lake / table)
        assert len(frame) == 2 and set(frame.year.astype(int)) == {2015, 0}
        assert ds.dataset(lake / table, partitioning="hive").to_table().num_rows == 2
        assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{lake / table}/**/*.parquet', "
                          "hive_partitioning = true)").fetchall() == [(2,)]


def test_gdelt_adm1_codes_are_fips_country_plus_the_gazetteers_admin1():
    from newsgraph.exports.common import place_geo

    az = place_geo("USA", "Arizona", "Arizona", "admin1", 34.2, -111.9, 5551752)
    phoenix = place_geo("USA", "Phoenix", "Arizona", "city", 33.4, -112.1, 5308655)
    istanbul = place_geo("TUR", "Istanbul", "Istanbul", "city", 41.0, 28.9, 745044)
    assert (az[0], az[3]) == (2, "USAZ") and phoenix[3] == "USAZ"
    assert istanbul[2:4] == ["TU", "TU34"]
    nowhere = place_geo("TUR", "Somewhere", "No Such Province", "city", 39.0, 35.0, None)
    assert nowhere[3] == "TU"  # unknown admin1: the country alone, as GDELT does


def test_plover_leaves_out_undated_events_and_says_why(tmp_path):
    """The manual's `date` is required (YYYY-MM-DD): an undated event is no PLOVER record;
    the export's summary counts it as left out, and csv keeps it."""
    from newsgraph.exports import FORMATS, ExportOptions, summary
    from newsgraph.store import Store
    from newsgraph.testing import synthetic_record

    path = tmp_path / "u.duckdb"
    with Store(path) as s:
        s.write([synthetic_record("dated", "2015-11-24", [("TUR", "MIL", "RUS", "MIL", "190",
                                                           4, -10.0)]),
                 synthetic_record("undated", "", [("USA", "GOV", "CHN", "GOV", "190", 4,
                                                   -10.0)])])
    with Store(path, read_only=True) as s:
        buf = io.StringIO()
        n = FORMATS["plover"].write(s.con, buf, ExportOptions())
        lines = summary(s.con, "plover", n)
        csv_rows = FORMATS["csv"].write(s.con, io.StringIO(), ExportOptions())
    records = [json.loads(line) for line in buf.getvalue().splitlines()]
    assert n == 1 and [r["date"] for r in records] == ["2015-11-24"]
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]) for r in records)
    assert any("1 events left out" in line and "date" in line for line in lines), lines
    assert "0 events without a date" in lines
    assert csv_rows == 2


def test_gdelt_fullname_is_city_state_country_and_state_country():
    """The codebook: "For US and World states it is in the format of 'State, Country Name',
    while for all other matches it is in the format of 'City/Landmark, State, Country'"."""
    from newsgraph.exports.common import place_geo

    assert place_geo("USA", "Phoenix", "Arizona", "city", 33.4, -112.1, 5308655)[1] == \
        "Phoenix, Arizona, United States"
    assert place_geo("USA", "Arizona", "Arizona", "admin1", 34.2, -111.9, 5551752)[1] == \
        "Arizona, United States"
    braunau = place_geo("AUT", "Braunau am Inn", "Upper Austria", "city", 48.26, 13.04,
                        2781520)
    assert braunau[:4] == [4, "Braunau am Inn, Upper Austria, Austria", "AU", "AU04"]
    # A gazetteer code in place of the division's name is shown by its name.
    assert place_geo("TUR", "Kadikoy", "34", "city", 40.99, 29.03, 747340)[1] == \
        "Kadikoy, Istanbul, Turkey"
    assert place_geo("DEU", "Germany", None, "country", 51.0, 9.0, None)[1] == "Germany"


def test_gdelt_geo_has_no_type_for_a_continent():
    """GDELT's geo types are country, state and city/landmark: a continent or region with
    no country is no GDELT location (blank fields, type 0), not a 'world city'."""
    from newsgraph.exports.common import place_geo

    assert place_geo(None, "Africa", None, "continent", 2.0, 16.0, None) == \
        [0, "", "", "", "", "", "", ""]
    assert place_geo(None, "Europe", None, "region", 50.0, 10.0, None)[0] == 0


def test_translation_info_names_the_language_by_its_iso_639_2_code():
    """GKG V2.1TRANSLATIONINFO and Mentions MentionDocTranslationInfo: "SRCLC ... the
    three-letter ISO639-2 code of the language of the original source material"."""
    import datetime as dt

    from newsgraph.exports.common import iso639_2

    assert [iso639_2(c) for c in ("fr", "pt", "zh", "id", "de", "pcm")] == \
        ["fra", "por", "zho", "ind", "deu", "pcm"]
    rec = ArticleRecord(id="x", text="Texto.", language="pt")
    row = gkg_values(rec, dt.date(2018, 1, 2))
    assert row[GKG_COLUMNS.index("V2.1TRANSLATIONINFO")] == "srclc:por"
    english = gkg_values(ArticleRecord(id="y", text="Text.", language="en"), None)
    assert english[GKG_COLUMNS.index("V2.1TRANSLATIONINFO")] == ""


def _plover_vocabulary(tex: str) -> tuple[set[str], dict[str, set[str]], set[str]]:
    """(event categories, modes per category, general contexts) from the manual's tables;
    table rows commented out in the manual (``%return``) are no values."""
    def names(caption: str) -> list[str]:
        body = tex[tex.index(caption):]
        body = body[body.index(r"\hline"):body.index(r"\end{", body.index(r"\hline"))]
        out = []
        for line in body.split(r"\\"):
            line = "\n".join(x for x in line.splitlines() if not x.strip().startswith(("%", "\\end")))
            cell = line.replace(r"\hline", "").split("&")[0].strip()
            cell = re.sub(r"\\hyperref\[[^\]]*\]\{([^}]*)\}", r"\1", cell).replace(r"\_", "_")
            if cell and cell != "Name" and re.fullmatch(r"[a-z_-]+", cell):
                out.append(cell)
        return out

    categories = set(re.findall(r"^\\section\{([A-Z]+)\}", tex, re.M))
    modes: dict[str, set[str]] = {}
    for m in re.finditer(r"\\caption\{(?:\\plcat\{)?([A-Z]+)\}? modes", tex):
        modes.setdefault(m.group(1), set()).update(names(tex[m.start():]))
    contexts = set(names(tex[tex.index(r"\caption{General contexts"):]))
    return categories, modes, contexts


def test_plover_values_are_the_manuals_categories_modes_and_contexts():
    """Every CAMEO code's PLOVER event, mode and context, as the export writes them, are
    values of the manual's tables (the 2021 crosswalk has some the manual does not:
    'pro_autocracy' as a mode, 'humanitarian' as a context, retired 'massacre')."""
    from newsgraph.events.tables import cameo_table
    from newsgraph.exports.tables import plover_values

    tex = shared_path("reference", "plover", "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    categories, modes, contexts = _plover_vocabulary(tex)
    assert {"ASSAULT", "CONSULT"} <= categories and "targeted" in modes["ASSAULT"]
    assert {"military", "pro_autocracy", "human_security"} <= contexts
    wrong = []
    for code, info in cameo_table().items():
        if not info.plover_type:
            continue
        event, mode, context = plover_values(info.plover_type, info.plover_mode, code)
        if (not set(event) <= categories or not set(mode) <= modes.get(event[0], set())
                or not set(context) <= contexts):
            wrong.append((code, event, mode, context))
    assert not wrong, wrong
    assert plover_values("ASSAULT", "pro_autocracy", "175") == (
        ["ASSAULT"], [], ["military", "pro_autocracy"])
    assert plover_values("ASSAULT", "assassinate", "186")[1] == ["targeted"]
