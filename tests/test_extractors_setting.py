"""The `extractors` setting: run fewer extractors, get their prerequisites, see why fields are empty."""

from __future__ import annotations

import pytest

from newsgraph.errors import SettingsError
from newsgraph.model import RawArticle
from newsgraph.pipeline import process_batch, selected_extractors
from newsgraph.settings import Settings, load_settings

TEXT = ("Turkish President Tayyip Erdogan met Russian President Vladimir Putin in St Petersburg "
        "on Tuesday. \"We will restore relations,\" Putin said.")


def test_prerequisites_are_added_in_pipeline_order():
    names = [n for n, _ in selected_extractors(("events",))]
    assert names == ["actors", "dates", "places", "events"]
    assert [n for n, _ in selected_extractors(("themes",))] == ["themes"]
    assert selected_extractors(()) == ()


def test_unknown_extractor_is_a_settings_error():
    with pytest.raises(SettingsError, match="unknown extractor 'sentiment'"):
        process_batch([RawArticle(text=TEXT)], Settings(extractors=("sentiment",)))


def test_parse_only_keeps_sentences_and_entities_and_says_why_the_rest_is_empty():
    (rec,) = process_batch([RawArticle(text=TEXT)], Settings(extractors=()))
    assert rec.sentences and rec.entities
    assert not rec.actors and not rec.events and not rec.quotes and rec.tone is None
    (w005,) = [w for w in rec.warnings if w.startswith("W005")]
    for name in ("actors", "events", "quotes", "tone"):
        assert name in w005


def test_quotes_only_runs_actors_for_the_speaker():
    (rec,) = process_batch([RawArticle(text=TEXT)], Settings(extractors=("quotes",)))
    assert rec.quotes and any(q.speaker.actor for q in rec.quotes)
    assert rec.actors and not rec.events and not rec.themes
    (full,) = process_batch([RawArticle(text=TEXT)], Settings())
    assert not any(w.startswith("W005") for w in full.warnings)
    assert [q.text for q in rec.quotes] == [q.text for q in full.quotes]


def test_setting_from_environment_and_flag_text():
    s = load_settings(environ={"NEWSGRAPH_EXTRACTORS": "events, themes"})
    assert s.extractors == ("events", "themes")
    assert load_settings({"extractors": ""}, environ={}).extractors == ()
