"""newsgraph as a spaCy pipeline component.

    import spacy
    import newsgraph.spacy_component  # registers the factory
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("newsgraph", config={"published": "2016-08-09"})
    doc = nlp(text)
    doc._.events, doc._.actors, doc._.quotes, doc._.places, doc._.record

The component runs newsgraph's extractors (actors, dates, places, quotes, events, themes,
tone) on the parsed doc, so it must come after a parser and an entity recogniser. The text
is taken as it is: no boilerplate cleaning, and every offset points into ``doc.text``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import pipeline
from .model import ArticleRecord
from .settings import Settings

EXTENSIONS = ("record", "events", "actors", "quotes", "places")

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class NewsgraphComponent:
    """Sets ``doc._.record`` (the full ArticleRecord) and shortcuts to its lists."""

    def __init__(self, *, published: str | None = None, count_modal_events: bool = False,
                 patterns_files: tuple[str, ...] = ()) -> None:
        self.published = pipeline.parse_date(published)
        self.settings = Settings(count_modal_events=count_modal_events, patterns_files=tuple(patterns_files))

    def __call__(self, doc: Doc) -> Doc:
        rec = ArticleRecord(id=pipeline.article_id(doc.text, None), text=doc.text,
                            published=self.published.isoformat() if self.published else None)
        pipeline.annotate(doc, rec, self.settings, self.published)
        doc._.record = rec
        doc._.events = rec.events
        doc._.actors = rec.actors
        doc._.quotes = rec.quotes
        doc._.places = rec.places
        return doc


@Language.factory(
    "newsgraph",
    assigns=[f"doc._.{n}" for n in EXTENSIONS],
    requires=["token.dep", "token.lemma", "doc.ents"],
    default_config={"published": None, "count_modal_events": False, "patterns_files": []},
)
def make_newsgraph(nlp: Language, name: str, published: str | None, count_modal_events: bool,
                   patterns_files: list[str]) -> Any:
    return NewsgraphComponent(published=published, count_modal_events=count_modal_events,
                              patterns_files=tuple(patterns_files))
