"""Language identification (py3langid; offline, a few ms a document).

A detector guess on a headline or a one-sentence report is noise: "Putin met Erdogan in
Sochi." reads as Dutch at p = 0.15. So a text is taken to be in another language only when
it is long enough to tell (``MIN_LETTERS``) and the detector is sure (``MIN_CONFIDENCE``);
otherwise the configured language is assumed and the guess is kept alongside.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_LETTERS = 50
MIN_CONFIDENCE = 0.9


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) from the first 3,000 characters; (None, 0) if no letters."""
    sample = text[:3000]
    if sum(ch.isalpha() for ch in sample) < 20:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


@dataclass(frozen=True)
class LanguageDecision:
    language: str  # the language the text is taken to be in
    detected: str | None  # the detector's guess (None: too few letters to guess)
    confidence: float  # the detector's probability for its guess
    assumed: bool  # True when the configured language was assumed over the guess


def decide_language(text: str, configured: str = "en") -> LanguageDecision:
    """The text's language: the detector's guess when it is long and sure, else ``configured``."""
    detected, prob = detect_language(text)
    letters = sum(ch.isalpha() for ch in text[:3000])
    if detected and (detected == configured
                     or (letters >= MIN_LETTERS and prob >= MIN_CONFIDENCE)):
        return LanguageDecision(detected, detected, prob, assumed=False)
    return LanguageDecision(configured, detected, prob, assumed=True)
