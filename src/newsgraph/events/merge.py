"""One event across its mentions in an article, and the key that joins reports across articles.

An article names a happening more than once ("after Ankara shot down a Russian jet" ...
"the downing of a Russian fighter jet ... in November past year" ... "the shooting down of
the Russian fighter jet by Turkey past year"). :func:`merge_mentions` joins mentions that
may name the same happening:

* compatible code family: the same CAMEO base code (190 joins 1901; 042 and 043 stay apart);
* compatible actors: the same countries on each side, or a side left empty in one of them;
* compatible time: both future or both not, and their own dates (when both have one) one
  inside the other (2015 holds 2015-11); compatible place (same country, or one unknown);
* not in the same sentence (a sentence names a happening once) and the same ``counted``
  and ``negated`` flags.

The first mention with the most precise stated date represents the group: every mention
gets its date, resolution and time status (``date_source`` "coreference" where carried) and
the representative lists all mention ids in ``mentions``; the others point at it through
``mention_of``. A source taken from context (``source_inferred``: the subject of a governing
verb, a pronoun) yields to the source a mention of the same happening states.

Across articles, reports are joined in the store (``store.rows.event_key``).
"""

from __future__ import annotations

from ..dates.periods import compatible, span_days
from ..model import Actor, ArticleRecord, Event


def _countries(ids: list[str], actors: dict[str, Actor]) -> frozenset[str]:
    return frozenset((actors[i].country or actors[i].name) if i in actors else i for i in ids)


def _sides_fit(a: frozenset[str], b: frozenset[str]) -> bool:
    return not a or not b or a == b


def _codes_fit(x: str, y: str) -> bool:
    return x[:3] == y[:3]


def _own_date(ev: Event) -> str | None:
    return ev.date if ev.date_source in {"text", "coreference"} else None


def _fits(a: Event, b: Event, rec: ArticleRecord, actors: dict[str, Actor]) -> bool:
    if a.sentence == b.sentence or a.counted != b.counted or a.negated != b.negated:
        return False
    if not _codes_fit(a.cameo.code, b.cameo.code):
        return False
    if (a.time_status == "future") != (b.time_status == "future"):
        return False
    if not (_sides_fit(_countries(a.source, actors), _countries(b.source, actors))
            and _sides_fit(_countries(a.target, actors), _countries(b.target, actors))):
        return False
    da, db = _own_date(a), _own_date(b)
    if not (a.source and a.target and b.source and b.target):
        # a one-sided event says too little to be the same happening, unless it names the same
        # act (full code) against the same side and a stated date ties it: "the downing of a
        # Russian jet in November" is "Ankara shot down a Russian jet"
        same_side = bool(a.target and b.target) or bool(a.source and b.source)
        if not (a.cameo.code == b.cameo.code and (da or db) and same_side):
            return False
    if da and db and not compatible(da, db):
        return False
    pa, pb = _place_country(a, rec), _place_country(b, rec)
    return not (pa and pb and pa != pb)


def _place_country(ev: Event, rec: ArticleRecord) -> str | None:
    """Country of the event's place, unless the place words are one of its actors ("by Turkey")."""
    if ev.place is None or ev.place >= len(rec.places):
        return None
    p = rec.places[ev.place]
    for span in (ev.evidence.source, ev.evidence.target):
        if span and span[0] <= p.start and p.end <= span[1]:
            return None
    return p.country


def merge_mentions(rec: ArticleRecord, events: list[Event]) -> None:
    """Group ``events`` (one article's, ids set) into happenings; see the module docstring."""
    actors = {a.id: a for a in rec.actors}
    groups: list[list[Event]] = []
    for ev in events:
        for group in groups:
            if all(_fits(ev, other, rec, actors) for other in group):
                group.append(ev)
                break
        else:
            groups.append([ev])
    for group in groups:
        if len(group) == 1:
            group[0].mentions = [group[0].id]
            continue
        rep = min(group, key=lambda e: (span_days(_own_date(e)), group.index(e)))
        stated = [e for e in group if e.source and not e.source_inferred]
        for ev in group:
            if not ev.source and stated:
                ev.source = list(stated[0].source)
                ev.source_inferred = True
                ev.evidence.source = stated[0].evidence.source
                ev.actor_reason = f"source carried from {stated[0].id}, a mention of the same event"
            elif ev.source_inferred and stated and ev is not stated[0]:
                ev.source = list(stated[0].source)
                ev.source_inferred = False
                ev.evidence.source = stated[0].evidence.source
            if ev is rep:
                ev.mentions = [e.id for e in group]
                continue
            ev.mention_of = rep.id
            if _own_date(rep) and ev.date != rep.date:
                if not _own_date(ev):
                    ev.date_source = "coreference"
                    ev.date_reason = f"carried from {rep.id}, a mention of the same event: {rep.date_reason}"
                else:
                    ev.date_reason = f"{ev.date_reason}; {rep.id} states it more precisely"
                ev.date, ev.date_resolution = rep.date, rep.date_resolution
                ev.time_status = rep.time_status
                ev.time_reason = f"as {rep.id}, a mention of the same event: {rep.time_reason}"
