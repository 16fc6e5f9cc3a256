from __future__ import annotations

from newsgraph.themes import find_themes, load_taxonomy


def _codes(text: str) -> set[str]:
    return {t.code for t in find_themes(text)}


def test_seed_themes(seed_text):
    codes = _codes(seed_text)
    for code in (
        "ENERGY",
        "PIPELINES",
        "NUCLEAR_POWER",
        "COUP",
        "TERRORISM",
        "MISSILE_DEFENCE",
        "SYRIAN_CONFLICT",
    ):
        assert code in codes, code


def test_spans_point_at_the_trigger_and_count_matches():
    text = "The pipeline deal. Two new pipelines were built."
    (theme,) = [t for t in find_themes(text) if t.code == "PIPELINES"]
    assert theme.count == 2 == len(theme.spans)
    assert [text[s:e] for s, e in theme.spans] == ["pipeline", "pipelines"]
    assert theme.gkg == "WB_2299_PIPELINES"


def test_words_inside_other_words_do_not_trigger():
    assert _codes("The warehouse held grouped coupons; he is warm.") == set()


def test_proximity_trigger_needs_one_sentence():
    assert "SYRIAN_CONFLICT" in _codes("They seek a solution in Syria.")
    assert "SYRIAN_CONFLICT" not in _codes("He visited Syria. A solution was found at home.")


def test_every_gkg_name_exists_in_the_gdelt_list(shared_path=None):
    from tests.conftest import shared_path as sp

    gkg = {
        line.split("\t")[0]
        for line in sp("reference", "gdelt", "LOOKUP-GKGTHEMES.txt").read_text().splitlines()
    }
    missing = [t.gkg for t in load_taxonomy() if t.gkg and t.gkg not in gkg]
    assert missing == []
