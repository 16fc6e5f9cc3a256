from __future__ import annotations

import datetime as dt

from newsgraph import tone
from newsgraph.context import DocContext
from newsgraph.model import Actor, ArticleRecord, Cameo, Event, EventEvidence, Sentence
from newsgraph.settings import Settings


def _ctx(nlp, text, actors=(), events=()):
    doc = nlp(text)
    sents = [Sentence(i, s.start_char, s.end_char) for i, s in enumerate(doc.sents)]
    rec = ArticleRecord(
        id="t", text=text, sentences=sents, actors=list(actors), events=list(events)
    )
    return DocContext(doc, rec, Settings(), dt.date(2016, 8, 9))


def _tone(nlp, text):
    ctx = _ctx(nlp, text)
    tone.extract(ctx)
    return ctx.record.tone


def test_positive_negative_and_percentages(nlp):
    good = _tone(nlp, "The talks were a great success and brought hope.")
    bad = _tone(nlp, "The attack killed ten people and caused panic.")
    assert good.tone > 0 > bad.tone
    assert good.word_count == 9
    assert abs(good.tone - (good.positive - good.negative)) < 1e-6
    assert abs(good.polarity - (good.positive + good.negative)) < 1e-6


def test_negation_flips(nlp):
    assert _tone(nlp, "The meeting was not good.").tone < 0
    assert _tone(nlp, "The meeting was good.").tone > 0


def test_neutral_text_and_sentence_tones(nlp):
    t = _tone(nlp, "The minister arrived on Monday. The war goes on.")
    assert len(t.sentences) == 2 and t.sentences[0] == 0.0 and t.sentences[1] < 0


def test_seed_document_tone_positive(nlp, seed_text):
    assert _tone(nlp, seed_text).tone > 0


def _event(i, src, tgt, sentence):
    return Event(
        id=f"e{i}",
        sentence=i,
        source=[src],
        target=[tgt],
        cameo=Cameo("040", "040", "04", "Consult"),
        plover=None,
        goldstein=1.0,
        quad_class=1,
        evidence=EventEvidence(trigger=sentence, sentence=sentence),
        rule="test",
        confidence=1.0,
    )


def test_dyad_tone_over_event_sentences(nlp):
    text = "Turkey and Russia praised their strong partnership. Russia condemned an attack on Iran."
    actors = [
        Actor("a1", "Turkey", "TUR"),
        Actor("a2", "Russia", "RUS"),
        Actor("a3", "Iran", "IRN"),
    ]
    cut = text.index("Russia condemned")
    events = [_event(0, "a1", "a2", (0, cut - 1)), _event(1, "a2", "a3", (cut, len(text)))]
    ctx = _ctx(nlp, text, actors, events)
    tone.extract(ctx)
    t = ctx.record.tone
    assert tone.dyad_tone(t, "TUR", "RUS") > 0
    assert tone.dyad_tone(t, "RUS", "TUR") == tone.dyad_tone(t, "TUR", "RUS")
    assert tone.dyad_tone(t, "RUS", "IRN") < 0
    assert tone.dyad_tone(t, "TUR", "IRN") is None
