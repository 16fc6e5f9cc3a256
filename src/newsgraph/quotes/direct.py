"""Direct and partial quotations: quoted words and the cue that attributes them.

For each quoted stretch we look at the words left and right of it, up to the sentence
edge, the line end or the next quotation mark:

* direct, cue after:   “…”, Putin said.   /  “…”, said Putin.  /  “A,” he said, “B.”
* direct, cue before:  Putin said: “…”    /  ..., he said, “B.”
* direct, colon name:  Dr. Amara Njoku: “…”  (a name and a colon, nothing else before it)
* direct, no cue:      a quotation standing alone as its sentence; its speaker is unknown
* partial:             a quoted phrase inside a sentence whose speech verb names a speaker
* nothing:             scare quotes and titles (no speech verb, or "so-called", "dubbed")
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Token

from ..context import DocContext
from ..model import Quote, Speaker
from ..quotemarks import Marked
from .cues import according_to, is_cue
from .speaker import resolve, subject_of

_WINDOW = 200  # characters searched for a cue on each side of a quotation
_CUE_REACH = 120  # a cue further than this after the quotation belongs to something else
_RIGHT_STOP = re.compile(r"[.!?](?=\s|$)|\n|[\u201c\u2018\"]")
_LEFT_STOP = re.compile(r"[.!?](?=\s)|\n|[\u201d\u2019\"]")
_NAMING = re.compile(
    r"(?:so-called|dubbed|called|named|titled|entitled|known as|termed|the words?|the terms?"
    r"|the phrase|the slogan|headlined|nicknamed|labell?ed|branded)\s*$",
    re.I,
)
_ONLY_PUNCT = re.compile(r"^[\W_]*$")


def _right_window(text: str, m: Marked) -> tuple[int, int]:
    a = (m.close if m.close is not None else m.end) + 1
    limit = min(len(text), a + _WINDOW)
    stop = _RIGHT_STOP.search(text, a, limit)
    if stop is None:
        return a, limit
    return a, stop.start() + (1 if text[stop.start()] in ".!?" else 0)


def _left_window(text: str, m: Marked) -> tuple[int, int]:
    lo = max(0, m.open - _WINDOW)
    stops = list(_LEFT_STOP.finditer(text, lo, m.open))
    return (stops[-1].end() if stops else lo), m.open


def _tokens(ctx: DocContext, a: int, b: int) -> list[Token]:
    span = ctx.doc.char_span(a, b, alignment_mode="contract")
    return list(span) if span is not None else []


def _cue_in(tokens: list[Token], *, last: bool) -> tuple[Token, Token | None] | None:
    """(cue token, subject token) of the first (or last) cue among ``tokens``."""
    found: list[tuple[Token, Token | None]] = []
    for t in tokens:
        source = according_to(t)
        if source is not None:
            found.append((t, source))
        elif is_cue(t, direct=True):
            found.append((t, subject_of(t) or _nearby_subject(t, tokens)))
    if not found:
        return None
    return found[-1] if last else found[0]


def _nearby_subject(cue: Token, tokens: list[Token]) -> Token | None:
    """When the parser gave the cue no subject: the closest name or pronoun in the window."""
    cands = [t for t in tokens if t is not cue and (t.ent_type_ == "PERSON" or t.pos_ == "PRON"
             and t.lower_ in ("he", "she", "they", "it"))]  # fmt: skip
    if not cands:
        return None
    return min(cands, key=lambda t: abs(t.i - cue.i))


class _Quoted:
    """Is a character inside a quotation (its marks included)? Merged intervals, bisected:
    testing every quotation for every token of a sentence was cubic on a text of many quotes."""

    def __init__(self, marked: list[Marked]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((q.open, q.close or q.end) for q in marked):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos) - 1
        return k >= 0 and pos <= self._ends[k]


def _sentence_cue(ctx: DocContext, m: Marked, quoted: _Quoted) -> tuple[Token, Token] | None:
    """For a partial quote: the speech verb of its sentence (outside any quotation)."""
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    ancestors = {a.i for a in span.root.ancestors}
    best = None
    for t in sent:
        if t.idx in quoted:
            continue
        source = according_to(t)
        subj = source if source is not None else (subject_of(t) if is_cue(t, direct=True)
                                                  else None)  # fmt: skip
        if subj is not None and (best is None or t.i in ancestors):
            best = (t, subj)
    return best


def _quote(
    ctx: DocContext, m: Marked, kind: str, rule: str, cue: tuple[Token, Token | None] | None,
    inside: list[tuple[int, int]], base: float,
) -> Quote:  # fmt: skip
    text = ctx.record.text
    if cue is None:
        speaker, conf = Speaker(reason="no attribution: no speech verb next to the quotation "
                                "and none in its sentence; the text does not say who said it"), 0.5  # fmt: skip
        cue_span, cue_word = None, None
    else:
        verb, subj = cue
        speaker, conf = resolve(ctx, subj, inside)
        cue_span, cue_word = (verb.idx, verb.idx + len(verb)), verb.text
        if verb.lower_ == "according":
            cue_span, cue_word = (verb.idx, verb.idx + len("according to")), "according to"
    return Quote(
        start=m.start, end=m.end, text=text[m.start : m.end], kind=kind,  # type: ignore[arg-type]
        cue=cue_span, cue_word=cue_word, speaker=speaker, rule=rule,
        confidence=round(min(base, conf + 0.05), 2),
    )  # fmt: skip


def direct_quotes(ctx: DocContext, marked: list[Marked]) -> list[Quote]:
    text = ctx.record.text
    inside = [(m.start, m.end) for m in marked]
    quoted = _Quoted(marked)
    out: list[Quote] = []
    for m in marked:
        la, lb = _left_window(text, m)
        ra, rb = _right_window(text, m)
        left, right = text[la:lb].strip(), text[ra:rb].strip()
        words = len(text[m.start : m.end].split())
        cue_r = _cue_in(_tokens(ctx, ra, rb), last=False)
        cue_l = _cue_in(_tokens(ctx, la, lb), last=True)
        # Cue after: the quotation opens its sentence (or follows ", he said,").
        if cue_r and cue_r[0].idx - ra <= _CUE_REACH and (left == "" or left[-1] in ",;:"):
            out.append(_quote(ctx, m, "direct", "direct:cue_after", cue_r, inside, 0.95))
        elif (
            cue_l
            and (left[-1:] in (",", ":") or left.split()[-1:] == [cue_l[0].text])
            and (_ONLY_PUNCT.match(right) or (cue_r is not None and right[:1] in ",;"))
        ):
            out.append(_quote(ctx, m, "direct", "direct:cue_before", cue_l, inside, 0.95))
        elif (name := _colon_name(ctx, la, lb)) is not None and _ONLY_PUNCT.match(right):
            out.append(_quote(ctx, m, "direct", "direct:colon_name", name, inside, 0.85))
        elif left == "" and _ONLY_PUNCT.match(right) and words >= 3:
            out.append(_quote(ctx, m, "direct", "direct:no_cue", None, inside, 0.6))
        elif not _NAMING.search(text[max(0, m.open - 25) : m.open]) and not _title_like(
            text[m.start : m.end]
        ):
            cue = _sentence_cue(ctx, m, quoted)
            if cue is not None:
                out.append(_quote(ctx, m, "partial", "partial:sentence_cue", cue, inside, 0.8))
    _inherit_speakers(text, marked, out)
    return out


_COLON_NAME_LABELS = ("PERSON", "ORG", "NORP", "GPE")
_MAX_TITLE_WORDS = 2  # "Dr." or "Senator" before a name the tagger left out


def _colon_name(ctx: DocContext, a: int, b: int) -> tuple[Token, Token | None] | None:
    """A name and a colon right before the quotation, and nothing else before the name but
    a title: "Dr. Amara Njoku: “...”" (headline and interview style). Returned as (cue,
    subject): the colon and the name."""
    left = ctx.record.text[a:b].rstrip()
    if not left.endswith(":"):
        return None
    colon = a + len(left) - 1
    ent = next(
        (e for e in ctx.ents if e.end_char == colon and e.label_ in _COLON_NAME_LABELS), None
    )
    if ent is None or len(ctx.record.text[a : ent.start_char].split()) > _MAX_TITLE_WORDS:
        return None
    if ent.end >= len(ctx.doc) or ctx.doc[ent.end].text != ":":
        return None
    return ctx.doc[ent.end], ent.root


def _title_like(s: str) -> bool:
    """“The Post”, “Turkish Stream”: every word capitalised, a name not a quotation."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", s)]
    small = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at"}
    return (
        0 < len(words) <= 6
        and all(w[0].isupper() or w in small for w in words)
        and words[0][0].isupper()
    )


def _inherit_speakers(text: str, marked: list[Marked], quotes: list[Quote]) -> None:
    """Quotations with no cue of their own that news style gives to the previous speaker:
    one left open at a paragraph end continues in the next paragraph's quotation, and one
    standing alone right after an attributed quotation of the same paragraph goes on it."""
    by_start = {q.start: q for q in quotes}
    for cur, nxt in zip(marked, marked[1:], strict=False):
        q, q2 = by_start.get(cur.start), by_start.get(nxt.start)
        if cur.close is None and q is not None and q2 is not None and q.cue is None and q2.cue:
            _copy(q2, q, "direct:continued")
    direct = [q for q in quotes if q.kind == "direct"]
    for prev, q in zip(direct, direct[1:], strict=False):
        if q.cue is None and prev.cue and "\n" not in text[prev.end : q.start]:
            _copy(prev, q, "direct:same_paragraph")


def _copy(src: Quote, dst: Quote, rule: str) -> None:
    dst.cue, dst.cue_word, dst.speaker = src.cue, src.cue_word, src.speaker
    dst.rule, dst.confidence = rule, round(src.confidence - 0.1, 2)
