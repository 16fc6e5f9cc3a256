"""Issue 2 acceptance on the seed: title, noise removed, dek kept, entities found."""

from __future__ import annotations


def _ents(rec, label):
    return {e.text for e in rec.entities if e.label == label}


def test_title_and_text(seed_record):
    rec = seed_record
    assert rec.title == "Turkey’s Erdogan pivots to Putin as tensions rise with the West"
    assert rec.text.startswith(rec.title)
    for noise in ("Share\n", "Advertisement", "Turkey's President Erdogan in Moscow to 'reset' Russia ties"):
        assert noise not in rec.text
    assert {r.reason for r in rec.removed} >= {"share button", "advertisement",
                                                 "related-article link title"}
    assert "Relations between the two countries worsened drastically" in rec.text
    assert rec.published == "2016-08-09" and rec.language == "en"


def test_entities(seed_record):
    rec = seed_record
    persons = _ents(rec, "PERSON")
    assert {"Putin", "Erdogan", "Mevlut Cavusoglu", "Aydin Sezer"} <= persons
    title_end = len(rec.title)
    assert any(e.text == "Erdogan" and e.label == "PERSON" and e.end <= title_end
               for e in rec.entities), "Erdogan in the title is a person"
    orgs = _ents(rec, "ORG")
    assert "Sputnik" in orgs and "Sputnik" not in persons
    assert "North Atlantic Treaty Organisation" in orgs
    assert {"Turkey", "Russia", "Syria", "Kazakhstan"} <= _ents(rec, "GPE")


def test_non_english_gets_a_warning_not_a_crash():
    import newsgraph

    rec = newsgraph.process("Le président turc a rencontré son homologue russe mardi à "
                            "Saint-Pétersbourg pour relancer les relations entre les deux pays.")
    assert rec.language == "fr" and rec.error is None
    assert rec.events == [] and rec.sentences == []
    assert any(w.startswith("W001") for w in rec.warnings)
