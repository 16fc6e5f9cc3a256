"""Coding constructions through the real pipeline: one short article per case."""

from __future__ import annotations

import datetime as dt

import pytest

import newsgraph

DATE = dt.date(2016, 8, 9)


def _events(text, **kw):
    rec = newsgraph.process(text, date=DATE, **kw)
    by_id = {a.id: a for a in rec.actors}

    def countries(ids):
        return {by_id[i].country for i in ids if i in by_id}

    return rec, [(e.cameo.code, countries(e.source), countries(e.target), e) for e in rec.events]


def test_passive_by_agent_is_the_source():
    _, evs = _events("The Russian jet was shot down by Turkey on Tuesday.")
    assert any(c.startswith("19") and s == {"TUR"} and t == {"RUS"} for c, s, t, _ in evs)


def test_nominal_event_with_by_agent():
    _, evs = _events("Moscow protested after the shooting down of the Russian fighter jet by Turkey.")
    assert any(c.startswith("19") and s == {"TUR"} and t == {"RUS"} for c, s, t, _ in evs)


def test_possessor_of_a_visit_is_the_source():
    _, evs = _events("Officials prepared for Erdogan's visit to Russia.")
    assert any(c == "042" and "RUS" in t for c, s, t, _ in evs)


def test_negated_meeting_is_recorded_but_not_counted():
    _, evs = _events("Putin did not meet Erdogan in Ankara.")
    meets = [e for c, _, _, e in evs if c.startswith("04")]
    assert meets and all(e.negated and not e.counted for e in meets)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Erdogan will go to Russia next week.", "future"),
        ("Erdogan plans to visit Russia.", "intention"),
        ("Russia would help Turkey.", "hypothetical"),
    ],
)
def test_modality(text, modality):
    _, evs = _events(text)
    assert any(e.modality == modality and not e.counted for _, _, _, e in evs)


def test_asserted_event_has_no_modality():
    _, evs = _events("Turkey condemned Russia on Monday.")
    assert evs and all(e.modality is None and e.counted for _, _, _, e in evs)


def test_coordinated_verbs_give_two_events():
    _, evs = _events("Putin praised Erdogan and criticized the United States.")
    roots = {(c[:2], frozenset(t)) for c, _, t, _ in evs}
    assert ("05", frozenset({"TUR"})) in roots and ("11", frozenset({"USA"})) in roots


def test_coordinated_subjects_meeting_is_mutual():
    _, evs = _events("Russia and Turkey held talks in Moscow.")
    pairs = {(frozenset(s), frozenset(t)) for c, s, t, _ in evs if c.startswith("04")}
    assert (frozenset({"RUS"}), frozenset({"TUR"})) in pairs and (frozenset({"TUR"}), frozenset({"RUS"})) in pairs


def test_reported_speech_codes_the_inner_event():
    _, evs = _events("Cavusoglu said that Turkey first sought cooperation with NATO countries.")
    codes = [c for c, _, _, _ in evs]
    assert any(c.startswith("03") for c in codes)
    assert "010" not in codes  # the saying is not coded when what was said codes


def test_plain_statement_is_coded_as_010():
    _, evs = _events("Putin spoke to reporters in Moscow and said the weather was fine.")
    assert any(c == "010" for c, _, _, _ in evs)


def test_sentence_without_political_actors_has_no_events():
    rec, evs = _events("The cat sat on the mat and the dog slept.")
    assert evs == []


def test_user_pattern_file_extends_coding(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("verb snub => 120  # my rule\n", encoding="utf-8")
    text = "Turkey snubbed Russia at the summit."
    _, before = _events(text)
    assert not any(c == "120" for c, _, _, _ in before)
    from newsgraph.settings import Settings

    _, after = _events(text, settings=Settings(patterns_files=(str(path),)))
    hits = [e for c, _, _, e in after if c == "120"]
    assert hits and hits[0].rule.endswith("mine:1")
