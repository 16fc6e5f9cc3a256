"""Short English (headlines, ledes, one-sentence reports) is English: the language check
loses none of them (tests/data/short_english.tsv, 202 lines written for this test)."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "short_english.tsv"


def _lines() -> list[tuple[str, set[str]]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            text, _, codes = line.partition("\t")
            rows.append((text, set(filter(None, codes.split(",")))))
    return rows


@pytest.fixture(scope="module")
def records():
    from newsgraph import RawArticle, Settings, process_batch

    texts = [RawArticle(text=t) for t, _ in _lines()]
    return (process_batch(texts, Settings(language_check=True)),
            process_batch([RawArticle(text=t) for t, _ in _lines()],
                          Settings(language_check=False)))


def test_the_set_is_200_short_lines():
    rows = _lines()
    assert len(rows) >= 200
    assert max(len(t) for t, _ in rows) < 100


def test_every_short_line_is_taken_as_english_and_parsed(records):
    checked, _ = records
    lost = [(r.text, r.language, r.language_detected) for r in checked
            if r.language != "en" or not r.sentences
            or any(w.startswith("W001") for w in r.warnings)]
    assert not lost, f"{len(lost)} short English lines lost: {lost[:5]}"


def test_the_detectors_guess_is_kept(records):
    checked, _ = records
    overruled = [r for r in checked if r.language_detected != "en"]
    assert overruled, "the set no longer has lines the detector misreads"
    assert all(r.language_confidence is not None for r in checked)


def test_language_check_loses_no_actor_or_event(records):
    checked, unchecked = records
    for a, b in zip(checked, unchecked, strict=True):
        assert [x.to_dict() if hasattr(x, "to_dict") else x for x in a.actors] == \
               [x.to_dict() if hasattr(x, "to_dict") else x for x in b.actors], a.text
        assert len(a.events) == len(b.events), a.text


def test_named_countries_become_actors_and_dyads_events(records):
    checked, _ = records
    named = [(r, codes) for r, (_, codes) in zip(checked, _lines(), strict=True) if codes]
    found = [codes <= {a.country for a in r.actors} for r, codes in named]
    assert sum(found) / len(found) >= 0.97, [r.text for (r, _), ok in zip(named, found, strict=True)
                                            if not ok]
    assert all(r.actors for r, codes in named if len(codes) >= 2)
    dyads = [r for r, codes in named if len(codes) >= 2]
    assert sum(bool(r.events) for r in dyads) / len(dyads) >= 0.9


def test_long_foreign_text_is_still_skipped():
    import newsgraph

    rec = newsgraph.process("Der Bundeskanzler traf sich am Montag mit dem französischen "
                            "Präsidenten in Paris, um über die Zukunft Europas zu sprechen.")
    assert rec.language == "de" and rec.events == []
    assert any(w.startswith("W001") for w in rec.warnings)
