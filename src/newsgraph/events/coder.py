"""The event coder: predicates of a sentence -> coded event candidates (source, target, CAMEO).

Verbal events: the predicate's lemma (+ particle, object head, preposition) is matched
against the patterns; source is the subject or the by-agent of a passive (inherited
through coordination, control and relative clauses), target the object, the indirect
object or a prepositional object. Nominal events ("the downing of a Russian jet by
Turkey", "Erdogan's visit to Russia") take their source from a possessor, a by-phrase, an
actor modifier or the verb they are the object of ("Putin expressed support for ...").
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from .arguments import Arg, ArgResolver
from .patterns import Pattern, PatternSet
from .specific import COERCION_ROOTS, agent_means, refine
from .syntax import (
    SPEECH_VERBS,
    compounds,
    datives,
    governing_verb,
    inherited_subject,
    modality,
    negated,
    objects,
    particles,
    prep_objects,
    subjects,
)

# Prepositions that introduce the target of a verb, in order of preference.
TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "from", "for", "into", "over",
                "between", "of", "in")
# Codes of stances a subject can be said to hold in a predicative participle ("is opposed to").
STANCE_ROOTS = {"01", "03", "05", "11", "12"}
# Verbs that only carry an event noun: "staged a strike", "launched an investigation".
LIGHT_VERBS = {"stage", "hold", "launch", "organize", "organise", "begin", "start", "conduct", "carry",
               "undertake", "make", "take", "announce", "mount", "continue", "resume", "end", "call",
               "issue", "give", "open", "lead", "have", "join", "prepare", "plan", "complete"}
# Quantity nouns whose of-phrase names what a verb acts on ("tons of aid", "a package of sanctions").
MEASURE_NOUNS = {"ton", "tons", "tonne", "tonnes", "million", "millions", "billion", "billions", "lot", "lots",
                 "number", "package", "shipment", "amount", "batch", "series", "round", "wave", "set",
                 "kind", "type", "form", "day", "days", "week", "weeks", "month", "months", "year", "years"}
# Verbs whose object is the subject of their infinitive ("urged Iran to comply").
OBJECT_CONTROL = {"urge", "ask", "call", "force", "order", "tell", "persuade", "invite", "allow", "encourage",
                  "press", "want", "help", "compel", "request", "enable", "permit", "pressure", "convince"}
# Roots whose clausal complement names the addressee: demands, appeals, criticism, threats.
ADDRESSEE_ROOTS = {"02", "10", "11", "12", "13"}
# Disapproval targets what it is about; "to" names the audience ("complained to the UN over X").
COMPLAINT_PREPS = ("against", "over", "about", "for", "of", "on", "with", "at", "toward", "towards",
                   "to", "from", "into", "between", "in")
# Prepositions that give the topic, not the partner, of a consultation ("talks on Syria").
TOPIC_PREPS = {"on", "about", "over", "regarding", "concerning"}
# Roots of material acts (protest, force posture, sanctions, coercion, violence).
MATERIAL_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# Roots of verbs that comment on an act rather than do it ("condemned the attack").
COMMENT_ROOTS = frozenset({"02", "09", "10", "11", "12"})
# Mutual events: a compound subject without a target acts on itself
# ("Israel and the Palestinians reached a consensus" -> ISR->PSE and PSE->ISR).
MUTUAL_CODES = ("030", "031", "036", "037", "040", "041", "044", "045", "046", "050", "057", "06")


def is_mutual(code: str) -> bool:
    return code.startswith(MUTUAL_CODES)


@dataclass
class Candidate:
    trigger: Token
    trigger_end: Token  # last token of the trigger words ("shot down")
    pattern: Pattern
    source: Arg
    target: Arg
    negated: bool
    modality: str | None
    construction: str  # verb | passive | nominal | light-verb | intent | demand
    mutual_ok: bool = True  # a compound source may pair with itself (no unrelated object)
    embedded: bool = False  # the trigger sits inside another event's clause (less central)
    mutual_any: bool = False  # any code pairs a compound source with itself (dictionary mode)
    reason: str | None = None  # why the source is empty, or where an implicit one came from
    unnamed_agent: bool = False  # the parse names no agent (agentless passive, means as subject)
    means_agent: bool = False  # the parse's agents are all means ("a car bomb exploded")


class SentenceCoder:
    def __init__(self, patterns: PatternSet, resolver: ArgResolver) -> None:
        self.patterns = patterns
        self.resolver = resolver

    def code(self, sent: Span, first_token: int) -> list[Candidate]:
        """Candidates for the tokens of ``sent`` from ``first_token`` on (body only)."""
        out: list[Candidate] = []
        consumed: set[int] = set()  # nouns already coded through a verb's obj= pattern
        # a verb form in a preposition's place ("according to", "following the talks",
        # "including Syria", "regarding the deal") is a preposition, not a predicate; a participle
        # used as an adjective ("contaminated grafts", "the wounded man") describes, it reports no act
        verbs = [t for t in sent if t.i >= first_token and t.pos_ == "VERB" and t.dep_ not in {"prep", "amod"}]
        for tok in verbs:
            cand = self._verb(tok, consumed)
            if cand is not None:
                out.append(cand)
        for tok in sent:
            if tok.i < first_token or tok.i in consumed or tok.pos_ not in {"NOUN", "PROPN"}:
                continue
            cand = self._noun(tok)
            if cand is not None:
                out.append(cand)
        _targets_from_inner_events(out)
        self._mutual_partners(out, sent)
        out = _drop_empty_statements(out)
        _mark_embedded(out)
        _mark_requested(out)
        return out

    def _mutual_partners(self, cands: list[Candidate], sent: Span) -> None:
        """A mutual event with a source and no partner ("Putin announced a cooperation
        program") takes the sentence's other actor as target, with lower confidence."""
        for c in cands:
            if c.target or not c.source or not is_mutual(c.pattern.code) or len(c.source.ids) > 1:
                continue
            own = {self.resolver.countries.get(i) for i in c.source.ids} - {None}
            for tok in sent:
                if tok.pos_ in {"DET", "ADP", "PUNCT", "NUM"}:
                    continue
                ids = [i for i in self.resolver.lookup.ids_for_token(tok.i)
                       if i not in c.source.ids and self.resolver.countries.get(i) not in own]
                if ids:
                    c.target.add(ids[:1], tok)
                    c.target.fallback = True
                    break

    # verbal events ----------------------------------------------------------------------

    def _verb(self, tok: Token, consumed: set[int]) -> Candidate | None:
        lemma = tok.lemma_.lower()
        if not self.patterns.has("verb", lemma):
            return None
        prts = particles(tok)
        objs = objects(tok)
        preps: dict[str, set[str]] = {}
        prep_toks: dict[str, list[Token]] = {}
        for prep, pobj in prep_objects(tok):
            preps.setdefault(prep, set()).add(pobj.lemma_.lower())
            prep_toks.setdefault(prep, []).append(pobj)
        # prepositions on the object count too: "sought cooperation with NATO"
        for o in objs:
            for prep, pobj in prep_objects(o):
                preps.setdefault(prep, set()).add(pobj.lemma_.lower())
                prep_toks.setdefault(prep, []).append(pobj)
        # an infinitival complement counts as an object: "declined to comment", "refused to meet"
        comps = {c.lemma_.lower() for c in tok.children if c.dep_ == "xcomp" and c.pos_ == "VERB"}
        # a measure's of-noun is what is acted on: "provide 25,000 tons of food aid"
        measured = {g.lemma_.lower() for o in objs if o.lemma_.lower() in MEASURE_NOUNS
                    for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj"}
        # the patient of a passive is the object a pattern names: "a curfew was imposed"
        themes = objs + [p for p in subjects(tok)[1] if p.pos_ in {"NOUN", "PROPN"}]
        pattern = self.patterns.match(
            "verb", lemma, extras=prts,
            obj={o.lemma_.lower() for o in themes} | {o.lower_ for o in themes} | comps | measured,
            preps=preps,
        )
        if pattern is None:
            return None
        if pattern.obj and lemma in LIGHT_VERBS and any(self._compound_event(o) for o in objs):
            return None  # "launched air strikes": the named kind of strike is the event
        if pattern.obj:
            consumed.update(o.i for o in objs)
        elif (lemma in LIGHT_VERBS or pattern.code[:2] in {"01", "02"}) and any(
            self.patterns.has("noun", o.lemma_.lower()) for o in objs
        ):
            return None  # light verb over an event noun: the noun is the event ("staged a strike")
        agents, _ = subjects(tok)
        code = refine(pattern.code, tok, agents or inherited_subject(tok))
        if code != pattern.code:
            pattern = replace(pattern, code=code)
        return self._verb_candidate(tok, pattern, prts, objs, prep_toks)

    def _verb_candidate(self, tok: Token, pattern: Pattern, prts: set[str], objs: list[Token],
                        prep_toks: dict[str, list[Token]]) -> Candidate:
        """Source and target of a coded predicate from the parse."""
        agents, patients = subjects(tok)
        if patients and not agents and pattern.code[:2] in STANCE_ROOTS and "to" in prep_toks:
            # "Israel is opposed to French mediation", "is committed to the talks": a stance the
            # subject holds, not something done to it
            agents, patients = patients, []
        construction = "passive" if patients else "verb"
        if not agents and not patients:
            agents = inherited_subject(tok)
        source = self.resolver.resolve(agents)
        if patients:
            target = self.resolver.resolve(patients)
        else:
            if is_mutual(pattern.code):
                # "talks on Syria in Moscow": topic and venue are not the partner
                prep_toks = {p: t for p, t in prep_toks.items() if p not in TOPIC_PREPS | {"in", "at"}}
            order = COMPLAINT_PREPS if pattern.code[:2] == "11" else TARGET_PREPS
            target = self._target(objs, datives(tok), prep_toks, set(source.ids), order)
            if not target:
                # "agreed to provide aid for Romania": the complement's target
                target = self._complement_target(tok, set(source.ids))
            if not target and (tok.dep_ == "advcl" or (tok.dep_ == "xcomp" and tok.head.lemma_.lower()
                                                         not in OBJECT_CONTROL)) \
                    and any(c.lower_ == "to" for c in tok.children):
                # "summoned Niger's ambassador to complain": the purpose addresses the main object
                target = self._target(objects(tok.head), datives(tok.head), {}, set(source.ids))
                target.fallback = True
            if not target and pattern.code[:2] in ADDRESSEE_ROOTS:
                # "demanded that Israel ease restrictions": the clause's subject is the target
                clauses = [c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i]
                target = self.resolver.resolve([a for c in clauses for a in subjects(c)[0]])
        mutual_ok = not objs or bool(pattern.obj)
        end = tok
        for c in tok.children:
            if c.lower_ in prts and c.i == end.i + 1:
                end = c
        # no agent in the parse, or only the means ("a car bomb exploded"): told without its actor
        # (asked only of acts that can be told so; the means scan walks the subject's subtree)
        means = bool(agents) and pattern.code[:2] in COERCION_ROOTS and all(agent_means(a) for a in agents)
        return Candidate(tok, end, pattern, source, target, negated(tok), modality(tok), construction,
                         mutual_ok, unnamed_agent=not agents or means, means_agent=means)

    def _complement_target(self, tok: Token, source: set[str], depth: int = 0) -> Arg:
        for comp in tok.children:
            if comp.dep_ not in {"xcomp", "advcl", "acl", "relcl"} or comp.pos_ not in {"VERB", "AUX"} \
                    or depth > 2:
                continue
            if comp.dep_ != "xcomp" and not any(c.lower_ == "to" for c in comp.children):
                continue  # only purpose clauses ("a strike to protest ..."), not "after ...", "as ..."
            objs = objects(comp)
            prep_toks: dict[str, list[Token]] = {}
            for holder in [comp, *objs]:
                for prep, pobj in prep_objects(holder):
                    prep_toks.setdefault(prep, []).append(pobj)
            arg = self._target(objs, datives(comp), prep_toks, source)
            if not arg:
                arg = self._complement_target(comp, source, depth + 1)
            if arg:
                arg.fallback = True
                return arg
        return Arg()

    def _target(self, objs: list[Token], dats: list[Token], prep_toks: dict[str, list[Token]],
                source: set[str], order: tuple[str, ...] = TARGET_PREPS) -> Arg:
        groups = [objs, dats] + [prep_toks[p] for p in order if p in prep_toks]
        for group in groups:
            arg = self.resolver.resolve(group)
            # "offered its troops to Lebanon": an object owned by the source is not the target
            if arg and not set(arg.ids) <= source:
                return arg
        return Arg()

    # nominal events ---------------------------------------------------------------------

    def _noun(self, tok: Token) -> Candidate | None:
        lemma = tok.lemma_.lower()
        if not (self.patterns.has("noun", lemma) or self.patterns.has("noun", tok.lower_)):
            return None
        extras = compounds(tok) | particles(tok)
        preps: dict[str, set[str]] = {}
        prep_toks: dict[str, list[Token]] = {}
        # "the shooting down of the jet": the of-phrase may hang off the particle
        holders = [tok] + [c for c in tok.children if c.lower_ in extras and c.dep_ in {"prt", "advmod", "prep"}]
        for prep, pobj in (pair for h in holders for pair in prep_objects(h)):
            preps.setdefault(prep, set()).add(pobj.lemma_.lower())
            prep_toks.setdefault(prep, []).append(pobj)
        pattern = (self.patterns.match("noun", lemma, extras=extras, obj=set(), preps=preps)
                   or self.patterns.match("noun", tok.lower_, extras=extras, obj=set(), preps=preps))
        if pattern is None:
            return None
        code = refine(pattern.code, tok, [])
        if code != pattern.code:
            pattern = replace(pattern, code=code)
        source = self.resolver.resolve(
            [c for c in tok.children if c.dep_ == "poss"] + prep_toks.get("by", [])
        )
        mutual = is_mutual(pattern.code)
        target_preps = ("with", "to", "between", "against", "toward", "towards", "for") if mutual \
            else ("of", "against", "on", "toward", "towards", "to", "with", "for", "over")
        target = Arg()
        for prep in target_preps:
            if prep in prep_toks:
                target = self.resolver.resolve(prep_toks[prep])
                if target:
                    break
        if not source and mutual and "of" in prep_toks:
            source = self.resolver.resolve(prep_toks["of"])  # "the visit of Erdogan to Moscow"
        construction = "nominal"
        mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}]
        if not source:
            # an actor modifier names the agent: "US sanctions", "Turkish-Russian talks"
            mod_arg = self.resolver.resolve(mods)
            if mod_arg and mod_arg.ids != target.ids:
                source = mod_arg
        gov = governing_verb(tok)
        if gov is not None and not source and self._comments(gov):
            # "condemned the attack", "denied the killing": the act is what is talked about;
            # whoever comments did not do it, and a nameless act is no event of its own
            return None
        if not source:
            if gov is not None:
                agents, _ = subjects(gov)
                source = self.resolver.resolve(agents or inherited_subject(gov))
                construction = "light-verb"
                if not target:
                    # "began a hunger strike to protest against Sweden's decision",
                    # "staged rallies against the leader": the carrying verb's target
                    gov_preps: dict[str, list[Token]] = {}
                    for prep, pobj in prep_objects(gov):
                        gov_preps.setdefault(prep, []).append(pobj)
                    target = self._target([], datives(gov), {p: t for p, t in gov_preps.items()
                                                           if p not in TOPIC_PREPS | {"in", "at"}},
                                          set(source.ids)) or self._complement_target(gov, set(source.ids)) \
                        or self._complement_target(tok, set(source.ids))
            elif tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in {"for", "over"}:
                source = self._blamed(tok.head.head)
        neg = negated(tok) or (gov is not None and negated(gov))
        end = tok
        for c in tok.children:
            if c.lower_ in extras and c.i == end.i + 1 and c.dep_ in {"prt", "advmod", "prep"}:
                end = c
        start = tok
        for c in tok.children:
            if c.dep_ == "compound" and c.lemma_.lower() == pattern.extra and c.i < start.i:
                start = c
        cand = Candidate(start, end, pattern, source, target, neg, modality(tok), construction)
        if start.i != tok.i:
            cand.trigger = start
        return cand

    def _compound_event(self, noun: Token) -> bool:
        """Whether the noun with its compound modifier is an event of its own ("air strike",
        "hunger strike"): then it, not the verb's object pattern, says what happened."""
        found = self.patterns.match("noun", noun.lemma_.lower(), extras=compounds(noun), obj=set(), preps={})
        return found is not None and found.extra is not None and found.code[:2] in MATERIAL_ROOTS

    def _comments(self, verb: Token) -> bool:
        """Whether the verb's own code (its bare entry, else most of its patterns) is a comment
        on something (appeals, investigation, demands, disapproval, rejection): its
        object is a topic, not its act."""
        bare, roots = self.patterns.roots("verb", verb.lemma_.lower())
        if bare is not None:
            return bare in COMMENT_ROOTS
        return 2 * sum(n for r, n in roots.items() if r in COMMENT_ROOTS) > sum(roots.values())

    def _blamed(self, verb: Token) -> Arg:
        """Who did the act named in "condemned Y over X", "arrested Y for X": the verb's object.
        The one who apologises or is thanked for X is not taken as its doer: "Erdogan apologised
        for the downing" does not say that Erdogan downed the jet."""
        if verb.pos_ != "VERB":
            return Arg()
        arg = self.resolver.resolve(objects(verb))
        arg.fallback = True
        return arg


def _targets_from_inner_events(cands: list[Candidate]) -> None:
    """"apologised for the downing of a Russian jet": the apology goes to the victim of the act."""
    by_trigger = {c.trigger.i: c for c in cands}
    for c in cands:
        if c.target:
            continue
        for prep in c.trigger.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"for", "over"}:
                continue
            for g in prep.children:
                inner = by_trigger.get(g.i)
                if inner is not None and inner.target and inner is not c:
                    c.target.ids.extend(i for i in inner.target.ids if i not in c.source.ids)
                    c.target.tokens.extend(inner.target.tokens)
                    c.target.by_actor.update(inner.target.by_actor)
                    c.target.fallback = True


def _mark_requested(cands: list[Candidate]) -> None:
    """What is demanded or appealed for has not happened: "demanded that the US cancel plans"."""
    askers = {c.trigger.i for c in cands if c.pattern.code[:2] in {"02", "10"}}
    for c in cands:
        node = c.trigger
        for _ in range(4):
            if node.head.i == node.i or node.dep_ not in {"ccomp", "xcomp", "conj", "dobj", "advcl", "pobj", "prep"}:
                break
            node = node.head
            if node.i in askers:
                c.modality = c.modality or "hypothetical"
                break


def _mark_embedded(cands: list[Candidate]) -> None:
    for c in cands:
        c.embedded = any(o is not c and o.trigger.i != c.trigger.i and _dominates(o.trigger, c.trigger)
                         for o in cands)


def _drop_empty_statements(cands: list[Candidate]) -> list[Candidate]:
    """A speech verb's 01x statement only stands when nothing inside what was said codes."""
    keep: list[Candidate] = []
    for c in cands:
        if c.pattern.code == "010" and c.trigger.lemma_.lower() in SPEECH_VERBS:
            inner = [o for o in cands if o is not c and _dominates(c.trigger, o.trigger)]
            if inner:
                continue
        keep.append(c)
    return keep


def _dominates(head: Token, tok: Token) -> bool:
    node = tok
    for _ in range(40):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i == head.i:
            return True
    return False
