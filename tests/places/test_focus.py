from __future__ import annotations

import pytest

from newsgraph.places import article_focus, load_gazetteer
from newsgraph.places.focus import unambiguous_country


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _locals(text: str, title: str = "") -> list[tuple[str, str | None]]:
    return [(e.name, e.country) for _, e in article_focus(text, title=title).locals]


def test_first_name_of_a_person_is_no_town():
    text = "Vladimir Putin met the press in Moscow. Putin said no."
    assert ("Vladimir", "RUS") not in _locals(text)
    assert ("Moscow", "RUS") in _locals(text)


def test_a_town_named_inside_a_longer_name_counts():
    focus = article_focus("The New Orleans Railways company built the power house.")
    assert [e.name for _, e in focus.locals] == ["New Orleans"]
    assert set(focus.countries) == {"USA"}


def test_generic_heads_make_a_name_of_its_own():
    # "Hamilton County" and "Safety Bay" name no Hamilton and no Bay.
    assert ("Hamilton", "CAN") not in _locals("Police in Hamilton County said on Monday.")
    assert article_focus("Dead fish washed up on the Safety Bay foreshore.").countries == {}


def test_sentence_initial_common_word_is_no_town():
    focus = article_focus("Man charged after a man was stabbed in Chicago.")
    assert set(focus.countries) == {"USA"}


def test_division_yields_to_a_bigger_foreign_city(gaz):
    assert unambiguous_country(gaz, "Manchester").country == "GBR"
    assert unambiguous_country(gaz, "Texas").feature == "admin1"
    # A curated abbreviation of one division counts.
    assert unambiguous_country(gaz, "Ga.").name == "Georgia"


def test_small_towns_must_agree_with_the_named_divisions():
    text = "In Louisiana, the parade passed Washington Square and Royal Street in New Orleans."
    names = [n for n, _ in _locals(text)]
    assert "New Orleans" in names and "Washington Square" not in names


def test_anchor_is_a_town_of_the_main_country_and_the_title_counts():
    focus = article_focus(
        "Officials said the river flooded.", title="Floods hit Cambridge, Massachusetts"
    )
    assert focus.anchor is not None and focus.anchor.country == "USA"
    assert article_focus("Officials said the river flooded.").anchor is None


def test_a_demonym_alone_makes_no_small_town_of_its_country_local():
    # New Orleans' streets bear French names; "French" says nothing of where the story is.
    text = (
        "The French Quarter of New Orleans, Louisiana, borders the Faubourg Marigny. French "
        "Creole families built the Marigny; later the street was called Chartres."
    )
    countries = {c for _, c in _locals(text)}
    assert countries == {"USA"}


def test_a_persons_family_name_is_no_town():
    text = (
        "Police in Chicago said Gino D. Bassett, 56, was charged. Bassett approached the man "
        "in an alley. Bassett was arrested on Wednesday."
    )
    names = [n for n, _ in _locals(text)]
    assert "Chicago" in names and "Bassett" not in names
    assert article_focus(text).anchor.name == "Chicago"


def test_a_compass_word_before_a_place_name_is_a_division_that_counts(gaz):
    from newsgraph.places.ranking import compass_only

    assert compass_only(gaz, "Western") and compass_only(gaz, "Central")
    assert not compass_only(gaz, "Northern Ireland")
    assert not compass_only(gaz, "South Australia")
    focus = article_focus("A new campus opened at Derry's hospital, the first in Northern Ireland.")
    assert set(focus.countries) == {"GBR"}

