"""One store, one number per dyad: the dashboard, the API, the Python API and the CLI
all count dyads through analytics.top_dyads_query (merged events, counted ones only)."""

from __future__ import annotations

import re

from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.store import Store


def _cli_pairs(store) -> dict[tuple[str, str], int]:
    out = CliRunner().invoke(app, ["dyads", "--store", str(store), "--by", "country",
                                   "--undirected", "--international", "-n", "50"])
    assert out.exit_code == 0, out.output
    pairs = {}
    for line in out.output.splitlines()[1:]:
        cells = line.split()
        pairs[cells[0], cells[1]] = int(cells[2])
    return pairs


def test_dashboard_api_python_and_cli_agree_on_every_dyad(client, example_store):
    api = {(d["a"], d["b"]): d["events"] for d in client.get("/api/dyads?limit=50").json()}
    assert ("RUS", "TUR") in api and api["RUS", "TUR"] > 0
    with Store(str(example_store), read_only=True) as s:
        df = s.top_dyads(50, by="country", directed=False, international=True)
        merged = s.con.execute(
            "SELECT count(DISTINCT merged_id) FROM events WHERE counted AND "
            "least(source_country, target_country) = 'RUS' AND "
            "greatest(source_country, target_country) = 'TUR'").fetchone()[0]
    python = {(r.source, r.target): int(r.events) for r in df.itertuples()}
    assert python == api
    assert _cli_pairs(example_store) == api
    # the number is merged, counted events: not the rows (mentions) of the events table
    assert api["RUS", "TUR"] == merged
    page = client.get("/").text
    shown = re.search(r'<ul class="bars" id="top-dyads">(.*?)</ul>', page, re.S).group(1)
    first = re.search(r"(\d+) events", shown)
    assert first and int(first.group(1)) == max(api.values())
