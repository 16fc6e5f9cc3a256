"""A long document costs time in proportion to its length, not its square.

A 19 MB text is cut to ``max_chars`` (1,000,000 characters) before parsing, but extractors
that scanned the whole document once per mention (every entity per quote speaker, every KB
match per entity, every actor span per token) made even that cut text run for an hour.
Four times the text may take at most MAX_RATIO times as long (linear: ~4; it was ~10).
"""

from __future__ import annotations

import time

from newsgraph.model import RawArticle
from newsgraph.pipeline import process_batch

MAX_RATIO = 6.5
PARA = ("Turkish President Erdogan met Russian President Putin in Ankara on Tuesday. The two "
        "leaders signed a trade agreement, officials said.\n\n")


def _cpu_seconds(chars: int) -> float:
    raw = RawArticle(text=PARA * (chars // len(PARA)))
    t = time.process_time()
    (rec,) = process_batch([raw])
    took = time.process_time() - t
    assert rec.error is None and rec.events and rec.quotes
    return took


def test_processing_time_grows_linearly_with_the_text() -> None:
    process_batch([RawArticle(text=PARA)])  # the model and data are loaded before timing
    short = min(_cpu_seconds(12_000) for _ in range(2))
    long = _cpu_seconds(48_000)
    assert long <= MAX_RATIO * short, f"{long:.2f} s vs {short:.2f} s for a text 4x shorter"


def test_many_quotations_in_one_sentence_are_not_cubic() -> None:
    """Each token of a quote's sentence was tested against every quotation (a fuzzed page
    of 5,500 characters took 160 s); 4x the quotations took 42x as long, now ~8x."""
    process_batch([RawArticle(text=PARA)])

    def cpu(n: int) -> float:
        text = ("Officials said on Tuesday that " + 'the "plan is a bad one" in view of the ' * n
                + "talks.")
        t = time.process_time()
        (rec,) = process_batch([RawArticle(text=text)])
        assert len(rec.quotes) > n
        return time.process_time() - t

    short, long = cpu(100), cpu(400)
    assert long <= 20 * max(short, 0.05), f"{long:.2f} s vs {short:.2f} s for 4x fewer quotes"
