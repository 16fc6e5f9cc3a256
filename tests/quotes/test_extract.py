"""Quotations and their speakers (real spaCy pipeline)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import actors, quotes
from newsgraph.context import DocContext
from newsgraph.model import ArticleRecord


def _quotes(nlp, settings, text):
    ctx = DocContext(nlp(text), ArticleRecord(id="t", text=text), settings, dt.date(2016, 8, 9))
    actors.extract(ctx)  # quotes read the actors and the pronoun resolver it leaves
    quotes.extract(ctx)
    return ctx.record.quotes


@pytest.fixture(scope="module")
def seed_quotes(nlp, settings, seed_text):
    return _quotes(nlp, settings, seed_text)


def _find(qs, start_words, kind=None):
    found = [q for q in qs if q.text.startswith(start_words) and (kind is None or q.kind == kind)]
    assert len(found) == 1, (start_words, [q.text[:30] for q in qs])
    return found[0]


def test_seed_six_full_quotations_with_exact_spans(seed_quotes, seed_text):
    direct = [q for q in seed_quotes if q.kind == "direct"]
    assert len(direct) == 6
    for q in seed_quotes:
        assert seed_text[q.start : q.end] == q.text
    # Spans hold the words only: the marks sit just outside them.
    for q in direct:
        assert seed_text[q.start - 1] == "“" and seed_text[q.end] == "”"
    assert _find(direct, "Your visit today").text.endswith("restore our relations")


@pytest.mark.parametrize(
    ("start", "speaker"),
    [
        ("Your visit today", "Putin"),
        ("I hope the plans", "Putin"),
        ("I believe that we have", "Putin"),
        ("Erdogan’s rapprochement", "Aydin Sezer"),
    ],
)
def test_seed_direct_speakers(seed_quotes, seed_text, start, speaker):
    q = _find(seed_quotes, start, "direct")
    assert q.speaker.name == speaker
    assert seed_text[slice(*q.speaker.span)] == speaker
    assert q.cue_word in ("said", "added", "told")


def test_seed_pronoun_speaker_is_resolved_or_explained(seed_quotes):
    q = _find(seed_quotes, "It is good that", "direct")
    assert q.speaker.reason and "he" in q.speaker.reason
    assert q.speaker.name.endswith("Putin") or "ambiguous" in q.speaker.reason


def test_seed_kazakhstan_quotation_has_no_speaker(seed_quotes):
    q = _find(seed_quotes, "Russia and Turkey are important", "direct")
    assert q.speaker.actor is None and q.speaker.name is None and q.cue is None
    assert "does not say who" in q.speaker.reason


def test_seed_partial_and_indirect(seed_quotes):
    partial = _find(seed_quotes, "strong mechanism", "partial")
    assert partial.speaker.name == "Mevlut Cavusoglu"
    first = _find(seed_quotes, "Turkey first sought cooperation", "indirect")
    second = _find(seed_quotes, "Turkey is building", "indirect")
    added = _find(seed_quotes, "he and Erdogan will have a separate discussion", "indirect")
    assert first.speaker.name == "Cavusoglu" and first.cue_word == "said"
    assert second.speaker.name == "Mevlut Cavusoglu"
    assert added.speaker.name == "Putin" and added.cue_word == "added"


def test_seed_headline_scare_quote_is_not_a_quotation(seed_quotes):
    assert not [q for q in seed_quotes if q.text == "reset"]


def test_split_quotation_shares_cue_and_speaker(nlp, settings):
    qs = _quotes(
        nlp, settings, "“The bridge is safe,” Mayor Tomas Novak said, “but the road is not.”"
    )
    assert [q.text for q in qs] == ["The bridge is safe", "but the road is not."]
    assert {q.speaker.name for q in qs} == {"Tomas Novak"} and qs[0].cue == qs[1].cue


@pytest.mark.parametrize(
    "text",
    [
        "The so-called “peace caravan” reached the border town.",
        "Thousands watched the film “The Last Harbour” at the festival.",
        "Critics see the plan as a 'gimmick' aimed at young voters.",
        "Scientists believe the glacier will disappear within thirty years.",
        "The word “sovereignty” appears twelve times in the treaty.",
    ],
)
def test_scare_quotes_titles_and_beliefs_are_not_quotes(nlp, settings, text):
    assert _quotes(nlp, settings, text) == []


def test_by_actor_groups_quotes():
    from newsgraph.model import Quote, Speaker

    rec = ArticleRecord(id="t", text="x")
    rec.quotes = [
        Quote(0, 1, "x", "direct", speaker=Speaker(actor="a1")),
        Quote(0, 1, "x", "indirect", speaker=Speaker(actor="a1")),
        Quote(0, 1, "x", "direct", speaker=Speaker(reason="unknown")),
    ]
    assert {k: len(v) for k, v in quotes.by_actor(rec).items()} == {"a1": 2}


@pytest.mark.parametrize(
    ("start", "kind", "speaker"),
    [
        ("Your visit today", "direct", "Putin"),
        ("I hope the plans", "direct", "Putin"),
        ("I believe that we have", "direct", "Putin"),
        ("Erdogan’s rapprochement", "direct", "Sezer"),
        ("strong mechanism", "partial", "Cavusoglu"),
        ("Turkey first sought", "indirect", "Cavusoglu"),
        ("Turkey is building", "indirect", "Cavusoglu"),
        ("he and Erdogan will have", "indirect", "Putin"),
    ],
)
def test_seed_speakers_are_actors_in_the_full_pipeline(seed_record, start, kind, speaker):
    names = {a.id: a.name for a in seed_record.actors}
    q = _find(seed_record.quotes, start, kind)
    assert q.speaker.actor in names and names[q.speaker.actor].endswith(speaker)
    assert q in quotes.by_actor(seed_record)[q.speaker.actor]


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        (
            "The council accused the developer of ignoring the planning rules.",
            "the developer of ignoring the planning rules",
            "The council",
        ),
        ("Nurses called for safer staffing levels.", "safer staffing levels", "Nurses"),
        (
            "The senator voiced concern about the cost of the programme.",
            "concern about the cost of the programme",
            "The senator",
        ),
        (
            "An audit showed that the fund had lost half its value.",
            "the fund had lost half its value",
            "An audit",
        ),
    ],
)
def test_attributions_whose_cue_is_not_a_speech_verb(nlp, settings, text, content, speaker):
    found = [q for q in _quotes(nlp, settings, text) if q.kind == "indirect"]
    assert [q.text for q in found] == [content]
    assert found[0].speaker.name == speaker and found[0].cue_word


def test_a_name_and_a_colon_attribute_the_quotation(nlp, settings):
    text = "Professor Lena Maric: “The data leave no doubt about the trend.”"
    (q,) = _quotes(nlp, settings, text)
    assert q.kind == "direct" and q.rule == "direct:colon_name"
    assert q.speaker.name == "Lena Maric" and q.cue_word == ":"


@pytest.mark.parametrize(
    "text",
    [
        "Sales showed a steady rise in the spring.",
        "Players expressed themselves freely in the second half.",
        "He called his lawyer on Friday.",
        "Menu: soup, bread and cheese.",
        # the cue's object is the relative clause's head, outside the clause: no content
        "Ten people died in the blast that the mayor blamed on a gas leak.",
    ],
)
def test_no_attribution_without_content_or_speaker(nlp, settings, text):
    assert _quotes(nlp, settings, text) == []
