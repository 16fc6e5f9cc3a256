"""Shared fixtures: one real spaCy pipeline per test session, and the seed article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "examples" / "000_f6a2bb8c5d2e93d5.txt"


@pytest.fixture(scope="session")
def settings():
    from newsgraph.settings import Settings

    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    from newsgraph.nlp import get_nlp

    return get_nlp(settings)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record():
    import newsgraph

    return newsgraph.process(SEED.read_text(encoding="utf-8"), date=dt.date(2016, 8, 9))


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test where ../shared is absent."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is not present")
    return p
