"""Tone: GDELT-style document tone, sentence tone and tone per country dyad.

Each word is scored from a hand-written lexicon (``data/tone_lexicon.tsv``: +1 positive,
-1 negative, matched on the word or its lemma); a negator within the three words before
flips it ("not good"). Positive and negative are percentages of all words; tone is their
difference and polarity their sum, as in GDELT's V2Tone. Dyad tone is the same formula over
the words of the sentences holding the events between two countries, pooled.
"""

from __future__ import annotations

from .lexicon import load_lexicon
from .score import dyad_tone, extract, score_tokens, tone_of

__all__ = ["dyad_tone", "extract", "load_lexicon", "score_tokens", "tone_of"]
