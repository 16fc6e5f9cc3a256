"""An article's text cut into segments, each knowing which annotations cover it.

The article page renders every segment as an escaped ``<span>`` whose classes name the
annotation kinds covering it (actor, trigger, quote, place, date) and whose ``data-ann``
lists the annotations, so hovering can show code, rule and confidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

KINDS = ("quote", "actor", "trigger", "place", "date")


@dataclass
class Segment:
    text: str
    kinds: list[str]
    ann: list[int]

    @property
    def classes(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def ann_ids(self) -> str:
        return " ".join(str(i) for i in self.ann)


def _conf(x: dict[str, Any]) -> float | None:
    value = x.get("confidence")
    return round(value, 2) if isinstance(value, (int, float)) else None


def highlights(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Every highlightable span of the record with the details its tooltip shows."""
    out: list[dict[str, Any]] = []
    actors = {a["id"]: a for a in record.get("actors") or []}

    def names(ids: list[str]) -> str:
        return ", ".join(actors[i]["name"] for i in ids if i in actors) or "?"

    for a in actors.values():
        code = f"{a.get('country') or ''}{a.get('sector') or ''}" or None
        for s, e in a.get("mentions") or []:
            out.append({"kind": "actor", "start": s, "end": e, "label": a["name"], "code": code,
                        "detail": " · ".join(x for x in (a.get("kind"), a.get("role")) if x),
                        "rule": a.get("rule"), "confidence": _conf(a), "reason": a.get("reason")})
    for ev in record.get("events") or []:
        s, e = ev["evidence"]["trigger"]
        cameo = ev.get("cameo") or {}
        plover = (ev.get("plover") or {}).get("type")
        flags = [f for f in ("negated" if ev.get("negated") else None, ev.get("modality")) if f]
        out.append({"kind": "trigger", "start": s, "end": e, "event": ev["id"],
                    "label": f"{names(ev.get('source') or [])} → {names(ev.get('target') or [])}",
                    "code": f"CAMEO {cameo.get('code')} {cameo.get('name', '')}".strip(),
                    "detail": " · ".join(x for x in (
                        f"PLOVER {plover}" if plover else None,
                        f"QuadClass {ev.get('quad_class')}", f"Goldstein {ev.get('goldstein')}",
                        *flags) if x),
                    "quad": ev.get("quad_class"), "rule": ev.get("rule"),
                    "confidence": _conf(ev)})
    for q in record.get("quotes") or []:
        sp = q.get("speaker") or {}
        speaker = actors.get(sp.get("actor") or "", {}).get("name") or sp.get("name")
        out.append({"kind": "quote", "start": q["start"], "end": q["end"],
                    "label": f"{q.get('kind', '')} quote".strip(),
                    "code": f"speaker: {speaker or 'unknown'}",
                    "detail": f"cue: {q.get('cue_word')}" if q.get("cue_word") else sp.get("reason"),
                    "rule": q.get("rule"), "confidence": _conf(q)})
    for p in record.get("places") or []:
        where = ", ".join(str(x) for x in (p.get("admin1"), p.get("country")) if x)
        coords = (f"{p['lat']:.2f}, {p['lon']:.2f}"
                  if p.get("lat") is not None and p.get("lon") is not None else None)
        out.append({"kind": "place", "start": p["start"], "end": p["end"],
                    "label": p.get("name") or p["text"], "code": where or None,
                    "detail": " · ".join(x for x in (p.get("feature"), p.get("role"), coords) if x),
                    "rule": p.get("rule"), "confidence": _conf(p), "reason": p.get("reason")})
    for d in record.get("dates") or []:
        out.append({"kind": "date", "start": d["start"], "end": d["end"],
                    "label": d.get("value") or "unresolved", "code": d.get("resolution"),
                    "detail": d.get("qualifier"), "rule": d.get("rule"), "confidence": None,
                    "reason": d.get("reason")})
    n = len(record.get("text") or "")
    return [a for a in out if 0 <= a["start"] < a["end"] <= n]


def segments(text: str, anns: list[dict[str, Any]]) -> list[Segment]:
    """``text`` split at every annotation boundary; each piece lists what covers it."""
    cuts = sorted({0, len(text), *(a["start"] for a in anns), *(a["end"] for a in anns)})
    starts: dict[int, list[int]] = {}
    for i, a in enumerate(anns):
        starts.setdefault(a["start"], []).append(i)
    active: set[int] = set()
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        active = {i for i in active if anns[i]["end"] > lo} | set(starts.get(lo, []))
        ids = sorted(active, key=lambda i: KINDS.index(anns[i]["kind"]))
        kinds = list(dict.fromkeys(anns[i]["kind"] for i in ids))
        out.append(Segment(text[lo:hi], kinds, ids))
    return out
