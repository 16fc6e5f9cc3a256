"""CAMEO identity codes of international actors in the GDELT Events export: NATO, the EU and
the UN get their codebook codes (IGOWSTNAT, IGOEUREEC, IGOUNO) and KnownGroupCode; every row
names a coded actor."""

from __future__ import annotations

import io

import pandas as pd

from newsgraph.exports import FORMATS, ExportOptions
from newsgraph.exports.gdelt_events import COLUMNS
from newsgraph.exports.identity import code_vocabulary, identity, known_group
from newsgraph.store import Store
from newsgraph.testing import synthetic_record
from tests.conftest import shared_path


def _named(article_id: str, day: str, source: tuple[str, str, str], target: tuple[str, str, str],
           code: str = "042"):
    """A record whose event goes from ``source`` to ``target`` = (country, sector, name)."""
    rec = synthetic_record(article_id, day, [(source[0], source[1], target[0], target[1], code,
                                              1, 1.9)])
    for actor, (_, _, name) in zip(rec.actors, (source, target), strict=False):
        actor.name = name
    return rec


def _events(path) -> pd.DataFrame:
    buf = io.StringIO()
    with Store(path, read_only=True) as s:
        FORMATS["gdelt-events"].write(s.con, buf, ExportOptions())
    return pd.read_csv(io.StringIO(buf.getvalue()), sep="\t", header=None, names=COLUMNS,
                       dtype=str, keep_default_na=False, quoting=3)


def test_nato_eu_un_get_their_cameo_codes_and_known_group(tmp_path):
    path = tmp_path / "igo.duckdb"
    records = [
        _named("a1", "2020-01-02", ("IGO", "IGO", "North Atlantic Treaty Organization"),
               ("RUS", "", "Russia")),
        _named("a2", "2020-01-03", ("IGO", "IGO", "European Union"), ("IRN", "GOV", "Iran")),
        _named("a3", "2020-01-04", ("TUR", "GOV", "Turkey"), ("IGO", "IGO", "The United Nations")),
        _named("a4", "2020-01-05", ("NGO", "NGO", "Amnesty International"), ("EGY", "", "Egypt")),
        _named("a5", "2020-01-06", ("IGO", "IGO", "Some Regional Council"), ("EGY", "", "Egypt")),
    ]
    with Store(path) as s:
        s.write(records)
    df = _events(path).set_index("Day")
    got = {
        "NATO": tuple(df.loc["20200102", ["Actor1Code", "Actor1KnownGroupCode",
                                          "Actor1Type1Code", "Actor1CountryCode"]]),
        "EU": tuple(df.loc["20200103", ["Actor1Code", "Actor1KnownGroupCode",
                                        "Actor1Type1Code", "Actor1CountryCode"]]),
        "UN": tuple(df.loc["20200104", ["Actor2Code", "Actor2KnownGroupCode",
                                        "Actor2Type1Code", "Actor2CountryCode"]]),
        "Amnesty": tuple(df.loc["20200105", ["Actor1Code", "Actor1KnownGroupCode",
                                             "Actor1Type1Code", "Actor1Type2Code"]]),
        "unknown IGO": tuple(df.loc["20200106", ["Actor1Code", "Actor1KnownGroupCode"]]),
    }
    assert got == {
        "NATO": ("IGOWSTNAT", "NAT", "IGO", ""),
        "EU": ("IGOEUREEC", "EEC", "IGO", ""),
        "UN": ("IGOUNO", "UNO", "IGO", ""),
        "Amnesty": ("NGOHRIAMN", "AMN", "NGO", "HRI"),
        "unknown IGO": ("IGO", ""),  # the generic code alone, never IGOIGO
    }
    # States keep their composite code and no known group.
    assert tuple(df.loc["20200103", ["Actor2Code", "Actor2KnownGroupCode", "Actor2Type1Code"]]) \
        == ("IRNGOV", "", "GOV")


def test_every_row_names_a_coded_actor(tmp_path):
    path = tmp_path / "coded.duckdb"
    with Store(path) as s:
        s.write([synthetic_record("a1", "2020-01-02", [("TUR", "GOV", "RUS", "GOV", "036", 1, 4.0)]),
                 synthetic_record("a2", "2020-01-03", [("", "", "", "", "190", 4, -10.0)]),
                 synthetic_record("a3", "2020-01-04", [("", "", "SYR", "MIL", "190", 4, -10.0)])])
    df = _events(path)
    assert list(df.Day) == ["20200102", "20200104"]  # the event with no actor code is out
    assert ((df.Actor1Code != "") | (df.Actor2Code != "")).all()


def test_dated_igo_role_is_the_one_valid_on_the_day():
    # Ban Ki-moon was UN secretary-general from 2007 (PETRARCH2: [IGOUNO >20070101]).
    assert identity("IGOIGO", "Ban Ki-moon", "IGO", "IGO").code == "IGOUNO"


def _manual_table(text: str, caption: str) -> list[list[str]]:
    body = text[text.index(caption):]
    rows, started = [], False
    for line in body.splitlines()[1:]:
        if line.startswith("|"):
            started = True
            cells = [c.strip() for c in line.strip("|").split("|")]
            if not set("".join(cells)) <= set("-: "):
                rows.append(cells)
        elif started and line.strip() and not line.startswith("|"):
            if rows and not line.startswith("| "):
                break
    return rows


def test_code_vocabulary_and_known_groups_follow_the_actor_codebook():
    text = shared_path("reference", "cameo-manual", "chapter_3_actor_codebook.md").read_text(
        encoding="utf-8")
    vocab = code_vocabulary()
    generic = [r[0] for r in _manual_table(text, "Table 3.2:")[1:]]
    regions = [r[1] for r in _manual_table(text, "Table 3.3:")[1:]]
    assert generic and all(vocab.get(c) == "generic" for c in generic)
    assert regions and all(vocab.get(c) == "region" for c in regions)
    # Table 3.4: actors with special codes; the code's last triple is the organisation's own.
    specials = []
    for caption in ("Table 3.4:", "| International/Transnational Actors"):
        specials += [r[-1] for r in _manual_table(text, caption) if len(r) >= 2]
    specials = [c for c in specials if c[:3] in generic and len(c) % 3 == 0 and len(c) > 3]
    assert len(specials) >= 60
    wrong = {c: known_group(c) for c in specials if known_group(c) != c[-3:]}
    assert wrong == {}
