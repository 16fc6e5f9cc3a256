from __future__ import annotations

from newsgraph.store import Store
from newsgraph.testing import build_synthetic_store


def test_synthetic_store_has_the_requested_events_and_valid_codes(tmp_path):
    path = build_synthetic_store(tmp_path / "syn.duckdb", 20_000, seed=1)
    with Store(path, read_only=True) as s:
        n, roots, quads = s.con.execute(
            "SELECT count(*), count(DISTINCT cameo_root), min(quad_class) FROM events"
        ).fetchone()
        orphans = s.con.execute(
            "SELECT count(*) FROM events e ANTI JOIN articles a ON a.id = e.article_id"
        ).fetchone()[0]
        bad = s.con.execute("SELECT count(*) FROM events WHERE source_code = target_code"
                            ).fetchone()[0]
    assert n == 20_000
    assert roots > 3 and quads >= 1
    assert orphans == 0
    assert bad == 0
