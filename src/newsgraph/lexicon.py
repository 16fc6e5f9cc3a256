"""The word lists several extractors share, as data: ``data/lexicon.tsv``, one loader.

Quotes, events, actors and dates read the same verbs of saying, pronouns and modal words
from here, so "which verbs report speech" is answered once. Lists are read once per
process; a missing or malformed list fails at import with E030, never per document.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from .errors import DataFileError

PATH = Path(__file__).resolve().parent / "data" / "lexicon.tsv"


@cache
def _lists() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    try:
        lines = PATH.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read the lexicon {PATH.name}: {exc}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, words = line.partition("\t")
        if not sep or not words.split() or name in out:
            raise DataFileError(f"{PATH.name} line {n}: want one 'name<TAB>words' line per list")
        out[name] = frozenset(w.replace("_", " ") for w in words.split())
    return out


def words(name: str) -> frozenset[str]:
    """The list ``name`` of data/lexicon.tsv (E030 if there is none)."""
    try:
        return _lists()[name]
    except KeyError:
        raise DataFileError(f"{PATH.name} has no list {name!r}") from None


# Verbs of saying, by use. Each verb sits in one of the four lists of the data file.
SPEECH = words("speech")
SPEECH_ACT = words("speech_act")
SPEECH_MANNER = words("speech_manner")
BELIEF = words("belief")
# The cue of a quotation or an attribution (belief verbs are not: "I believe" is said).
QUOTE_CUES = SPEECH | SPEECH_ACT
# Verbs whose clausal complement is the content the event coder codes (the saying itself
# only when nothing inside codes, CAMEO 010).
CONTENT_VERBS = SPEECH | BELIEF
# Any verb of saying or thinking: its subject is the one who spoke.
SAYING = SPEECH | SPEECH_ACT | SPEECH_MANNER | BELIEF

PERSON_PRONOUNS = words("person_pronoun")
GROUP_PRONOUNS = words("group_pronoun")
FIRST_PERSON_SINGULAR = words("first_person_singular")
FIRST_PERSON_PLURAL = words("first_person_plural")
FIRST_PERSON = FIRST_PERSON_SINGULAR | FIRST_PERSON_PLURAL
PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON

FUTURE_AUX = words("future_aux")
NEGATORS = words("negator")
