"""The PETRARCH/TABARI dictionary readers on small files written here (no shared data)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.actors import petrarch
from newsgraph.actors.kb import load_kb
from newsgraph.errors import DataFileError

ACTORS = """\
# a comment line
ARNOR_  [ARN]
+KINGDOM_OF_ARNOR_
ELESSAR_TELCONTAR_  # the king
+KING_ELESSAR_
+STRIDER_
\t[ARNREB 29000101-30181231]
\t[ARNGOV >30190325]
BREE_WATCH_  [ARNCOP]
WHITE_COUNCIL_  [IGOWSTNAT]
"""

AGENTS = """\
!MINIST! = MINISTER, MINISTRY
RANGER {RANGERS} [~REB]
TOWN_WATCHMAN [~COP]
WIZARD [~ELI] # no plural given: an s is added
LORE_!MINIST! [~GOV]
"""


@pytest.fixture()
def files(tmp_path):
    actors = tmp_path / "arnor.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "arnor.agents.txt"
    agents.write_text(AGENTS, encoding="utf-8")
    return actors, agents


def test_actor_records_synonyms_and_dated_codes(files):
    raw = {a.name: a for a in petrarch.read_file(files[0], "actors")}
    assert set(raw) == {"ARNOR", "ELESSAR TELCONTAR", "BREE WATCH", "WHITE COUNCIL"}
    king = raw["ELESSAR TELCONTAR"]
    assert king.synonyms == ["KING ELESSAR", "STRIDER"]
    assert king.codes == [("ARNREB", "2900-01-01", "3018-12-31"), ("ARNGOV", "3019-03-25", None)]
    assert king.comment == "the king"
    assert raw["BREE WATCH"].codes == [("ARNCOP", None, None)]


def test_agent_phrases_plurals_and_substitutions(files):
    pairs = set(petrarch.read_file(files[1], "agents"))
    assert ("RANGER", "~REB") in pairs and ("RANGERS", "~REB") in pairs
    assert ("WIZARDS", "~ELI") in pairs  # default plural
    assert ("LORE MINISTER", "~GOV") in pairs and ("LORE MINISTRY", "~GOV") in pairs
    assert not any(p.startswith("!") for p, _ in pairs)


def test_agent_and_actor_files_are_told_apart(files):
    actors, agents = files
    assert petrarch.looks_like_agents(agents)
    assert not petrarch.looks_like_agents(actors)


def test_restriction_forms():
    lines = ["X_ [AAAGOV <20010101]", "Y_ [BBBGOV 2001]", "Z_ [CCCGOV bad-date]"]
    codes = {a.name: a.codes[0] for a in petrarch.read_actor_lines(lines)}
    assert codes["X"] == ("AAAGOV", None, "2001-01-01")
    assert codes["Z"] == ("CCCGOV", None, None)  # an unreadable date keeps the code, undated


def test_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(DataFileError):
        petrarch.read_file(tmp_path / "nope.txt", "actors")


def test_petrarch_files_load_into_the_kb(files):
    kb = load_kb(tuple(str(f) for f in files))
    (kind, ident), *_ = kb.lookup("Strider")
    entry = kb.entry(ident)
    role, exact = entry.role_on(dt.date(3020, 1, 1))
    assert exact and (role.country, role.sector) == ("ARN", "GOV")
    role, _ = entry.role_on(dt.date(3000, 1, 1))
    assert role.sector == "REB"
    assert kb.agents["town watchman"] == "COP"
    assert kb.agents["lore ministry"] == "GOV"
