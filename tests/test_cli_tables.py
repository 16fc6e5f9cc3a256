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
