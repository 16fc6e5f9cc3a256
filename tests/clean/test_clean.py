"""Cleaning: noise lines go (with a reason), story lines stay, title and dek are found."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_article, normalise
from newsgraph.clean.boilerplate import noise_reason
from newsgraph.model import RawArticle


def test_seed_title_noise_and_dek(seed_text):
    c = clean_article(RawArticle(text=seed_text))
    assert c.title == "Turkey’s Erdogan pivots to Putin as tensions rise with the West"
    assert c.dek.startswith("Relations between the two countries worsened")
    assert c.dek in c.text
    lines = c.text.split("\n")
    assert "Share" not in lines and "Advertisement" not in lines
    assert "Turkey's President Erdogan in Moscow to 'reset' Russia ties" not in c.text
    reasons = {(r.text, r.reason) for r in c.removed}
    assert ("Share", "share button") in reasons
    assert sum(r.text == "Advertisement" for r in c.removed) == 2
    assert any(r.reason == "related-article link title" and "reset" in r.text for r in c.removed)
    # The quotation that ends the story is kept: it ends with punctuation.
    assert c.text.endswith("“Russia and Turkey are important strategic partners for Kazakhstan”.")
    assert c.text[c.body_start:].startswith("Relations between")


@pytest.mark.parametrize("line,reason", [
    ("Share", "share button"),
    ("Advertisement", "advertisement"),
    ("Sign up for our newsletter", "subscribe prompt"),
    ("We use cookies to improve your experience. By continuing you accept our cookie policy.",
     "cookie notice"),
    ("Related: Turkey and Russia agree on pipeline", "read-more link"),
    ("By John Smith, Reuters", "byline"),
])
def test_noise_lines(line, reason):
    assert noise_reason(line) == reason


@pytest.mark.parametrize("line", [
    "Share prices in Istanbul fell 3 percent on Monday.",
    "Related talks were held in Geneva.",
    "Register of voters was updated last week.",
    "By Tuesday, the talks had collapsed.",
    "More from the ministry came later.",
    "Advertisement spending rose sharply in Turkey last year.",
])
def test_story_lines_are_not_noise(line):
    assert noise_reason(line) is None


def test_wrapped_lines_are_joined_and_spaces_normalised():
    raw = RawArticle(text="Headline here today\n\nThe minister said on\nMonday that  talks\u00a0would resume.\n\nMore text follows here.")
    c = clean_article(raw)
    assert "said on Monday that talks would resume." in c.text


def test_normalise_removes_zero_width_and_control():
    assert normalise("a\u200bb\x07c\r\nd") == "ab c\nd"


def test_text_never_eaten_whole():
    c = clean_article(RawArticle(text="Just one line without a stop"))
    assert c.text == "Just one line without a stop"


def test_long_text_cut_with_warning():
    c = clean_article(RawArticle(text="word " * 1000), max_chars=100)
    assert len(c.text) == 100
    assert c.warnings and c.warnings[0].startswith("W003")


def test_signature_near_duplicates_are_close(seed_text):
    from newsgraph.clean import MinHash, minhash
    from newsgraph.clean.signature import similarity

    copy = seed_text.replace("Putin said", "Putin told reporters", 1).replace("Share\n", "")
    other = "Heavy rain flooded streets in Valencia on Monday, and the football match was postponed."
    sig = minhash(seed_text)
    assert MinHash.from_hex(sig.hex()) == sig  # the record's hex form round-trips
    assert similarity(sig.values, minhash(copy).values) >= 0.8
    assert similarity(sig.values, minhash(other).values) <= 0.1
