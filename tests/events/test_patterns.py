"""The newsgraph pattern format and the CAMEO tables."""

from __future__ import annotations

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.patterns import PatternSet, load_patterns, parse_patterns
from newsgraph.events.tables import cameo_table, code_info


def test_parse_verb_and_noun_patterns():
    ps = parse_patterns("verb shoot down => 190\nnoun cooperation program => 061\n"
                        "verb express obj=support|backing => 051\nverb travel prep=to => 042\n", "x.txt")
    assert [p.id for p in ps] == ["x:1", "x:2", "x:3", "x:4"]
    assert (ps[0].lemma, ps[0].extra) == ("shoot", "down")
    assert (ps[1].lemma, ps[1].extra) == ("program", "cooperation")
    assert ps[2].obj == {"support", "backing"} and ps[3].prep == "to"


@pytest.mark.parametrize("line", ["verb => 190", "adj big => 010", "verb meet => 999", "verb meet 040",
                                  "verb meet subj=x => 040"])
def test_bad_lines_raise_coded_error(line):
    with pytest.raises(DataFileError, match="E030"):
        parse_patterns(line, "bad.txt")


def test_most_specific_pattern_wins():
    ps = PatternSet(parse_patterns("verb express => 010\nverb express obj=support => 051\n", "t"))
    assert ps.match("verb", "express", extras=set(), obj={"support"}, preps={}).code == "051"
    assert ps.match("verb", "express", extras=set(), obj={"hope"}, preps={}).code == "010"


def test_particle_verb_does_not_fall_back_to_plain_verb():
    ps = PatternSet(parse_patterns("verb shoot => 190\n", "t"))
    assert ps.match("verb", "shoot", extras={"down"}, obj=set(), preps={}) is None


def test_builtin_patterns_cover_every_root():
    ps = load_patterns()
    roots = {p.code[:2] for plist in ps._index.values() for p in plist}
    assert roots >= {f"{i:02d}" for i in range(1, 21)}


def test_cameo_table_values():
    table = cameo_table()
    assert len(table) > 250
    assert code_info("190").goldstein == -10.0 and code_info("190").quad_class == 4
    assert code_info("1823").goldstein < code_info("051").goldstein
    assert code_info("055").plover_type == "SUPPORT"
    assert code_info("042").plover_mode == "visit"
    assert code_info("010").plover_type is None  # PLOVER drops statements
    with pytest.raises(DataFileError):
        code_info("999")
