from __future__ import annotations

import pytest

from newsgraph.places import load_gazetteer
from newsgraph.places.gazetteer import norm


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_norm_folds_case_dots_and_accents():
    assert norm("U.S.") == "us"
    assert norm("the Gambia") == "gambia"
    assert norm("São Paulo") == "sao paulo"


def test_countries_cities_and_facilities_have_coordinates(gaz):
    turkey = gaz.country("TUR")
    assert turkey is not None and turkey.geonameid == 298795
    assert abs(turkey.lat - 39) < 2 and abs(turkey.lon - 35) < 2
    ankara = [e for e, _ in gaz.candidates("Ankara") if e.feature == "city"]
    assert ankara and ankara[0].country == "TUR" and ankara[0].capital
    akkuyu = gaz.candidates("Akkuyu Nuclear Power Plant")[0][0]
    assert akkuyu.feature == "facility" and akkuyu.admin1 == "Mersin"


def test_admin1_names_and_demonyms(gaz):
    assert any(e.feature == "admin1" and e.country == "USA" for e, _ in gaz.candidates("Texas"))
    assert gaz.demonym("Turkish").country == "TUR"
    assert gaz.demonym("American").country == "USA"
    assert gaz.demonym("Ankara") is None


def test_norm_expands_abbreviated_name_words_but_not_streets():
    assert norm("St. Petersburg") == norm("Saint Petersburg") == "saint petersburg"
    assert norm("Mt. Kenya") == "mount kenya"
    assert norm("14th St.") == "14th st"


def test_saint_names_find_both_spellings(gaz):
    countries = {e.country for e, _ in gaz.candidates("St. Petersburg")}
    assert {"RUS", "USA"} <= countries


def test_the_index_stays_small(gaz):
    # Flat columns: the whole index is a few tens of MB, not hundreds.
    assert len(gaz) > 150_000
    assert len(gaz.index._buf) < 60_000_000
