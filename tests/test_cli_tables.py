"""`network` prints a header; `dyad` prints no NaN for periods without a value."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    from newsgraph.store import Store
    from newsgraph.testing import synthetic_record

    path = tmp_path_factory.mktemp("tables") / "t.duckdb"
    records = [synthetic_record("a1", "2015-11-24",
                                [("TUR", "MIL", "RUS", "MIL", "190", 4, -10.0)]),
               synthetic_record("a2", "2016-03-02",
                                [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)])]
    records[1].tone = None  # a period with no tone: its mean is missing
    with Store(path) as s:
        s.write(records)
    return str(path)


def test_network_prints_a_header(store):
    out = CliRunner().invoke(app, ["network", "--store", store])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].split() == ["source", "target", "events", "goldstein"]


def test_dyad_prints_no_nan(store):
    out = CliRunner().invoke(app, ["dyad", "TUR", "RUS", "--store", store])
    assert out.exit_code == 0, out.output
    assert "TUR" in out.output or "2015" in out.output
    assert "NaN" not in out.output and "nan" not in out.output


def test_dyad_lists_every_month_with_integer_zeros(store):
    out = CliRunner().invoke(app, ["dyad", "TUR", "RUS", "--by", "month", "--store", store])
    assert out.exit_code == 0, out.output
    rows = [line.split() for line in out.output.splitlines() if line[:4].isdigit()]
    assert [r[0] for r in rows] == ["2015-11", "2015-12", "2016-01", "2016-02", "2016-03"]
    header = out.output.splitlines()[0].split()
    events = header.index("events")
    assert [r[events] for r in rows] == ["1", "0", "0", "0", "1"]  # integers, zeros kept
    dec = dict(zip(header, rows[1], strict=True))
    assert dec["goldstein_mean"] == "-" and dec["quad4"] == "0" and dec["articles"] == "0"


def test_dyad_json_has_every_month_and_no_nan(store):
    import json

    out = CliRunner().invoke(app, ["dyad", "TUR", "RUS", "--json", "--store", store])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert [r["period"] for r in data["series"]] == ["2015-11", "2015-12", "2016-01", "2016-02",
                                                       "2016-03"]
    assert all(isinstance(r["events"], int) for r in data["series"])
    assert "NaN" not in out.stdout
