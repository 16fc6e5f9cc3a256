"""Every cleaning rule runs in time linear in the line's length, on adversarial lines.

Times are CPU times of this process (a busy machine does not inflate them). A line is a prefix, a unit repeated r times and a tail that makes the match fail at the
end (the worst case for a backtracking pattern). r grows 4x a step; each step may take at
most ``MAX_RATIO`` times the previous one (linear: ~4, quadratic: ~16, exponential: more).
The loop stops at the first step over the ratio, so a backtracking rule fails quickly
instead of hanging the suite.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from newsgraph.clean import normalise
from newsgraph.clean.boilerplate import line_rules

MAX_RATIO = 10.0
NOISE_FLOOR_S = 2e-4  # below this a ratio is timer noise
MAX_LEN = 8_000

PREFIXES = ["", "By ", "Written by ", "Follow us ", "Read more: ", "Photo: ", "© ", "GENEVA, ",
            "Monday ", "cookies ", "(1) "]
UNITS = ["Aand", "Ab Cd, ", "Ab ", " ", "A-", "A.", "AB ", "a", ", ", "cookie accept ", "1",
         "Ab and ", "( ", "share "]
TAILS = ["!", "1"]

RULES: dict[str, Callable[[str], object]] = {**line_rules(), "normalise": normalise}


def _pair(rule: Callable[[str], object], short: str, long: str) -> tuple[float, float]:
    """Best time per call of each line, measured interleaved (a busy machine slows both)."""
    best = [float("inf"), float("inf")]
    for _ in range(5):
        for i, line in enumerate((short, long)):
            loops = max(1, 4000 // len(line))
            t = time.process_time()
            for _ in range(loops):
                rule(line)
            best[i] = min(best[i], (time.process_time() - t) / loops)
    return best[0], best[1]


def _growth(rule: Callable[[str], object], prefix: str, unit: str, tail: str) -> str | None:
    """The first step whose time grew over MAX_RATIO (three measurements agreeing),
    described; None when the rule is linear on this family."""
    r = 1
    while len(unit) * r * 4 <= MAX_LEN:
        short, long = (prefix + unit * r + tail), (prefix + unit * r * 4 + tail)
        for _ in range(3):
            before, took = _pair(rule, short, long)
            ratio = took / max(before, 1e-7)
            if took < NOISE_FLOOR_S or ratio <= MAX_RATIO:
                break
        else:
            return f"{len(long)} chars took {took * 1e3:.2f} ms, {ratio:.0f}x the line 4x shorter"
        r *= 4
    return None


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_time_grows_linearly(name: str) -> None:
    rule = RULES[name]
    slow = []
    for prefix in PREFIXES:
        for unit in UNITS:
            for tail in TAILS:
                if (why := _growth(rule, prefix, unit, tail)) is not None:
                    slow.append(f"{prefix!r} + {unit!r} * r + {tail!r}: {why}")
    assert not slow, "\n".join(slow[:5])


def test_byline_rule_still_finds_bylines() -> None:
    from newsgraph.clean.boilerplate import noise_reason

    for line in ["By John Smith, Reuters", "By Jane Doe and John Roe", "By Jane Doe & Li Wei | AP",
                 "Written by Mary-Ann Smith, John Roe and Ann Lee, AP",
                 "Reporting by Ann Lee - Staff writer", "By Sean O'Neil"]:
        assert noise_reason(line) == "byline", line
    for line in ["By Tuesday, the talks had collapsed.", "By then it was over",
                 "By " + "Aand" * 30 + "!"]:
        assert noise_reason(line) != "byline", line
