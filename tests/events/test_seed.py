"""Acceptance: the seed article's events, through the real pipeline (newsgraph.process)."""

from __future__ import annotations

import pytest


def _countries(rec, ids):
    by_id = {a.id: a for a in rec.actors}
    return {by_id[i].country for i in ids if i in by_id}


def _find(rec, prefixes, src=None, tgt=None):
    out = []
    for e in rec.events:
        if not e.cameo.code.startswith(tuple(prefixes)):
            continue
        if src and src not in _countries(rec, e.source):
            continue
        if tgt and tgt not in _countries(rec, e.target):
            continue
        out.append(e)
    return out


def test_shooting_down_is_turkish_force_against_russia(seed_record):
    evs = _find(seed_record, ["19"], "TUR", "RUS")
    assert evs
    e = evs[0]
    assert e.goldstein == -10.0 and e.quad_class == 4
    assert e.plover is not None and e.plover.type == "ASSAULT"
    text = seed_record.text[e.evidence.trigger[0]:e.evidence.trigger[1]].lower()
    assert "shot down" in text or "down" in text


def test_apology_turkey_to_russia(seed_record):
    assert _find(seed_record, ["055"], "TUR", "RUS")


def test_visit_or_meeting(seed_record):
    assert _find(seed_record, ["042", "043", "036", "04"], "TUR", "RUS")


def test_putin_supports_erdogan_and_condemns_military(seed_record):
    support = _find(seed_record, ["05"], "RUS", "TUR")
    assert any("support" in seed_record.text[e.evidence.sentence[0]:e.evidence.sentence[1]] for e in support)
    condemn = _find(seed_record, ["11", "12"], "RUS", "TUR")
    assert condemn
    by_id = {a.id: a for a in seed_record.actors}
    assert any(by_id[i].sector == "MIL" for e in condemn for i in e.target)


def test_cooperation_programme_between_russia_and_turkey(seed_record):
    assert _find(seed_record, ["05", "06"], "RUS", "TUR")
    assert any("cooperation" in seed_record.text[e.evidence.trigger[0]:e.evidence.trigger[1]]
               for e in _find(seed_record, ["05", "06"], "RUS", "TUR"))


def test_consultation_on_syria_is_future(seed_record):
    evs = [e for e in _find(seed_record, ["04"]) if "discussion on Syria" in
           seed_record.text[e.evidence.sentence[0]:e.evidence.sentence[1]]]
    pairs = {(frozenset(_countries(seed_record, e.source)), frozenset(_countries(seed_record, e.target)))
             for e in evs}
    assert (frozenset({"RUS"}), frozenset({"TUR"})) in pairs or (frozenset({"TUR"}), frozenset({"RUS"})) in pairs
    assert all(e.modality == "future" and not e.counted for e in evs if e.rule.startswith("verb/"))


def test_delegation_visit_is_planned_not_counted(seed_record):
    evs = [e for e in _find(seed_record, ["042"], tgt="RUS")
           if "delegation" in seed_record.text[e.evidence.sentence[0]:e.evidence.sentence[1]]]
    assert evs and all(e.modality == "future" and not e.counted for e in evs)


def test_no_event_from_noise_or_title(seed_record):
    for e in seed_record.events:
        sentence = seed_record.text[e.evidence.sentence[0]:e.evidence.sentence[1]]
        assert "Advertisement" not in sentence and "Share" != sentence.strip()
        assert "pivots" not in sentence  # the title is not coded


def test_evidence_slices_trigger_and_actor_words(seed_record):
    text = seed_record.text
    for e in seed_record.events:
        s0, s1 = e.evidence.sentence
        for span in (e.evidence.trigger, e.evidence.source, e.evidence.target):
            if span is None:
                continue
            words = text[span[0]:span[1]]
            assert words.strip() == words and words, e
            if span is e.evidence.source and not s0 <= span[0] <= s1:
                # a source carried from another mention of the same event points at its words
                group = {x.id: x for x in seed_record.events if x.id in e.mentions
                         or x.mention_of == e.id or x.id == e.mention_of}
                assert any(x.evidence.source == span and s0 != x.evidence.sentence[0]
                           for x in group.values()), e
                continue
            assert s0 <= span[0] <= span[1] <= s1
        assert e.evidence.source is not None or not e.source


def test_event_fields_are_complete(seed_record):
    roots = [e for e in seed_record.events if e.is_root]
    # one root (main) event in every sentence that has events
    assert sorted(e.sentence for e in roots) == sorted({e.sentence for e in seed_record.events})
    for e in seed_record.events:
        assert e.cameo.root == e.cameo.code[:2] and e.cameo.name
        assert e.rule and 0 < e.confidence <= 1
        assert e.date and e.date_reason
        assert e.counted == (not e.negated and e.modality is None)


def test_event_dates_come_from_the_text_when_stated(seed_record):
    apology = _find(seed_record, ["055"])[0]
    assert apology.date.startswith("2016-06") and "late June" in apology.date_reason


@pytest.mark.parametrize("setting", [True])
def test_count_modal_events_setting(seed_text, setting):
    import datetime as dt

    import newsgraph
    from newsgraph.settings import Settings

    rec = newsgraph.process(seed_text, date=dt.date(2016, 8, 9), settings=Settings(count_modal_events=setting))
    assert all(e.counted for e in rec.events)
    assert any(e.modality for e in rec.events)
