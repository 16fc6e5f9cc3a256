"""A merged event's code fields belong to one CAMEO code: the one most of its reports give.

Reports of one happening can differ in the specific code (0311, 0312, 032 are all 03). The
event's EventCode, EventBaseCode, GoldsteinScale, QuadClass and PLOVER category must be
those of one code, not each field's own majority (GDELT: 032 with base 031 is no code)."""

from __future__ import annotations

import io

import duckdb
import pytest

from newsgraph.exports import FORMATS, ExportOptions
from newsgraph.exports.gdelt_events import COLUMNS
from newsgraph.store import Store
from newsgraph.testing import synthetic_record

# Five reports of one TUR -> RUS cooperation on one day: three specific 031x codes (base
# 031, Goldstein 6.0 here) and two of 032 (Goldstein 4.5). 032 is the most reported code.
REPORTS = [("0311", 6.0), ("0312", 6.0), ("0313", 6.0), ("032", 4.5), ("032", 4.5)]


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = tmp_path_factory.mktemp("merged") / "m.duckdb"
    with Store(path) as s:
        s.write([synthetic_record(f"r{i}", "2016-08-09", [("TUR", "GOV", "RUS", "GOV", code, 1,
                                                           gold)])
                 for i, (code, gold) in enumerate(REPORTS)])
    c = duckdb.connect(str(path), read_only=True)
    yield c
    c.close()


def test_the_merged_event_takes_every_code_field_from_its_most_reported_code(con):
    rows = con.execute("SELECT cameo, cameo_base, cameo_root, goldstein, num_mentions "
                       "FROM merged_events").fetchall()
    assert rows == [("032", "032", "03", 4.5, 5)]


def test_gdelt_row_is_one_consistent_code(con):
    buf = io.StringIO()
    assert FORMATS["gdelt-events"].write(con, buf, ExportOptions()) == 1
    row = dict(zip(COLUMNS, buf.getvalue().rstrip("\n").split("\t"), strict=True))
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"],
            row["GoldsteinScale"]) == ("032", "032", "03", "4.5")
