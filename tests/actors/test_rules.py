"""Compositional rules of the resolver, one sentence each (with negative cases)."""

from __future__ import annotations

import datetime as dt

import pytest


def _code(resolve, actor_at, text, phrase, date=dt.date(2016, 8, 9)):
    rec, _ = resolve(text, date)
    a = actor_at(rec, text, phrase)
    return a.country, a.sector, a.rule


def test_state_adjective_on_a_thing_is_the_state(resolve, actor_at):
    text = "Bangladesh rejected an Indian proposal for a trade pact."
    country, sector, rule = _code(resolve, actor_at, text, "Indian")
    assert (country, sector) == ("IND", None) and rule == "kb:state-adjective"


def test_demonym_people_are_civilians(resolve, actor_at):
    text = "Thousands of Nigerians marched through the streets on Friday."
    assert _code(resolve, actor_at, text, "Nigerians")[:2] == ("NGA", "CVL")


def test_plural_state_name_is_not_its_people(resolve, actor_at):
    text = "The Philippines protested to China on Monday."
    assert _code(resolve, actor_at, text, "Philippines")[:2] == ("PHL", None)


def test_people_live_where_the_text_places_them(resolve, actor_at):
    text = "Albanians of southern Serbia demanded more rights on Sunday."
    assert _code(resolve, actor_at, text, "Albanians")[:2] == ("SRB", "CVL")


def test_role_word_placed_by_a_preposition(resolve, actor_at):
    text = "Rebels in the Ivory Coast rejected the peace plan."
    rec, ctx = resolve(text)
    a = actor_at(rec, text, "Rebels")
    assert (a.country, a.sector) == ("CIV", "REB")
    # one actor for the whole phrase, not a second one for the place
    assert ctx.actor_index.ids_for_span(0, len("Rebels in the Ivory Coast")) == [a.id]


def test_role_word_inside_a_compound_with_a_state(resolve, actor_at):
    text = "A prisoner died in Israeli police custody, a report said."
    assert _code(resolve, actor_at, text, "Israeli police")[:2] == ("ISR", "COP")


def test_stance_prefix_gives_no_country(resolve, actor_at):
    text = "A prominent anti-Syria journalist was killed in a car bomb explosion."
    country, sector, _ = _code(resolve, actor_at, text, "journalist")
    assert sector == "MED" and country != "SYR"


def test_title_in_text_picks_the_kb_role(resolve, actor_at):
    text = "Iraqi President Saddam Hussein rejected the offer."
    country, sector, rule = _code(resolve, actor_at, text, "Saddam Hussein", None)
    assert (country, sector) == ("IRQ", "GOV") and rule == "kb:name+title"


def test_former_office_holder_is_elite(resolve, actor_at):
    text = "Supporters of former President Ahmed Ben Bella marched in Algiers."
    assert _code(resolve, actor_at, text, "Ahmed Ben Bella", None)[:2] == ("DZA", "ELI")


def test_country_in_text_beats_a_namesake(resolve, actor_at):
    text = "King Hassan of Morocco was quoted as saying he would host the talks."
    assert _code(resolve, actor_at, text, "King Hassan", None)[0] == "MAR"


def test_subject_country_for_role_words_when_several_states_are_named(resolve, actor_at):
    text = ("Turkey is building a mechanism with Russia and a delegation including foreign "
            "ministry officials will go to Russia on Wednesday, the minister said.")
    assert _code(resolve, actor_at, text, "delegation")[:2] == ("TUR", "GOV")


def test_no_subject_country_when_subjects_disagree(resolve, actor_at):
    text = "Putin and Erdogan will discuss Syria and Iraq with military officials on Tuesday."
    country, sector, _ = _code(resolve, actor_at, text, "military officials")
    assert sector == "MIL" and country is None


@pytest.mark.parametrize(
    "text,phrase,sector",
    [
        ("Paris rejected the demand on Tuesday.", "Paris", "GOV"),  # capital as subject
        ("Talks were held in Paris on Tuesday.", "Paris", "CVL"),  # a location (PLOVER: CVL)
    ],
)
def test_capitals_follow_plover(resolve, actor_at, text, phrase, sector):
    country, got, _ = _code(resolve, actor_at, text, phrase)
    assert (country, got) == ("FRA", sector)


def test_role_phrase_never_crosses_a_comma(resolve, actor_at):
    text = "Troops were deployed by the Israeli military, officials said on Thursday."
    rec, _ = resolve(text)
    military = actor_at(rec, text, "Israeli military")
    assert (military.country, military.sector) == ("ISR", "MIL")
    assert all(text[s:e] != "military, officials" for s, e in military.mentions)


def test_led_names_the_leaders_body(resolve, actor_at):
    text = "Saudi-led forces struck the port on Monday."
    assert _code(resolve, actor_at, text, "Saudi-led forces")[:2] == ("SAU", "MIL")


def test_capital_after_by_acts(resolve, actor_at):
    text = "The parliament demanded an immediate admission by Moscow of the killings."
    assert _code(resolve, actor_at, text, "Moscow")[:2] == ("RUS", "GOV")


def test_a_dateline_names_where_the_story_was_filed_not_an_actor():
    import datetime as dt

    import newsgraph

    rec = newsgraph.process("ANKARA, Turkey (Reuters) - Russian officials met Greek envoys on "
                            "Monday to discuss gas prices.", date=dt.date(2019, 3, 4))
    assert not [a for a in rec.actors for s, _ in a.mentions if s < 25], rec.actors
    assert {a.country for a in rec.actors} >= {"RUS", "GRC"}
