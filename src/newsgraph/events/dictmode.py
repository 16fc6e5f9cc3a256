"""Dictionary mode: when ``verb_dictionary`` names a PETRARCH/TABARI verb file, the events of
every document are coded by that dictionary (with the discard lists of
``discard_dictionaries``) instead of the bundled patterns.

The files are read once per process; :func:`preload` reads them before a batch is parsed,
so a bad line fails the batch with E030 (file and line) instead of losing every event of
every document.
"""

from __future__ import annotations

import functools
import logging

from ..settings import Settings
from .petrarch_dicts import Discards, load_discards
from .petrarch_verbs import VerbDictionary, load_verb_dictionary

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=4)
def verb_dictionary(path: str) -> VerbDictionary:
    d = load_verb_dictionary(path)
    for why in d.ignored:
        log.warning("verb dictionary: %s", why)
    log.debug("%s: %d verb forms, %d families", path, len(d.forms), len(d.families))
    return d


@functools.lru_cache(maxsize=4)
def discards(paths: tuple[str, ...]) -> Discards:
    return load_discards(paths)


def active(settings: Settings) -> bool:
    return bool(settings.verb_dictionary)


def preload(settings: Settings) -> None:
    """Read every event dictionary the settings name (raises DataFileError, E030)."""
    if settings.verb_dictionary:
        verb_dictionary(settings.verb_dictionary)
    if settings.discard_dictionaries:
        discards(tuple(settings.discard_dictionaries))
