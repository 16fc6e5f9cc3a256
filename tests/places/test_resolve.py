from __future__ import annotations

import pytest

from newsgraph.places import article_focus, resolve_toponym


@pytest.mark.parametrize(
    ("name", "context", "country", "feature"),
    [
        ("Moscow", "Putin met Erdogan in Moscow.", "RUS", "city"),
        ("Ankara", "Ankara and Moscow talked.", "TUR", "city"),
        ("Georgia", "Tbilisi says Georgia wants talks with Russia.", "GEO", "country"),
        (
            "Georgia",
            "Atlanta, Georgia, voted with Texas, Florida, Ohio, Alabama and Arizona.",
            "USA",
            "admin1",
        ),
        ("Washington", "WASHINGTON - The White House said on Monday.", "USA", "city"),
        ("U.S.", "The U.S. said.", "USA", "country"),
        ("Akkuyu Nuclear Power Plant", "", "TUR", "facility"),
    ],
)
def test_resolves_in_context(name, context, country, feature):
    res = resolve_toponym(name, context)
    assert res is not None
    assert (res.entry.country, res.entry.feature) == (country, feature)


def test_qualifier_after_comma_picks_the_named_state():
    text = "He grew up in Paris, Texas, and moved away."
    res = resolve_toponym("Paris", text, start=14, end=19)
    assert res.entry.country == "USA" and res.entry.admin1 == "Texas"
    assert resolve_toponym("Paris", "He lives in Paris.").entry.country == "FRA"


def test_demonyms_only_when_allowed():
    assert resolve_toponym("Turkish", "").entry.country == "TUR"
    assert resolve_toponym("Turkish", "", allow_demonyms=False) is None


def test_non_places_and_unknown_names_resolve_to_nothing():
    assert resolve_toponym("the West", "tensions with the West") is None
    assert resolve_toponym("Qwxzzy", "") is None


def test_article_focus_counts_countries():
    focus = article_focus("Turkey and Russia. Turkish officials in Ankara. Russia again.")
    assert focus.countries["TUR"] > 0 and focus.countries["RUS"] > 0
    assert "FRA" not in focus.countries


def test_counties_and_localities_of_the_story():
    # A county from the admin2 table, found without its "County" word.
    res = resolve_toponym("Suffolk", "Police in Suffolk, England, said the A12 was closed.")
    assert res is not None and res.entry.country == "GBR" and res.entry.feature == "admin2"
    # A venue the gazetteer lacks lies at the locality the story names.
    text = "Fans gathered in Parkland, Florida. Later they met at Stoneman Hall."
    res = resolve_toponym("Stoneman Hall", text, start=text.index("Stoneman"))
    assert res is not None and res.entry.name == "Parkland" and res.entry.admin1 == "Florida"


def test_big_city_shadows_its_division():
    res = resolve_toponym("New York", "Stocks fell in New York on Monday.")
    assert res is not None and res.entry.feature == "city"


def test_saint_abbreviation_and_focus_pick_the_russian_city():
    res = resolve_toponym("St. Petersburg", "Putin flew from Moscow to St. Petersburg.")
    assert res is not None and res.entry.country == "RUS"


def test_washington_is_the_state_when_the_story_is_in_its_towns():
    text = "Rain fell on Seattle and Tacoma. Washington declared an emergency."
    assert resolve_toponym("Washington", text).entry.feature == "admin1"
    res = resolve_toponym("Washington", "The White House in Washington said.")
    assert res.entry.feature == "city" and res.entry.capital


def test_a_name_qualified_once_keeps_that_sense_in_the_whole_story():
    text = (
        "Students of the school in Parkland, Florida The protest grew. The Seattle Times and "
        "Washington papers wrote about it. Parkland students spoke in Washington again."
    )
    focus = article_focus(text)
    later = text.rindex("Parkland")
    res = resolve_toponym("Parkland", text, start=later, end=later + 8, focus=focus)
    assert (res.entry.country, res.entry.admin1) == ("USA", "Florida")
    assert res.reason and "Florida" in res.reason


def test_a_list_of_divisions_is_no_qualifier():
    text = "Storms hit Texas, Oklahoma and Kansas. Texas declared an emergency."
    focus = article_focus(text)
    res = resolve_toponym("Texas", text, start=text.rindex("Texas"), focus=focus)
    assert (res.entry.feature, res.entry.name) == ("admin1", "Texas")


@pytest.mark.parametrize(
    ("name", "country", "feature"),
    [
        ("Anhui", "CHN", "admin1"),  # "Anhui Sheng" in the division table
        ("Côte d'Ivoire", "CIV", "country"),
        ("NSW", "AUS", "admin1"),
    ],
)
def test_division_and_country_short_names(name, country, feature):
    res = resolve_toponym(name, "Officials said on Monday.")
    assert (res.entry.country, res.entry.feature) == (country, feature)


def test_a_division_named_in_the_story_does_not_make_its_small_namesake_near():
    # Ohio is named, and its centre lies near Louisville, Ohio (9,000 people); the story's
    # towns (Cincinnati, Lexington) lie near Louisville, Kentucky.
    text = (
        "Flooding closed roads from Cincinnati, Ohio, to Lexington, Kentucky. In Louisville "
        "the river crested on Sunday."
    )
    res = resolve_toponym("Louisville", text, start=text.index("Louisville"))
    assert res is not None and res.entry.admin1 == "Kentucky"


def test_a_small_far_namesake_yields_to_the_story_place():
    text = (
        "The Brooklyn Museum and Queens College in New York City host the shows. The cast "
        "rehearsed in Manhattan before the opening on Broadway in New York City."
    )
    res = resolve_toponym("Broadway", text, start=text.index("Broadway"))
    assert res is not None and res.entry.admin1 == "New York", res
    assert res.reason and "far from the story" in res.reason
    # Without another town of the story, the town keeps its name.
    alone = resolve_toponym("Broadway", "They drove to Broadway.", start=14)
    assert alone is not None and alone.entry.name == "Broadway"


def test_ambiguous_towns_that_agree_name_the_country_of_a_local_story():
    text = (
        "The couple met in Dewsbury, lived in Ossett and Overton, then moved to Middlestown "
        "and finally to Thornhill."
    )
    focus = article_focus(text)
    assert max(focus.countries, key=focus.countries.get) == "GBR"
    res = resolve_toponym("Overton", text, start=text.index("Overton"), focus=focus)
    assert res is not None and res.entry.country == "GBR"


def test_a_name_the_gazetteer_lacks_lies_in_the_place_named_after_it():
    text = (
        "Relief work restarted in Abu Shok refugee camp in Al-Fashir, Darfur. Ivins worked "
        "at Fort Detrick, Maryland for 18 years. Beyond Madinaty, Liverpool have branches."
    )

    def res(name):
        i = text.index(name)
        return resolve_toponym(name, text, start=i, end=i + len(name))

    camp = res("Abu Shok")
    assert camp.rule == "places:located" and camp.entry.country == "SDN"
    assert "El Fasher" in camp.reason
    fort = res("Fort Detrick")
    assert fort.rule == "places:located" and fort.entry.name == "Maryland"
    # After a comma, a town must end the phrase: "Liverpool have" starts a clause.
    assert res("Madinaty").rule != "places:located"


def test_islands_regions_and_lakes_are_in_the_gazetteer():
    for name, country in [("Darfur", "SDN"), ("Sumatra", "IDN"), ("Siberia", "RUS")]:
        r = resolve_toponym(name, f"Floods hit {name} this week.")
        assert r is not None and r.entry.feature == "region" and r.entry.country == country
    erie = resolve_toponym("Lake Erie", "Swans were found on Lake Erie.")
    assert erie is not None and abs(erie.entry.lat - 42.2) < 1.5


def test_an_institution_named_by_a_demonym_lies_in_its_country():
    text = "Russia expelled envoys. The US ambassador was told at the Russian Foreign Ministry."
    i = text.index("Russian Foreign Ministry")
    r = resolve_toponym("Russian Foreign Ministry", text, start=i, end=i + 24)
    assert r.entry.country == "RUS" and r.reason == "named after Russia"
    # A demonym alone does not put a story in that country: New Orleans' French Quarter.
    text = "The French Quarter of New Orleans, Louisiana, drew crowds."
    r = resolve_toponym("French Quarter", text, start=4, end=18)
    assert r is None or r.entry.country != "FRA"


def test_a_list_of_states_is_no_qualifier_of_its_members():
    text = "Cases were reported in Arizona, Colorado, Georgia, Illinois, Missouri and Ohio."
    i = text.index("Illinois")
    r = resolve_toponym("Illinois", text, start=i, end=i + len("Illinois"))
    assert r.entry.name == "Illinois" and r.entry.feature == "admin1"


def test_a_code_like_name_is_no_place():
    # a virus, a jet model: the text places them, but they are no toponym to place
    text = "Tests confirmed H5N1 in Turkey, and the A350 in Toulouse."
    for name in ("H5N1", "A350"):
        i = text.index(name)
        assert resolve_toponym(name, text, start=i, end=i + len(name)) is None, name
