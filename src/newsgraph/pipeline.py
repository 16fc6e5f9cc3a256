"""The core: ``process_batch(list[RawArticle], Settings) -> list[ArticleRecord]``.

A pure, picklable function every backend calls. Per document: clean, identify the
language, parse with spaCy (batched with ``nlp.pipe``), then run the extractors in order (their
order, and what each needs, come from their declarations: newsgraph.extractors).
A document that fails gets a record with ``error``; one extractor that fails leaves a
warning on its document; the batch always goes on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from . import dates
from .clean import clean_article, decide_language, minhash
from .clean.scrub import scrub_raw
from .context import DocContext
from .errors import W001, W005, W100, EmptyInput, NewsgraphError
from .extractors import registry
from .isodate import parse_day
from .model import ArticleRecord, Entity, RawArticle, Sentence
from .nlp import get_nlp
from .settings import Settings, load_settings
from .urls import checked_url

log = logging.getLogger(__name__)

Extract = Callable[[DocContext], None]


@lru_cache(maxsize=16)
def selected_extractors(names: tuple[str, ...]) -> tuple[tuple[str, Extract], ...]:
    """The extractors ``names`` asks for plus what they need, in pipeline order (from their
    declarations, newsgraph.extractors)."""
    return tuple((e.name, e.function()) for e in registry().select(names))


@lru_cache(maxsize=16)
def _skipped_warning(names: tuple[str, ...]) -> str | None:
    """The W005 warning for the extractors ``names`` leaves out (None: all run)."""
    chosen = {n for n, _ in selected_extractors(names)}
    skipped = [n for n in registry().names() if n not in chosen]
    return W005(names=", ".join(skipped)) if skipped else None


@dataclass
class _Prepared:
    record: ArticleRecord
    published: dt.date | None
    body_start: int
    parse: bool


def article_id(text: str, url: str | None) -> str:
    """Content hash: the same article ingested twice gets the same id."""
    return hashlib.sha1(f"{url or ''}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]




def _prepare(raw: RawArticle, settings: Settings, date: dt.date | None) -> _Prepared:
    raw = scrub_raw(raw)
    cleaned = clean_article(raw, max_chars=settings.max_chars)
    rec = ArticleRecord(
        id=raw.id or article_id(cleaned.text, raw.url),
        text=cleaned.text,
        url=raw.url,
        source=raw.source,
        title=cleaned.title,
        dek=cleaned.dek,
        author=raw.author,
        removed=cleaned.removed,
        warnings=[*raw.warnings, *cleaned.warnings],
    )
    published = date or parse_day(raw.published)
    if date:
        rec.published, rec.published_reason = date.isoformat(), "given by the caller"
    elif published:
        rec.published, rec.published_reason = published.isoformat(), "from the source metadata"
    else:
        value, reason = dates.find_published(cleaned.text, raw.url, raw.published)
        published = parse_day(value)
        rec.published, rec.published_reason = (value if published else None), reason
    if not cleaned.text.strip():
        rec.error = f"{EmptyInput.code}: no article text after cleaning"
        return _Prepared(rec, published, 0, parse=False)
    rec.signature = minhash(cleaned.text).hex()
    rec.language = settings.language
    if settings.language_check:
        lang = decide_language(cleaned.text, settings.language)
        rec.language, rec.language_detected = lang.language, lang.detected
        rec.language_confidence = round(lang.confidence, 3)
        if lang.language != settings.language:
            rec.warnings.append(W001(lang=lang.language, prob=lang.confidence))
            return _Prepared(rec, published, cleaned.body_start, parse=False)
    return _Prepared(rec, published, cleaned.body_start, parse=True)


def annotate(doc, record: ArticleRecord, settings: Settings, published: dt.date | None,
             body_start: int = 0) -> None:
    """Fill ``record``'s NLP fields from a parsed ``doc`` of ``record.text``."""
    rec = record
    ctx = DocContext(doc=doc, record=rec, settings=settings, published=published,
                     body_start=body_start)
    text = rec.text
    rec.sentences = [
        Sentence(i, s.start_char, s.start_char + len(text[s.start_char:s.end_char].rstrip()))
        for i, s in enumerate(ctx.sents)
    ]
    rec.entities = [
        Entity(e.start_char, e.end_char, text[e.start_char:e.end_char], e.label_,
               rule=f"ruler:{e.ent_id_}" if e.ent_id_ else "ner")
        for e in ctx.ents
    ]
    if warning := _skipped_warning(settings.extractors):
        rec.warnings.append(warning)
    for name, extract in selected_extractors(settings.extractors):
        try:
            extract(ctx)
        except Exception as exc:  # one extractor's bug must not lose the document
            log.exception("%s extractor failed on %s", name, rec.id)
            rec.warnings.append(W100(name=name, error=f"{type(exc).__name__}: {exc}"))


def process_batch(
    raws: Sequence[RawArticle], settings: Settings | None = None, *, date: dt.date | None = None
) -> list[ArticleRecord]:
    """Process many articles; one record per input, in order."""
    settings = settings if settings is not None else load_settings()
    # A bad name fails the batch, not each doc; so does a bad data file (E030: prepare).
    for extractor in registry().select(settings.extractors):
        extractor.prepared(settings)
    prepared = []
    for raw in raws:
        raw = checked_url(raw)
        try:
            prepared.append(_prepare(raw, settings, date))
        except NewsgraphError as exc:
            rec = ArticleRecord(id=raw.id or article_id(raw.text or raw.html or "", raw.url),
                                text="", source=raw.source, url=raw.url,
                                error=f"{exc.code}: {exc.message}")
            prepared.append(_Prepared(rec, None, 0, parse=False))
    todo = [p for p in prepared if p.parse]
    if todo:
        nlp = get_nlp(settings)
        docs = nlp.pipe((p.record.text for p in todo), batch_size=settings.batch_size)
        for p, doc in zip(todo, docs, strict=True):
            annotate(doc, p.record, settings, p.published, p.body_start)
    return [p.record for p in prepared]
