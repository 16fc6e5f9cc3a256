"""Declaration of the tone extractor (code: newsgraph.tone; docs/themes_tone.md).

Tone has no table of its own: the store keeps an article's tone and word count in
``articles`` and copies the tone onto its ``events`` rows.
"""

from __future__ import annotations

from . import Extractor

EXTRACTOR = Extractor(
    name="tone",
    extract="newsgraph.tone:extract",
    assigns=("tone",),
    requires=("actors",),  # tone per country dyad
    help="document, sentence and dyad tone",
)
