"""Turn pieces into actors: KB roles on the article's date, titles, appositives, modifiers.

Each piece becomes a *mention* with a grouping key (KB id, (country, sector), or a new
person's name); mentions with the same key form one actor. Pieces that modify another
piece ("Turkish" in "Turkish Foreign Minister Mevlut Cavusoglu") give it country/sector
and are consumed.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from .codes import NON_STATE, SECTORS, norm_key
from .entries import Role
from .kb import KB
from .mention import Mention, root, state_name
from .pieces import Piece
from .states import StateRules

__all__ = ["Assembler", "Mention", "root", "state_name"]

# Role nouns that name one person: "the Turkish leader" can be a known person.
PERSON_TITLES = frozenset(
    "leader president prime minister premier minister chancellor king queen emir sultan "
    "monarch secretary spokesman spokeswoman spokesperson ambassador envoy head chief".split()
)
# Generic heads whose more specific modifier decides the sector ("military officials").
GENERIC_HEADS = frozenset("official officials authorities leader leaders source sources".split())
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod"})
# Prepositions whose object places a role word ("rebels in Darfur", "students at X University").
PLACING = frozenset("of in at from throughout across inside within".split())
# Words that make a titled person a former office holder (CAMEO/PLOVER: elite, ELI).
FORMER = frozenset("former ex ousted deposed exiled late retired onetime one-time erstwhile".split())


def _sector_of_agent(piece: Piece, mods: list[Piece]) -> str | None:
    sector = piece.sector
    specific = [m.sector for m in mods if m.kind == "agent" and m.sector]
    return specific[-1] if specific and sector == "GOV" else sector


class Assembler(StateRules):
    """Builds mentions for one document."""

    def __init__(self, doc: Doc, kb: KB, pieces: list[Piece], published: dt.date | None):
        self.doc, self.kb, self.pieces, self.published = doc, kb, pieces, published
        self.by_token: dict[int, int] = {}
        for k, p in enumerate(pieces):
            for t in range(p.start, p.end):
                self.by_token[t] = k
        self.consumed: set[int] = set()
        self.mods: dict[int, list[int]] = {k: [] for k in range(len(pieces))}
        self._link_modifiers()

    # -- structure ---------------------------------------------------------------------
    def _link_modifiers(self) -> None:
        doc = self.doc
        for k, p in enumerate(self.pieces):
            if p.kind in {"person", "org"}:
                continue
            r = root(doc, p)
            head = r
            # conjoined modifiers share their first conjunct's head: "Hungarian and Romanian".
            while head.dep_ == "conj" and head.head.i not in range(p.start, p.end):
                head = head.head
            if head.dep_ in MODIFIER_DEPS and head.head.i in self.by_token:
                target = self.by_token[head.head.i]
                if target != k and self.pieces[target].start >= p.start:
                    self._attach(k, target)
                    continue
            # adjacency: "Turkish Foreign Minister Mevlut Cavusoglu" when the parse differs;
            # "Vietnamese-led forces", "Saudi-led coalition": the leader's body.
            led = p.end + 2 < len(doc) and doc[p.end].text == "-" and doc[p.end + 1].lower_ == "led"
            nxt = self.by_token.get(p.end + 2 if led else p.end)
            if nxt is not None and nxt != k and p.kind in {"state", "agent", "capital"} and (
                self.pieces[nxt].kind in {"agent", "entry", "person"}
            ):
                self._attach(k, nxt)

    def _attach(self, mod: int, target: int) -> None:
        self.mods[target].append(mod)
        self.consumed.add(mod)

    def _found(self, k: int, seen: frozenset = frozenset()) -> list[tuple[int, str]]:
        """(position, country) given by a piece's modifiers, transitively."""
        found: list[tuple[int, str]] = []
        for m in self.mods[k]:
            if m in seen:
                continue
            mp = self.pieces[m]
            if mp.kind in {"state", "capital", "city"}:
                found.append((mp.start, mp.ref or ""))
            elif mp.kind == "entry":
                role, _ = self.kb.entry(mp.ref or "").role_on(self.published)
                if role and role.country:
                    found.append((mp.start, role.country))
            found.extend(self._found(m, seen | {k}))
        return found

    def _stance(self, start: int) -> bool:
        """ "anti-Syria journalist", "pro-Russian rebels": the state is a stance, not a home."""
        return start >= 2 and self.doc[start - 1].text == "-" and (
            self.doc[start - 2].lower_ in {"anti", "pro"})

    def countries_of(self, k: int) -> list[str]:
        """Countries given by a piece's modifiers, in text order."""
        found = sorted(self._found(k))
        out: list[str] = []
        for n, (start, iso) in enumerate(found):
            # "Turkish-Russian Research Center": a hyphenated pair names one bilateral body,
            # filed under its first country.
            if n and self.doc[start - 1].text == "-" and found[n - 1][0] < start:
                continue
            if self._stance(start):
                continue
            out.append(iso)
        r = root(self.doc, self.pieces[k])
        for child in r.children:  # "the government of Turkey"
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.children:
                    j = self.by_token.get(obj.i)
                    if j is not None and self.pieces[j].kind in {"state", "capital"}:
                        out.append(self.pieces[j].ref or "")
                        self.consumed.add(j)
        return [c for c in dict.fromkeys(out) if c]

    # -- mentions ----------------------------------------------------------------------
    def mentions(self) -> list[Mention]:
        out: list[Mention] = []
        for k, p in enumerate(self.pieces):
            if k in self.consumed:
                continue
            made = getattr(self, f"_{p.kind}")(k, p)
            out.extend(made)
        return out

    def _span_start(self, k: int, seen: frozenset = frozenset()) -> int:
        """First token of a piece with its modifiers, transitively ("Turkish-Russian ...")."""
        starts = [self.pieces[k].start]
        starts += [self._span_start(m, seen | {k}) for m in self.mods[k] if m not in seen]
        return min(starts)

    def _entry(self, k: int, p: Piece) -> list[Mention]:
        entry = self.kb.entry(p.ref or "")
        if entry.kind == "facility":
            return []
        role, exact = entry.role_on(self.published)
        titled = self._titled_role(k, entry) if entry.kind == "person" else None
        rule = "kb:name+dated-role" if exact and role and role.dated else "kb:name"
        if titled is not None and titled != role:  # the text's title beats the date's guess
            role, exact, rule = titled, True, "kb:name+title"
        country = role.country if role else None
        sector = role.sector if role else None
        reason = None
        if not role:
            reason = "the knowledge base has no role for this actor"
        elif not exact:
            reason = "no role dated on the article's date; the closest known role is used"
        said = self.countries_of(k)
        if said and country and country not in said and country not in NON_STATE:
            # "King Hassan of Morocco" while the KB's Hassan is Jordanian: a namesake.
            country, rule = said[0], "kb:name+text-country"
        elif country is None:
            country = self._country_in_name(entry.name) or self._context_country(p)
            if country:
                rule += "+name-country"
        if self._former(k, p) and entry.kind == "person":
            sector, rule = "ELI", rule + "+former"
        conf = 0.95 if exact else 0.7
        return [Mention(("kb", entry.id), self._span_start(k), p.end, entry.name, entry.kind,
                        country, sector, entry.id, role.title if role else None, rule, conf,
                        reason)]

    def _titled_role(self, k: int, entry) -> Role | None:
        """The entry's role matching a title in the text ("Iraqi President Saddam Hussein")."""
        wanted = {self.pieces[m].sector for m in self.mods[k] if self.pieces[m].kind == "agent"}
        wanted.discard(None)
        if not wanted:
            return None
        hits = [r for r in entry.roles if r.sector in wanted]
        if not hits:
            return None
        if self.published is not None:
            on_day = [r for r in hits if r.valid_on(self.published)]
            if on_day:
                return on_day[0]
        return max(hits, key=lambda r: r.start or dt.date.min)

    def _former(self, k: int, p: Piece) -> bool:
        """ "former President X", "ousted leader X": a past office holder."""
        start = self._span_start(k)
        toks = [t for t in self.doc[max(0, start - 2) : p.end]]
        return any(t.lower_ in FORMER for t in toks)

    def _country_in_name(self, name: str) -> str | None:
        """ "Palestinian Islamic Jihad", "National Union for the Independence of Angola"."""
        for word in name.replace("-", " ").split():
            if word[:1].isupper():
                hit = [t for t in self.kb.names.get(norm_key(word), []) if t[0] == "state"]
                if hit:
                    return hit[0][1]
        return None

    def _placed(self, k: int, p: Piece) -> tuple[int, str | None] | None:
        """(piece, country) of a placing phrase: "rebels in Darfur", "students at X"."""
        r = root(self.doc, p)
        for prep in r.children:
            if prep.dep_ != "prep" or prep.lower_ not in PLACING:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                j = self.by_token.get(obj.i)
                if j is None or j == k:
                    continue
                q = self.pieces[j]
                if q.kind in {"state", "capital", "city"}:
                    return j, q.ref
                if q.kind == "entry":
                    role, _ = self.kb.entry(q.ref or "").role_on(self.published)
                    return j, role.country if role and role.country not in NON_STATE else None
                if q.kind == "org":
                    return j, self._unknown(j, q, "organisation").country
        return None

    def _agent(self, k: int, p: Piece) -> list[Mention]:
        r = root(self.doc, p)
        mods = [self.pieces[m] for m in self.mods[k]]
        countries = self.countries_of(k)
        # "Israeli military policies": an adjectival role word still names its state's body.
        if r.pos_ not in {"NOUN", "PROPN"} and not (
            countries and r.pos_ == "ADJ" and r.lemma_.lower() not in {"national", "official"}
        ):
            return []
        if r.dep_ in {"compound", "amod"} and r.head.i not in self.by_token and not countries:
            return []  # "military policies": a modifier of something that is not an actor
        sector = _sector_of_agent(p, mods)
        title = self.doc[p.start : p.end].text.lower()
        title_of = title if r.lemma_.lower() in PERSON_TITLES and r.tag_ in {"NN", "NNP"} else None
        end = p.end
        start = self._span_start(k)
        if not countries:
            placed = self._placed(k, p)
            if placed is not None and placed[1] is not None:
                j, iso = placed[0], placed[1]
                if self.pieces[j].kind in {"state", "capital", "city"}:
                    self.consumed.add(j)  # "rebels in the Ivory Coast" is one actor
                    end = max(end, self.pieces[j].end)
                return [self._role_mention(iso, sector, start, end, "agent+place", 0.6, title_of)]
            ctx_country = self._context_country(p)
            if ctx_country:
                return [self._role_mention(ctx_country, sector, start, p.end,
                                           "agent+context-country", 0.5, title_of)]
            return [Mention(("agent", None, sector, r.lemma_.lower()), start, p.end,
                            self.doc[start : p.end].text, "agent", None, sector, None, None,
                            "agent", 0.4, "no country named for this role word",
                            title_of=title_of)]
        out = []
        for c in countries:
            mod_start = next((m.start for m in mods if m.ref == c), start)
            out.append(Mention((c, sector), mod_start, p.end,
                               f"{state_name(self.kb, c)} {SECTORS.get(sector or '', '')}".strip(),
                               "agent", c, sector, f"state:{c}:{sector}" if sector else None,
                               None, "agent+modifier", 0.8, title_of=title_of))
        return out

    def _role_mention(self, iso: str, sector: str | None, start: int, end: int, rule: str,
                      conf: float, title_of: str | None) -> Mention:
        """A state's role-word actor: "Turkey government", "Syria rebels"."""
        name = f"{state_name(self.kb, iso)} {SECTORS.get(sector or '', '')}".strip()
        return Mention((iso, sector), start, end, name, "agent", iso, sector,
                       f"state:{iso}:{sector}" if sector else None, None, rule, conf,
                       title_of=title_of)

    def _context_country(self, p: Piece) -> str | None:
        """The sentence's state: the one it names, else the one its subjects belong to.

        "Turkey is building ... with Russian Federation, and a delegation ... will go to
        Russian Federation, Foreign Minister Mevlut Cavusoglu said": the subjects (Turkey,
        Cavusoglu) are Turkish, so the delegation is too.
        """
        sent = self.doc[p.start].sent
        # The sentence's pieces through by_token (pieces do not overlap): a scan of every
        # piece per call made a long document quadratic.
        ks = sorted({self.by_token[t] for t in range(sent.start, sent.end) if t in self.by_token})
        here = [q for q in (self.pieces[k] for k in ks) if sent.start <= q.start < sent.end
                and q is not p and not self._stance(q.start)]
        isos = {q.ref for q in here if q.kind in {"state", "capital"}}
        if len(isos) == 1:
            return isos.pop()
        if not isos:
            return None
        subjects: set[str] = set()
        for q in here:
            r = root(self.doc, q)
            while r.dep_ == "conj":
                r = r.head
            if r.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if q.kind in {"state", "capital"}:
                subjects.add(q.ref or "")
            elif q.kind == "entry":
                role, _ = self.kb.entry(q.ref or "").role_on(self.published)
                if role and role.country and role.country not in NON_STATE:
                    subjects.add(role.country)
        subjects.discard("")
        return subjects.pop() if len(subjects) == 1 else None

    def _person(self, k: int, p: Piece) -> list[Mention]:
        return [self._unknown(k, p, "person")]

    def _org(self, k: int, p: Piece) -> list[Mention]:
        return [self._unknown(k, p, "organisation")]

    def _unknown(self, k: int, p: Piece, kind: str) -> Mention:
        """A person or organisation the KB does not know: country/sector from its context."""
        doc = self.doc
        countries = self.countries_of(k)
        sectors = [m.sector for m in (self.pieces[j] for j in self.mods[k]) if m.sector]
        rule = "ner+title" if countries or sectors else "ner"
        for atom in p.inner:  # "Turkish-Russian Research Center": words inside the name
            if atom.kind == "agent":
                sectors.append(atom.sector or "")
            elif atom.targets and atom.targets[0][0] in {"state", "capital", "city"}:
                countries.append(atom.targets[0][1])
            elif atom.targets and atom.targets[0][0] == "entry":  # "US Congress"
                if kind == "person" and self.kb.entry(atom.targets[0][1]).kind == "person":
                    continue  # "Omar Hassan al-Bashir" is not the KB's Hassan
                role, _ = self.kb.entry(atom.targets[0][1]).role_on(self.published)
                countries += [role.country] if role and role.country else []
                sectors += [role.sector] if role and role.sector else []
        if kind == "person" and not (countries and sectors):
            c2, s2 = self._appositive(p)
            if c2 or s2:
                rule = "ner+appositive"
            countries = countries or c2
            sectors = sectors or s2
        name = doc[p.start : p.end].text.removeprefix("the ").strip()
        if sectors and not countries:  # "President Francois Mitterand": the sentence's one state
            ctx_country = self._context_country(p)
            if ctx_country:
                countries, rule = [ctx_country], rule + "+context-country"
        country = countries[0] if countries else None
        sector = next((s for s in sectors if s), None)
        missing = [w for w, v in (("country", country), ("sector", sector)) if not v]
        reason = (f"unknown {kind}: no title, appositive or name part gives its "
                  f"{' or '.join(missing)}") if missing else None
        conf = 0.75 if not missing else 0.4
        return Mention((kind, name.lower()), self._span_start(k), p.end, name, kind, country,
                       sector, None, None, rule, conf, reason)

    def _appositive(self, p: Piece) -> tuple[list[str], list[str]]:
        """ "the head of the Turkish-Russian Research Center, Aydin Sezer" -> (TUR, EDU)."""
        r = root(self.doc, p)
        cands = [c for c in r.children if c.dep_ == "appos"]
        if r.dep_ == "appos":
            cands.append(r.head)
        countries: list[str] = []
        sectors: list[str] = []
        for t in cands:
            probe = [t] + [o for prep in t.children if prep.dep_ == "prep" and
                           prep.lower_ in {"of", "at"} for o in prep.children]
            probe += [c for c in t.children if c.dep_ in MODIFIER_DEPS]
            for tok in probe:
                j = self.by_token.get(tok.i)
                if j is None:
                    continue
                q = self.pieces[j]
                if q.kind == "agent":
                    sectors.append(q.sector or "")
                    countries.extend(self.countries_of(j))
                elif q.kind in {"state", "capital"}:
                    countries.append(q.ref or "")
                elif q.kind == "org":
                    m = self._unknown(j, q, "organisation")
                    countries += [m.country] if m.country else []
                    sectors += [m.sector] if m.sector else []
                elif q.kind == "entry":
                    role, _ = self.kb.entry(q.ref or "").role_on(self.published)
                    if role:
                        countries += [role.country] if role.country else []
                        sectors += [role.sector] if role.sector else []
        return [c for c in countries if c], [s for s in sectors if s]
