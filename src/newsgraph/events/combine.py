"""Verb-verb combinations CAMEO codes as one event.

* Intent: a future or intended act ("Nigeria will withdraw its force", "plans to impose
  restrictions") is an expression of intent for cooperative acts (CAMEO 03x) and a threat
  for hostile ones (13x).
* Refusal: a cooperative act announced as not going to happen ("will not accept more refugees",
  "would not meet the envoy" said as intent) is a rejection (CAMEO 12x); an act that did not
  happen ("did not meet") is only recorded, negated and not counted.
* Obligation in reported speech: "X said Y must release the prisoners" is a demand (10x)
  from X to Y.
"""

from __future__ import annotations

from ..lexicon import words
from .arguments import Arg, ArgResolver
from .coder import Candidate
from .patterns import Pattern
from .syntax import SPEECH_VERBS, subjects

# Inner root -> code of the combined event.
INTENT = {"03": "030", "04": "036", "05": "032", "06": "031", "07": "033", "08": "035",
          "14": "133", "15": "138", "16": "131", "17": "132", "18": "138", "19": "138", "20": "138"}
INTENT_SPECIFIC = {"0841": "0353", "087": "0356", "085": "0354", "163": "1312", "161": "1313",
                   "192": "1382", "191": "1381", "173": "137", "175": "137", "1724": "1324",
                   "1723": "1323", "164": "134", "195": "1384", "194": "1384", "193": "1384"}
DEMAND = {"03": "100", "04": "106", "05": "102", "06": "101", "07": "103", "08": "105", "12": "100"}
DEMAND_SPECIFIC = {"0841": "1053", "084": "1053", "087": "1056", "085": "1054", "0831": "1041",
                   "083": "104", "037": "107", "057": "107"}
REFUSE = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
REFUSE_SPECIFIC = {"045": "126", "046": "125", "057": "127", "081": "1241", "0841": "1243",
                   "084": "1243", "085": "1244", "086": "1245", "087": "1246"}
OBLIGATION_AUX = words("obligation_aux")
CONDITIONS = {"unless", "if"}


def _pattern(base: Pattern, code: str, kind: str) -> Pattern:
    return Pattern(base.kind, base.lemma, base.extra, base.obj, base.prep, base.prep_nouns, code,
                   f"{kind}+{base.id}", base.rank)


def _specific(table: dict[str, str], specific: dict[str, str], code: str) -> str | None:
    for key in (code, code[:3]):
        if key in specific:
            return specific[key]
    return table.get(code[:2])


def combine(cands: list[Candidate], resolver: ArgResolver) -> list[Candidate]:
    """Extra candidates from intent and obligation constructions."""
    out: list[Candidate] = []
    triggers = {c.trigger.i for c in cands}
    for c in cands:
        if c.negated and c.modality in {"future", "intention"} and c.construction in {"verb", "passive"}:
            code = _specific(REFUSE, REFUSE_SPECIFIC, c.pattern.code)
            if code:
                out.append(Candidate(c.trigger, c.trigger_end, _pattern(c.pattern, code, "refusal"),
                                     c.source, c.target, False, None, "refusal", c.mutual_ok))
            continue
        if c.negated or c.construction.startswith(("intent", "demand", "threat", "refusal")):
            continue
        trig = c.trigger
        if trig.dep_ in {"xcomp", "dobj"} and trig.head.i in triggers:
            continue  # "threatened to stop talks": the governing event already codes the intent
        if trig.dep_ == "advcl" and trig.head.i in triggers and any(
            x.lower_ == "to" and x.dep_ == "aux" for x in trig.children
        ):
            continue  # "opened fire to disperse the crowd": the purpose of an act done, no intent
        if c.modality in {"future", "hypothetical"} and any(
            m.lower_ in CONDITIONS for x in trig.children if x.dep_ == "advcl" for m in x.children
        ):
            # "will withdraw its force unless ...": a conditional announcement is a threat
            out.append(Candidate(c.trigger, c.trigger_end, _pattern(c.pattern, "130", "threat"),
                                 c.source, c.target, False, None, "threat", c.mutual_ok))
            continue
        aux = {x.lower_ for x in trig.children if x.dep_ in {"aux", "auxpass"}}
        head = trig.head
        if aux & OBLIGATION_AUX and trig.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_VERBS:
            code = _specific(DEMAND, DEMAND_SPECIFIC, c.pattern.code)
            agents, _ = subjects(head)
            speaker = resolver.resolve(agents)
            if code and speaker and c.source:
                target = Arg(list(c.source.ids), list(c.source.tokens), dict(c.source.by_actor))
                out.append(Candidate(c.trigger, c.trigger_end, _pattern(c.pattern, code, "demand"),
                                     speaker, target, False, None, "demand", c.mutual_ok))
            continue
        if c.modality in {"future", "intention"} and c.pattern.code[:2] not in {"01", "02", "03", "13"}:
            code = _specific(INTENT, INTENT_SPECIFIC, c.pattern.code)
            if code:
                out.append(Candidate(c.trigger, c.trigger_end, _pattern(c.pattern, code, "intent"),
                                     c.source, c.target, False, None, "intent", c.mutual_ok))
    return out


def drop_self_targets(cands: list[Candidate], resolver: ArgResolver, states: set[str]) -> None:
    """No event of an actor on its own state among other targets: "Putin ... restoring the
    relations between our two countries" is Putin -> Turkey, not also Putin -> Russia.
    ``states``: actors that are a state itself (a country, no sector). The text says so when the
    own state is the only target ("promised to democratize Serbia"), and a sector of the same
    country stays a target (RUSGOV -> RUSOPP)."""
    for c in cands:
        own = {resolver.countries.get(i) for i in c.source.ids} - {None}
        if len(own) != 1:
            continue
        drop = {t for t in c.target.ids if t in states and resolver.countries.get(t) in own}
        if drop and len(drop) < len(c.target.ids):
            c.target.ids = [t for t in c.target.ids if t not in drop]
            for t in drop:
                c.target.by_actor.pop(t, None)
