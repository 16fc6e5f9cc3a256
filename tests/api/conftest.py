"""A store built from the seed and the demo articles, and a TestClient on it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / "000_f6a2bb8c5d2e93d5.txt",
            ROOT / "examples" / "turkey_russia_2015_2017.jsonl"]
# The server answers only to its own host names (guard.HostAllowList), not "testserver".
BASE_URL = "http://localhost"
SEED_ID_PREFIX = "Turkey’s Erdogan pivots"


@pytest.fixture(scope="session")
def example_store(tmp_path_factory) -> Path:
    from newsgraph.ingest import ingest_paths
    from newsgraph.settings import Settings

    path = tmp_path_factory.mktemp("api") / "examples.duckdb"
    report = ingest_paths([str(p) for p in EXAMPLES], Settings(store=str(path)))
    assert report.stored == 23, report.summary()
    return path


@pytest.fixture(scope="session")
def client(example_store):
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    with TestClient(create_app(Settings(store=str(example_store))), base_url=BASE_URL) as c:
        yield c


@pytest.fixture(scope="session")
def seed_id(client) -> str:
    items = client.get("/api/articles", params={"q": "pivots to Putin"}).json()["items"]
    assert len(items) == 1
    return items[0]["id"]


@pytest.fixture
def fresh_client(tmp_path: Path):
    """A factory of TestClients on an empty store (for tests that write)."""
    from fastapi.testclient import TestClient

    from newsgraph.api import create_app
    from newsgraph.settings import Settings

    def make(**settings):
        """A client that sends the app's write token, as a script that read it would."""
        app = create_app(Settings(store=str(tmp_path / "w.duckdb"), **settings))
        return TestClient(app, base_url=BASE_URL,
                          headers={"Authorization": f"Bearer {app.state.write_token}"})

    return make
