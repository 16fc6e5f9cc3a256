"""Acceptance on the seed article (published 2016-08-09)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed(resolve, seed_text):
    rec, ctx = resolve(seed_text)
    return seed_text, rec, ctx


@pytest.mark.parametrize(
    "phrase,nth,country,sector",
    [
        ("Erdogan", 0, "TUR", "GOV"),  # spaCy tags this one GPE
        ("Putin", 0, "RUS", "GOV"),
        ("Cavusoglu", 0, "TUR", "GOV"),  # spaCy tags this one ORG
        ("Mevlut Cavusoglu", 0, "TUR", "GOV"),
        ("Aydin Sezer", 0, "TUR", "EDU"),  # unknown to the KB: from the appositive
        ("Sputnik", 0, "RUS", "MED"),  # spaCy tags it PERSON
        ("Russian jet", 0, "RUS", "MIL"),
    ],
)
def test_seed_actor_codes(seed, phrase, nth, country, sector, actor_at):
    text, rec, _ = seed
    a = actor_at(rec, text, phrase, nth)
    assert (a.country, a.sector) == (country, sector)


def test_nato_is_igo(seed, actor_at):
    text, rec, _ = seed
    a = actor_at(rec, text, "North Atlantic Treaty Organisation")
    assert a.country == "IGO"


def test_erdogan_role_is_president_in_2016_and_pm_in_2010(seed, resolve, actor_at):
    text, rec, _ = seed
    assert actor_at(rec, text, "Erdogan").role == "president"
    old, _ = resolve("Erdogan spoke in Ankara.", __import__("datetime").date(2010, 5, 1))
    assert actor_at(old, "Erdogan spoke in Ankara.", "Erdogan").role == "prime minister"


def test_ankara_that_shot_down_the_jet_is_turkish_state(seed, actor_at):
    text, rec, _ = seed
    a = actor_at(rec, text, "Ankara shot")
    assert a.country == "TUR" and a.sector in {"GOV", "MIL"}


def test_moscow_and_ankara_are_two_actors(seed):
    text, rec, ctx = seed
    start = text.index("Moscow and Ankara")
    ids = ctx.actor_index.ids_for_span(start, start + len("Moscow and Ankara"))
    by_id = {a.id: a for a in rec.actors}
    assert [by_id[i].country for i in ids] == ["RUS", "TUR"]


def test_turkish_leader_is_erdogan(seed, actor_at):
    text, rec, _ = seed
    assert actor_at(rec, text, "Turkish leader").kb_id == actor_at(rec, text, "Erdogan").kb_id


def test_both_cavusoglu_mentions_one_actor(seed, actor_at):
    text, rec, _ = seed
    assert actor_at(rec, text, "Cavusoglu", 0) is actor_at(rec, text, "Cavusoglu", 1)


def test_he_said_resolved_or_explained(seed):
    text, rec, ctx = seed
    start = text.index("”, he said") + 3
    ids = ctx.actor_index.ids_for_span(start, start + 2)
    if ids:
        assert [a.name for a in rec.actors if a.id in ids] == ["Vladimir Putin"]
    else:
        assert any("pronoun" in w for w in rec.warnings)


def test_two_countries_is_the_dyad(seed):
    text, rec, ctx = seed
    start = text.index("the two countries")
    ids = ctx.actor_index.ids_for_span(start, start + len("the two countries"))
    assert sorted(a.country for a in rec.actors if a.id in ids) == ["RUS", "TUR"]


def test_every_unknown_field_has_a_reason(seed):
    _, rec, _ = seed
    for a in rec.actors:
        if a.kind != "compound" and (a.country is None or a.sector is None):
            assert a.reason, a


def test_ids_and_offsets_point_into_text(seed):
    text, rec, ctx = seed
    assert [a.id for a in rec.actors] == [f"a{n}" for n in range(1, len(rec.actors) + 1)]
    for a in rec.actors:
        for s, e in a.mentions:
            assert 0 <= s < e <= len(text) and text[s:e].strip()


def test_adjective_alone_is_not_an_actor(seed):
    text, rec, _ = seed
    start = text.index("Turkish Stream")
    assert not any(s <= start < e for a in rec.actors for s, e in a.mentions)
