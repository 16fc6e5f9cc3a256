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


def test_dyad_tone_pools_words_so_a_short_line_does_not_outvote(nlp):
    # One short hostile line and one long warm one: sentence means would make it negative.
    text = (
        "Turkey attacked Russia. "
        "Turkey and Russia signed a broad agreement on trade, energy and tourism, hailed "
        "the new partnership as a success and promised closer cooperation and support."
    )
    actors = [Actor("a1", "Turkey", "TUR"), Actor("a2", "Russia", "RUS")]
    cut = text.index("Turkey and")
    events = [_event(0, "a1", "a2", (0, cut - 1)), _event(1, "a1", "a2", (cut, len(text)))]
    ctx = _ctx(nlp, text, actors, events)
    tone.extract(ctx)
    sents = ctx.record.tone.sentences
    assert (sents[0] + sents[1]) / 2 < 0  # the unweighted mean would be negative
    assert tone.dyad_tone(ctx.record.tone, "TUR", "RUS") > 0


def test_dyad_in_crisis_has_negative_tone(nlp):
    text = (
        "Russia and Turkey traded threats on Monday after the downing of a fighter jet. "
        "Moscow accused Ankara of a deliberate provocation and warned of serious "
        "consequences. Turkey condemned the violation of its airspace and rejected the "
        "angry accusations as lies. Russia imposed sanctions and suspended visa-free travel."
    )
    actors = [Actor("a1", "Russia", "RUS"), Actor("a2", "Turkey", "TUR")]
    ctx0 = _ctx(nlp, text)
    spans = [(s.start, s.end) for s in ctx0.record.sentences]
    pairs = [("a1", "a2"), ("a1", "a2"), ("a2", "a1"), ("a1", "a2")]
    events = [_event(i, s, t, spans[i]) for i, (s, t) in enumerate(pairs)]
    ctx = _ctx(nlp, text, actors, events)
    tone.extract(ctx)
    assert tone.dyad_tone(ctx.record.tone, "RUS", "TUR") < 0
    assert ctx.record.tone.tone < 0


def test_seed_dyad_tone_positive(seed_record):
    # The seed is about rapprochement: the Turkey-Russia dyad reads positive.
    t = seed_record.tone
    assert t.tone > 0
    assert tone.dyad_tone(t, "TUR", "RUS") > 0
