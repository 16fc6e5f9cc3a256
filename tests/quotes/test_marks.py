"""Pairing quotation marks (pure text, no parsing)."""

from __future__ import annotations

from newsgraph.quotemarks import find_marked


def _texts(text):
    return [text[m.start : m.end] for m in find_marked(text)]


def test_curly_and_straight_doubles():
    text = '“We are ready,” she said. "So are we", he said.'
    assert _texts(text) == ["We are ready", "So are we"]


def test_apostrophes_are_not_quotes():
    assert _texts("Turkey’s leader met Russia's president at the leaders' summit.") == []


def test_single_quotes_pair_at_word_edges():
    assert _texts("Erdogan in Moscow to 'reset' Russia ties") == ["reset"]


def test_open_quote_closes_at_paragraph_end():
    text = "“The first part goes on\n\n“and ends here.” he said."
    marks = find_marked(text)
    assert (
        marks[0].close is None and text[marks[0].start : marks[0].end] == "The first part goes on"
    )
    assert text[marks[1].start : marks[1].end] == "and ends here."
