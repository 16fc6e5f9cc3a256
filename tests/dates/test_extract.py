"""Dates found in running text and resolved (real spaCy pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import dates
from newsgraph.context import DocContext
from newsgraph.model import ArticleRecord

TUE = dt.date(2016, 8, 9)


def _dates(nlp, settings, text, published=TUE):
    ctx = DocContext(nlp(text), ArticleRecord(id="t", text=text), settings, published)
    dates.extract(ctx)
    return ctx.record.dates


def test_seed_dates(nlp, settings, seed_text):
    found = {d.text: d for d in _dates(nlp, settings, seed_text)}
    assert found["November past year"].value == "2015-11"
    assert (found["late June"].value, found["late June"].qualifier) == ("2016-06", "late")
    assert found["later Tuesday"].value == "2016-08-09"
    assert found["Wednesday"].value == "2016-08-10"  # "will go ... on Wednesday"
    ranges = [d for d in found.values() if d.resolution == "range"]
    assert [d.value for d in ranges] == ["2016/2019"]


def test_offsets_point_into_the_text(nlp, settings, seed_text):
    for d in _dates(nlp, settings, seed_text):
        assert seed_text[d.start : d.end] == d.text


def test_future_and_past_weekdays(nlp, settings):
    met, go = _dates(nlp, settings, "They met on Monday and will meet again on Friday.")
    assert (met.value, go.value) == ("2016-08-08", "2016-08-12")


@pytest.mark.parametrize(
    "text",
    [
        "We will see what happens.",
        "May I ask a question?",
        "He scored 2015 points in his career.",
        "The 43-year-old minister resigned.",
        "Sun Microsystems was sold.",
    ],
)
def test_no_false_dates(nlp, settings, text):
    assert _dates(nlp, settings, text) == []


def test_no_publication_date_gives_reason(nlp, settings):
    (d,) = _dates(nlp, settings, "The talks collapsed on Tuesday.", published=None)
    assert d.value is None and "publication date" in d.reason


@pytest.mark.parametrize(
    ("text", "url", "meta", "value"),
    [
        ("x", None, "2016-08-09T10:00:00Z", "2016-08-09"),
        ("x", None, "Tue, 09 Aug 2016 10:00:00 GMT", "2016-08-09"),
        ("x", "https://example.com/world/2016/08/09/story.html", None, "2016-08-09"),
        ("x", "https://example.com/world/20160809-story", None, "2016-08-09"),
        ("x", "https://example.com/2016/08/story", None, "2016-08"),
        ("Title\n\nBy A. Writer, 24 November 2015\n\nText.", None, None, "2015-11-24"),
        ("ANKARA, Nov. 24, 2015 (Reuters) - Turkey shot down a jet.", None, None, "2015-11-24"),
    ],
)
def test_find_published(text, url, meta, value):
    found, reason = dates.find_published(text, url, meta)
    assert found == value and reason


def test_find_published_explains_missing_year():
    value, reason = dates.find_published("ANKARA, Nov 24 (Reuters) - Turkey shot down a jet.")
    assert value is None and "no year" in reason


def test_find_published_ignores_weekday_words():
    value, reason = dates.find_published("We met and talked.\n\nThen we left.")
    assert value is None and reason
