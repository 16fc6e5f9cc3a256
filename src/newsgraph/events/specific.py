"""The most specific CAMEO code the text supports for force, violence and repression.

A verb's pattern gives the family ("kill" 18x, "attack" 19x, "bomb" 183, "impose" 17x);
CAMEO's codebook then splits it by the means used and the kind of actor:

* 2041 chemical, biological or radiological weapons
* 1831 suicide bombing, 1832 vehicular bombing, 1833 roadside bombing (IED), else 183
* 195 aerial weapons (air strike, warplanes, drones), 194 artillery and tanks (shelling,
  mortars, rockets), 193 small arms when the armed forces fire
* 1823 killing by physical assault (the verb kills, or its result is "dead"/"to death"), 190
  when the armed forces kill
* 175 repression: force against a crowd by police means (tear gas, baton or lathi charge,
  water cannon, rubber bullets, a crackdown)

Cues are read from the trigger's own clause only: the trigger's compounds and modifiers, its
subject or by-agent, its with/in/by/using/from phrases, and the object of a verb of use
("used chemical weapons", "fired mortars"). A cue in another clause or in what was attacked
("struck a tank depot") does not count.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

# Means of force, most specific first: (code, single-word cues, two-word cues).
MEANS: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = (
    ("2041", frozenset({"chemical", "biological", "radiological", "sarin", "chlorine", "nerve", "mustard",
                        "toxic", "poison", "anthrax"}),
     frozenset({"chemical weapon", "poison gas", "nerve agent", "toxic gas", "chlorine gas"})),
    ("1831", frozenset({"suicide", "self-immolation"}), frozenset({"suicide bomber"})),
    ("1832", frozenset({"car", "vehicle", "truck", "lorry", "motorcycle", "motorbike"}),
     frozenset({"car bomb", "truck bomb"})),
    ("1833", frozenset({"roadside", "ied", "ieds", "landmine", "landmines", "minefield"}),
     frozenset({"improvised explosive"})),
    ("195", frozenset({"airstrike", "airstrikes", "warplane", "warplanes", "drone", "drones", "gunship",
                       "gunships", "bomber", "bombers", "aircraft", "jets", "helicopter", "helicopters",
                       "air", "aerial"}),
     frozenset({"air strike", "air raid", "fighter jet", "air force"})),
    ("194", frozenset({"artillery", "shell", "shells", "shelling", "mortar", "mortars", "tank", "tanks",
                       "rocket", "rockets", "howitzer", "howitzers", "barrage", "missile", "missiles"}),
     frozenset()),
    ("183", frozenset({"bomb", "bombs", "bombing", "blast", "explosion", "explosive", "explosives",
                       "grenade", "grenades", "dynamite"}), frozenset()),
)
# Crowd control: force by police means against people (CAMEO 175).
REPRESSION = frozenset({"baton", "batons", "lathi", "lathis", "lathicharge", "lathi-charge", "lathi-charged",
                        "cannon", "cannons", "crackdown", "teargas", "tear-gas", "pellet", "pellets"})
REPRESSION_PAIRS = frozenset({"tear gas", "water cannon", "rubber bullet", "rubber bullets", "baton charge",
                              "lathi charge", "plastic bullets"})
# Verbs whose object is the means: "used chemical weapons", "fired mortars", "dropped bombs".
USE_VERBS = frozenset({"use", "fire", "launch", "drop", "deploy", "detonate", "explode", "hurl", "lob",
                       "plant", "set", "throw"})
# Prepositions that introduce the means or the occasion of the act.
MEANS_PREPS = frozenset({"with", "in", "by", "using", "from", "through"})
# Subjects that make violence the armed forces' conventional force (19x rather than 18x).
MILITARY_AGENTS = frozenset({"army", "troops", "forces", "force", "soldier", "soldiers", "military", "navy",
                             "marines", "jet", "planes", "strike", "strikes", "attack", "attacks", "raid",
                             "raids", "bombardment"}) | MEANS[4][1] | MEANS[5][1]
# Families a means cue may refine: 18 (assault), 19 (fight), 20 (mass violence).
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Coercion (17) and force: the acts that happen to someone even when the text names no doer.
COERCION_ROOTS = frozenset({"17"}) | FORCE_ROOTS
# Clauses of their own: a cue inside them belongs to another predicate.
OWN_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj"})
KILL_LEMMAS = frozenset({"kill", "murder", "slay", "lynch", "behead", "stab", "hack", "club", "bludgeon",
                         "strangle", "shoot", "gun", "beat"})


def _words(tok: Token, skip_objects: bool) -> Iterator[Token]:
    """Tokens of the trigger's clause that may name the means."""
    stack = [c for c in tok.children if not (skip_objects and c.dep_ in {"dobj", "obj"})]
    while stack:
        t = stack.pop()
        if t.dep_ in OWN_CLAUSES and t.pos_ in {"VERB", "AUX"}:
            continue
        if t.dep_ == "prep" and t.head.i == tok.i and t.lower_ not in MEANS_PREPS:
            continue  # "against the base", "on the town": what was attacked, not with what
        yield t
        stack.extend(t.children)


def _has(words: list[str], singles: frozenset[str], pairs: frozenset[str]) -> bool:
    if any(w in singles for w in words):
        return True
    return any(f"{a} {b}" in pairs for a, b in zip(words, words[1:], strict=False))


def means_code(tok: Token) -> str | None:
    """The code of the means named in the trigger's clause, if any."""
    skip_objects = tok.lemma_.lower() not in USE_VERBS
    toks = sorted([tok, *_words(tok, skip_objects)], key=lambda t: t.i)
    return _means_in([t.lower_ for t in toks])


def _means_in(words: list[str]) -> str | None:
    for code, singles, pairs in MEANS:
        if _has(words, singles, pairs):
            return code
    return None


def repression(tok: Token) -> bool:
    toks = sorted([tok, *_words(tok, False)], key=lambda t: t.i)
    return _has([t.lower_ for t in toks], REPRESSION, REPRESSION_PAIRS)


def killed(tok: Token) -> bool:
    """The act kills: a killing verb, or a result of death ("shot dead", "beaten to death")."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.lower_ == "dead" or (c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)):
            return True
        if c.dep_ == "advmod" and c.lower_ in {"fatally", "mortally"}:
            return True  # "fatally shot", "mortally wounded"
    return lemma in {"kill", "murder", "slay", "lynch", "behead"}


def refine(code: str, tok: Token, agents: list[Token]) -> str:
    """The specific code for the act at ``tok`` coded ``code`` by its pattern."""
    root = code[:2]
    if _hyphen_cue(tok):
        return "175"  # "lathi-charged", "baton-charged": the cue is part of the verb
    if root == "17":
        if means_code(tok) == "2041":
            return "2041"  # "used chemical weapons"
        return "175" if repression(tok) else code
    if root not in FORCE_ROOTS or code == "186":
        return code
    means = means_code(tok) or next((m for a in agents if (m := agent_means(a))), None)
    if root == "20":
        return "2041" if means == "2041" else code
    if means is not None:
        return means
    if repression(tok):
        return "175"
    military = any(a.lemma_.lower() in MILITARY_AGENTS or a.lower_ in MILITARY_AGENTS for a in agents)
    if root == "18" and military:
        return "190"  # killing by armed forces is conventional military force
    if code in {"180", "182", "190"} and not military and killed(tok) and tok.lemma_.lower() in KILL_LEMMAS:
        return "1823"
    return code


def _hyphen_cue(tok: Token) -> bool:
    """A repression cue written into the verb with a hyphen ("lathi-charged")."""
    i = tok.i
    doc = tok.doc
    return (i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in REPRESSION
            and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_)


def agent_means(agent: Token) -> str | None:
    """A means named by the subject: "a roadside bomb killed", "drones struck"."""
    return _means_in([t.lower_ for t in sorted(agent.subtree, key=lambda t: t.i)
                      if not (t.dep_ in OWN_CLAUSES and t.pos_ == "VERB")])
