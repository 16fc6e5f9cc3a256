"""Human-readable account of a record's events, sentence by sentence (``newsgraph explain``)."""

from __future__ import annotations

from ..model import ArticleRecord, Event, Span


def _words(text: str, span: Span | None) -> str:
    return "-" if span is None else repr(text[span[0]:span[1]])


def _actors(rec: ArticleRecord, ids: list[str]) -> str:
    by_id = {a.id: a for a in rec.actors}
    names = []
    for i in ids:
        a = by_id.get(i)
        names.append(f"{a.name} [{a.code or '?'}]" if a else i)
    return ", ".join(names) or "(none)"


def _flags(ev: Event) -> str:
    flags = [f for f, on in (("ROOT", ev.is_root), ("NEGATED", ev.negated)) if on]
    if ev.modality:
        flags.append(ev.modality.upper())
    if not ev.counted:
        flags.append("not counted")
    return f"  ({', '.join(flags)})" if flags else ""


def explain(record: ArticleRecord) -> str:
    """Each sentence that has events, followed by its events, rules and evidence spans."""
    text = record.text
    by_sentence: dict[int, list[Event]] = {}
    for ev in record.events:
        by_sentence.setdefault(ev.sentence, []).append(ev)
    lines = [f"{record.id}: {len(record.events)} events in {len(record.sentences)} sentences"]
    for sent in record.sentences:
        evs = by_sentence.get(sent.i)
        if not evs:
            continue
        lines.append("")
        lines.append(f"[{sent.i}] {' '.join(text[sent.start:sent.end].split())}")
        for ev in evs:
            plover = f" / PLOVER {ev.plover.type}" + (f" ({ev.plover.mode})" if ev.plover and ev.plover.mode else "") \
                if ev.plover else ""
            lines.append(
                f"  {ev.id}: {_actors(record, ev.source)} -> {_actors(record, ev.target)}: "
                f"CAMEO {ev.cameo.code} {ev.cameo.name}{plover}; Goldstein {ev.goldstein:+.1f}, "
                f"QuadClass {ev.quad_class}{_flags(ev)}"
            )
            e = ev.evidence
            lines.append(
                f"      trigger {_words(text, e.trigger)}  source {_words(text, e.source)}  "
                f"target {_words(text, e.target)}"
            )
            place = f"; place #{ev.place} {record.places[ev.place].text!r}" if ev.place is not None else ""
            lines.append(f"      rule {ev.rule}, confidence {ev.confidence:.2f}; date {ev.date} "
                         f"({ev.date_reason}){place}")
    return "\n".join(lines)
