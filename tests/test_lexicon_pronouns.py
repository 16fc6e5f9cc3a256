"""The one lexicon and the one pronoun resolver that actors, quotes and events share."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph import actors, lexicon
from newsgraph.context import DocContext
from newsgraph.errors import DataFileError
from newsgraph.model import ArticleRecord


def test_each_verb_of_saying_sits_in_one_list():
    lists = ["speech", "speech_act", "speech_manner", "belief"]
    for i, a in enumerate(lists):
        for b in lists[i + 1:]:
            assert not lexicon.words(a) & lexicon.words(b), (a, b)


def test_extractors_read_the_lexicon_not_their_own_copies():
    from newsgraph.actors import coref
    from newsgraph.events import syntax
    from newsgraph.quotes import cues

    assert cues.SPEECH_VERBS == lexicon.SPEECH | lexicon.SPEECH_ACT
    assert "believe" not in cues.SPEECH_VERBS  # "I believe" inside a quote is what was said
    assert syntax.SPEECH_VERBS == lexicon.SPEECH | lexicon.BELIEF
    assert "prime minister" in coref.LEADER_TITLES


def test_unknown_list_and_bad_file_fail_with_e030(tmp_path, monkeypatch):
    with pytest.raises(DataFileError) as err:
        lexicon.words("no_such_list")
    assert err.value.code == "E030"
    bad = tmp_path / "lexicon.tsv"
    bad.write_text("speech say tell\n", encoding="utf-8")  # no tab
    monkeypatch.setattr(lexicon, "PATH", bad)
    lexicon._lists.cache_clear()
    try:
        with pytest.raises(DataFileError, match="line 1"):
            lexicon.words("speech")
    finally:
        lexicon._lists.cache_clear()


def _ctx(nlp, settings, text):
    ctx = DocContext(nlp(text), ArticleRecord(id="t", text=text), settings, dt.date(2020, 5, 4))
    actors.extract(ctx)
    return ctx


def _resolve(ctx, word, nth=0):
    toks = [t for t in ctx.tokens if t.text == word]
    return ctx.pronouns.resolve(toks[nth])


def _name(ctx, ante):
    return next(a.name for a in ctx.record.actors if a.id == ante.ref)


def test_pronoun_in_reported_speech_is_the_speaker(nlp, settings):
    ctx = _ctx(nlp, settings, "Angela Merkel met Emmanuel Macron in Paris on Monday. "
                              "Macron said he would visit Berlin in June.")
    ante = _resolve(ctx, "he")
    assert ante.rule == "pronoun:speaker" and _name(ctx, ante).endswith("Macron")


def test_nearest_person_within_the_window(nlp, settings):
    ctx = _ctx(nlp, settings, "Vladimir Putin arrived in Ankara on Tuesday. "
                              "He laid a wreath at the mausoleum.")
    ante = _resolve(ctx, "He")
    assert ante.rule == "pronoun:nearest" and _name(ctx, ante).endswith("Putin")


def test_a_person_who_is_no_actor_blocks_an_earlier_one(nlp, settings):
    # Someone is named between Putin and "he": "he" is not Putin.
    ctx = _ctx(nlp, settings, "Vladimir Putin spoke on Monday. Later, a farmer named "
                              "Tomas Kowalczyk said he had lost his harvest.")
    ante = _resolve(ctx, "he")
    assert ante is None or not _name(ctx, ante).endswith("Putin")


def test_an_actor_in_the_pronouns_own_clause_is_not_its_antecedent(nlp, settings):
    ctx = _ctx(nlp, settings, "Donald Trump announced new tariffs on Friday. "
                              "He urged Trump to make a deal.")
    ante = _resolve(ctx, "He")
    assert ante is None


def test_no_person_far_back_beyond_the_window(nlp, settings):
    filler = " ".join(f"Prices rose {n} percent in the {n}th week." for n in range(2, 7))
    ctx = _ctx(nlp, settings, f"Joe Biden spoke in Ohio. {filler} He left early.")
    assert _resolve(ctx, "He") is None
