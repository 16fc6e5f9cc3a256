"""PETRARCH/TABARI verb and discard dictionaries: reading them, coding with them, bad files."""

from __future__ import annotations

import pytest

from newsgraph.errors import DataFileError
from newsgraph.events.petrarch_dicts import parse_discards
from newsgraph.events.petrarch_verbs import parse_verbs, verb_forms
from newsgraph.model import RawArticle
from newsgraph.pipeline import process_batch
from newsgraph.settings import Settings

VERBS = """\
&TIETYPES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE
- NOT * RELATIONS  [112]
- * &TIETYPES TIES  [901]   # a code the user defines
- * THE FULL  [xxy]         # not a code: ignored

--- BREAK [1717] ---
BREAK { BROKE BROKEN }
+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}
- * TREATY  [161]

--- MEET  [031:032]  ---
MEET {MET MEETS MEETING}

--- CONSIDER  [---]  ---
CONSIDER
- * SANCTIONS  [163]
"""

ACTORS = """\
ARNOR_  [ARN]
GONDOR [GON]
+MINAS_TIRITH
"""


def test_reads_families_forms_synsets_and_codes():
    d = parse_verbs(VERBS, "v.txt")
    assert d.synsets["&TIETYPES"] == [("MILITARY",), ("ECONOMIC",)]
    restore = d.verbs_for("restored")[0]
    fam = d.families[restore.family]
    assert fam.code == "064"
    assert [p.code for p in fam.patterns] == ["112", "901"]
    assert any("xxy" in why for why in d.ignored)
    broke = d.verbs_for("BROKE")
    assert broke and d.families[broke[0].family].code == "1717"
    assert any(v.post == ("DOWN",) for v in d.verbs_for("BROKEN"))
    met = d.verbs_for("met")[0]
    assert (met.code, met.reverse) == ("031", "032")
    assert d.families[d.verbs_for("considers")[0].family].code is None


def test_regular_verb_forms():
    assert {"STOP", "STOPS", "STOPPED", "STOPPING"} <= verb_forms("stop")
    assert {"DENIES", "DENIED"} <= verb_forms("deny")
    assert {"RESTORED", "RESTORING"} <= verb_forms("restore")


@pytest.mark.parametrize("text", [
    "RESTORE\n- * TIES [064]\n",  # verb outside a family
    "--- RESTORE [064] ---\nRESTORE\n- * TIES\n",  # pattern without a code
    "--- RESTORE [064] ---\nRESTORE\n- TIES [064]\n",  # no verb position
    "--- RESTORE [064] ---\nRESTORE\n- * (WITH {FULL TIES [064]\n",  # unclosed bracket
])
def test_bad_verb_file_names_file_and_line(text):
    with pytest.raises(DataFileError, match=r"E030.*bad\.txt:\d"):
        parse_verbs(text, "bad.txt")


def test_discards_sentence_and_story():
    d = parse_discards("BASEBALL\n+WORLD_GOLF_CHAMPIONSHIPS\nYEARS LATER_\n", "d.txt")
    assert d.sentence_hit("The baseballs were sold") == "d.txt:1"
    assert d.story_hit("at the World Golf Championships today") == "d.txt:2"
    assert d.sentence_hit("Five years laterally") is None


@pytest.fixture(scope="module")
def dict_settings(tmp_path_factory):
    root = tmp_path_factory.mktemp("petr")
    (root / "verbs.txt").write_text(VERBS, encoding="utf-8")
    (root / "actors.txt").write_text(ACTORS, encoding="utf-8")
    (root / "discards.txt").write_text("BASEBALL\n", encoding="utf-8")
    return Settings(verb_dictionary=str(root / "verbs.txt"), actors_files=(str(root / "actors.txt"),),
                    discard_dictionaries=(str(root / "discards.txt"),), extractors=("events",),
                    language_check=False)


def _triples(rec):
    code = {a.id: a.code for a in rec.actors}
    return {(code[s] if (s := (e.source or [None])[0]) else "", code[t] if (t := (e.target or [None])[0]) else "",
             e.cameo.code) for e in rec.events}


def test_dictionary_mode_codes_with_the_users_patterns(dict_settings):
    texts = ["Arnor restored military ties with Gondor on Monday.",
             "Arnor restored ties with Gondor on Monday.",
             "Arnor broke the treaty with Gondor.",
             "Arnor met Gondor in the capital.",
             "Arnor considered the offer from Gondor.",
             "Arnor restored ties with Gondor before the baseball game."]
    recs = process_batch([RawArticle(text=t) for t in texts], dict_settings)
    assert _triples(recs[0]) == {("ARN", "GON", "901")}  # synset pattern, user code
    assert _triples(recs[1]) == {("ARN", "GON", "064")}  # family default
    assert _triples(recs[2]) == {("ARN", "GON", "161")}  # irregular form + object word
    assert _triples(recs[3]) == {("ARN", "GON", "031"), ("GON", "ARN", "032")}  # X:Y reverse event
    assert _triples(recs[4]) == set()  # "---" family, no pattern matched: nothing
    assert _triples(recs[5]) == set()  # discarded sentence
    assert recs[0].events[0].rule.endswith("verbs.txt:8")  # the dictionary line that fired


def test_bad_dictionary_fails_the_batch_at_load(tmp_path):
    bad = tmp_path / "verbs.txt"
    bad.write_text("--- RESTORE [064] ---\nRESTORE\n- * TIES\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"verbs\.txt:3"):
        process_batch([RawArticle(text="Arnor restored ties with Gondor.")],
                      Settings(verb_dictionary=str(bad), extractors=("events",)))
