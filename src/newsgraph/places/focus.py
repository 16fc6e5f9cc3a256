"""What an article says about where it is: its countries, divisions and local places.

Two passes over the capitalised names of the text. The first counts names that surely
point to a country (country and division names, demonyms, big unique cities) and gives
each country its share. The second ranks every other name that a gazetteer entry bears
as its own name, with those shares, and keeps the localities (cities, counties, states)
it lands on in a mentioned country: they anchor names the gazetteer lacks and pull
homonyms toward the story ("Parkland" near "Broward County", "Kent" in a British story).
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from .gazetteer import Entry, Gazetteer, load, norm
from .ranking import (
    COMPASS,
    LOCAL_FEATURES,
    NEAR_KM,
    NON_PLACES,
    Focus,
    compass_only,
    drop_shadowed_divisions,
    km,
    qualifier_hits,
    rank,
)

# Capitalised word runs, possibly joined by "of"/"de"/"and" ("Bosnia and Herzegovina").
# Runs stay on one line: a headline and the next paragraph are separate names.
NAME_RUN = re.compile(
    r"\b[A-Z][\w'\u2019.-]*(?:[ \t]+(?:(?:of|de|del|da|and|on|upon)[ \t]+)?[A-Z][\w'\u2019.-]*)*"
)
# A full stop after a word of four or more letters ends a sentence, not an abbreviation
# ("Moscow. Putin" is two names; "St. Petersburg" and "U.S. Army" are one).
_SENTENCE_END = re.compile(r"(?<=[a-z]{4}\.)[ \t]+")


@dataclass(frozen=True)
class Run:
    """A capitalised name run and its offset."""

    start: int
    text: str

    def end(self) -> int:
        return self.start + len(self.text)


def name_runs(text: str) -> list[Run]:
    """Capitalised name runs of ``text``, split at sentence ends."""
    out = []
    for m in NAME_RUN.finditer(text):
        pos = m.start()
        for part in _SENTENCE_END.split(m.group(0)):
            pos = text.index(part, pos)
            out.append(Run(pos, part))
            pos += len(part)
    return out


# Words after a place name that make the run name something else: "Hamilton County",
# "Washington Square", "Safety Bay", "Bourbon Street".
GENERIC_HEADS = frozenset(
    "county parish township borough street st avenue ave road rd boulevard blvd lane drive "
    "square bay park place way court circle highway hall".split()
)
# Capitalised words that are rarely places in news: months, weekdays.
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
# How much one mention of a locality of each kind says about where the story happens.
_LOCAL_WEIGHT = {"city": 1.0, "admin2": 0.8, "admin1": 0.5}


def unambiguous_country(gaz: Gazetteer, phrase: str) -> Entry | None:
    """The entry a phrase surely points to (a country or division name, demonym, big city).

    A division yields to a bigger city of another country that bears its name
    ("Manchester" is the English city before the Jamaican parish); a phrase that is only
    an alternative name of one country or division ("Ga.", "Holland") counts too."""
    cands = drop_shadowed_divisions(gaz.candidates(phrase))
    countries = [e for e, primary in cands if e.feature == "country" and primary]
    if countries:
        return max(countries, key=lambda e: e.population)
    big = [e for e, primary in cands if primary and e.feature == "city" and e.population > 200_000]
    divisions = [e for e, primary in cands if e.feature == "admin1" and primary]
    if divisions:
        best = max(divisions, key=lambda e: e.population)
        towns = [e for e, p in cands if p and e.feature == "city" and e.country != best.country]
        if not any(c.population > 0.25 * best.population for c in towns):
            return best
    dem = gaz.demonym(phrase)
    if dem is not None:
        return dem
    if not any(p for _, p in cands):
        curated = {(e.country, e.name) for e, _ in cands if e.feature in ("country", "admin1")}
        if len(curated) == 1:
            return next(e for e, _ in cands if e.feature in ("country", "admin1"))
    return big[0] if len(big) == 1 else None


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].strip()
    return start == 0 or before.endswith((".", "!", "?", "\u201c", '"', ":")) or before == ""


_WORD = re.compile(r"\w+")


@functools.lru_cache(maxsize=2)
def _words_of(text: str) -> frozenset[str]:
    """The text's words, once per text (the rules ask about many words of one text)."""
    return frozenset(_WORD.findall(text))


def _lower_case_use(text: str, word: str) -> bool:
    """Whether the text also writes ``word`` in lower case: a common word ("man", "valley")."""
    low = word.lower()
    if low == word:
        return False
    if _WORD.fullmatch(low):  # one word: a set lookup instead of a regex per word
        return low in _words_of(text)
    return _bounded_find(text, low)


def _is_word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and _WORD.match(text, i) is not None


def _bounded_find(text: str, phrase: str) -> bool:
    """``re.search(rf"\\b{re.escape(phrase)}\\b", text)`` without compiling a regex."""
    first, last = _is_word_char(phrase, 0), _is_word_char(phrase, len(phrase) - 1)
    i = text.find(phrase)
    while i >= 0:
        j = i + len(phrase)
        if _is_word_char(text, i - 1) != first and _is_word_char(text, j) != last:
            return True
        i = text.find(phrase, i + 1)
    return False


def _surname(gaz: Gazetteer, word: str, alone: frozenset[str]) -> bool:
    """A capitalised word that names no sizeable place and that the text also uses as a
    name on its own ("Putin said")."""
    if word not in alone or gaz.demonym(word) is not None:
        return False
    return not any(e.population >= 50_000 or e.feature != "city" for e, _ in gaz.candidates(word))


_SURNAME_TOWN = 50_000


@functools.lru_cache(maxsize=2)  # asked twice per article: town votes and localities
def family_names(gaz: Gazetteer, runs: tuple[Run, ...]) -> frozenset[str]:
    """Words the text uses as the last of a person's names: the last word of a run of two
    or three words that no entry bears and whose other words name no place ("Gino D.
    Bassett" ... "Bassett said"): a small town of that name is not the story's."""
    out = set()
    for r in runs:
        words = r.text.rstrip(".,").split()
        if not 2 <= len(words) <= 3 or COMPASS.match(words[0]) or gaz.candidates(r.text):
            continue
        last = words[-1]
        if not last[:1].isupper() or norm(last) in GENERIC_HEADS:
            continue
        if any(gaz.candidates(w) or gaz.demonym(w) for w in words[:-1] if len(w) > 2):
            continue
        if any(e.population >= _SURNAME_TOWN or e.feature != "city" for e, _ in gaz.candidates(last)):
            continue
        out.add(last)
    return frozenset(out)


def _run_hits(
    gaz: Gazetteer, text: str, start: int, phrase: str, alone: frozenset[str]
) -> list[tuple[int, Entry, bool]]:
    """Unambiguous places named in one capitalised run, longest sub-runs first, as
    (offset, entry, whole run). "New Orleans Railways" names New Orleans; "Hamilton County"
    names no Hamilton; "Vladimir Putin" no Vladimir (a town name before a word the
    gazetteer lacks and the text uses on its own, "Putin said", is a first name)."""
    words = [(m.start(), m.group(0)) for m in re.finditer(r"\S+", phrase)]
    out: list[tuple[int, Entry, bool]] = []
    i = 0
    while i < len(words):
        for size in range(len(words) - i, 0, -1):
            j = i + size
            if j < len(words) and norm(words[j][1]) in GENERIC_HEADS:
                continue
            if size == 1 and i > 0 and norm(words[i][1]) in GENERIC_HEADS:
                continue  # the "Bay" of "Safety Bay"
            sub = phrase[words[i][0] : words[j - 1][0] + len(words[j - 1][1])]
            e = unambiguous_country(gaz, sub)
            if e is None:
                continue
            whole = size == len(words)
            if e.feature == "city" and size == 1 and len(words) == 2 and i == 0:
                if _surname(gaz, words[1][1], alone):
                    continue  # "Vladimir Putin"
            if (
                e.feature == "city"
                and whole
                and size == 1
                and _sentence_initial(text, start)
                and _lower_case_use(text, sub)
            ):
                continue  # "Man charged with ...": a common word that starts a sentence
            out.append((start + words[i][0], e, whole))
            i = j - 1
            break
        i += 1
    return out


def _country_shares(
    text: str, gaz: Gazetteer
) -> tuple[Counter[str], Counter[tuple[str, str]], list[tuple[int, Entry]], set[str]]:
    counts: Counter[str] = Counter()
    placed: set[str] = set()  # countries named by a place, not only by a demonym
    admin1: Counter[tuple[str, str]] = Counter()
    local: list[tuple[int, Entry]] = []
    runs = name_runs(text)
    alone = frozenset(r.text.rstrip(".") for r in runs if " " not in r.text)
    for r in runs:
        for pos, e, whole in _run_hits(gaz, text, r.start, r.text, alone):
            if not e.country or norm(e.name) in NON_PLACES:
                continue
            if e.feature == "admin1" and compass_only(gaz, e.name):
                continue
            counts[e.country] += 1
            if not _demonym_at(gaz, text, pos):
                placed.add(e.country)
            if e.feature == "admin1" and e.admin1:
                admin1[(e.country, e.admin1)] += 1
            if e.feature == "city" and not whole:
                local.append((pos, e))  # "New Orleans" of "New Orleans Railways"
    sure = set(placed)
    for country, votes in _town_votes(text, runs, gaz).items():
        counts[country] += votes
        if not sure:  # towns that agree place a story that names no country by a place
            placed.add(country)
    return counts, admin1, local, placed


def _demonym_at(gaz: Gazetteer, text: str, pos: int) -> bool:
    """Whether the word at ``pos`` is a demonym ("French" of "French Quarter")."""
    m = _LEADING_WORD.match(text, pos)
    return m is not None and gaz.demonym(m.group(1)) is not None and not any(
        p for _, p in gaz.candidates(m.group(1))
    )


_LEADING_WORD = re.compile(r"(?:[Tt]he\s+)?(\w+)")


_VOTE = 0.5  # what one ambiguous town name says of its country, beside one sure name
_MIN_VOTERS = 3  # distinct town names that must agree before they count


def _town_votes(text: str, runs: list[Run], gaz: Gazetteer) -> Counter[str]:
    """Countries that several ambiguous town names share ("Dewsbury", "Thornhill",
    "Overton": England's, among others): each distinct one-word or two-word name that only
    towns and counties bear shares one vote among its countries; a country counts when at
    least three names vote for it. A local story that names no country still gets one."""
    votes: defaultdict[str, float] = defaultdict(float)
    voters: Counter[str] = Counter()
    seen: set[str] = set(map(norm, family_names(gaz, tuple(runs))))
    for r in runs:
        key = norm(r.text)
        if key in seen or key in NON_PLACES or key in _CALENDAR or r.text.count(" ") > 1:
            continue
        seen.add(key)
        if " " not in r.text and (
            _sentence_initial(text, r.start) or _lower_case_use(text, r.text)
        ):
            continue
        cands = [(e, p) for e, p in gaz.candidates(r.text) if p]
        if not cands or any(e.feature not in ("city", "admin2") for e, _ in cands):
            continue
        countries = {e.country for e, _ in cands if e.country}
        for c in countries:
            votes[c] += 1 / len(countries)
            voters[c] += 1
    return Counter({c: _VOTE * v for c, v in votes.items() if voters[c] >= _MIN_VOTERS})


_SMALL_TOWN = 100_000
_DEMONYM_TOWN = 100_000  # a demonym alone makes no town of that country a locality


def _agrees(e: Entry, focus: Focus, sure: list[tuple[int, Entry]]) -> bool:
    """A small town or county is one of the story's places only if it lies in a division
    the article names (when it names any of that country) or near a place it surely
    names: "Washington Square" is no Pennsylvania town in a Louisiana story."""
    if e.feature == "admin1" or e.population >= _SMALL_TOWN:
        return True
    named = [a for c, a in focus.admin1_weight if c == e.country]
    if not named or e.admin1 in named:
        return True
    return any(km(loc, e.lat, e.lon) <= NEAR_KM for _, loc in sure)


def _qualified_names(text: str, runs: list[Run], focus: Focus, gaz: Gazetteer) -> dict[str, Entry]:
    """Names the text qualifies once ("Parkland, Florida", "COLUMBUS, Ohio"), by key: the
    town or county of that division or country; later and earlier bare mentions mean it."""
    out: dict[str, Entry] = {}
    for m in runs:
        if not text.startswith(",", m.end()):
            continue
        hits = qualifier_hits(gaz, text, m.end())
        if not hits:
            continue
        key = norm(m.text)
        if key in out or key in NON_PLACES:
            continue
        cands = drop_shadowed_divisions(gaz.candidates(m.text))
        if any(p and e.feature in ("country", "admin1") for e, p in cands):
            continue  # "Texas, Oklahoma and Kansas": a list of divisions
        cands = [
            (e, p)
            for e, p in cands
            if e.feature in ("city", "admin2") and (e.country in hits or e.admin1 in hits)
        ]
        if cands:
            out[key] = rank(cands, focus, hits)[0][1]
    return out


def _split_lists(gaz: Gazetteer, runs: list[Run]) -> list[Run]:
    """Runs joined by "and" that no entry bears are lists of names: "Clarinda and
    Shenandoah" is two towns ("Bosnia and Herzegovina" stays one)."""
    out: list[Run] = []
    for r in runs:
        if " and " not in r.text or gaz.candidates(r.text):
            out.append(r)
            continue
        pos = r.start
        for part in r.text.split(" and "):
            out.append(Run(pos, part))
            pos += len(part) + len(" and ")
    return out


def article_focus(text: str, gaz: Gazetteer | None = None, *, title: str = "") -> Focus:
    """Scan the capitalised names of ``text`` for countries, divisions and localities.

    A ``title`` (the headline, often naming the story's place) is read as well; its
    localities get negative offsets, so they precede every name of the text."""
    gaz = gaz or load()
    shift = len(title) + 2 if title else 0
    text = f"{title}\n\n{text}" if title else text
    counts, admin1, pass1_locals, placed = _country_shares(text, gaz)
    total = sum(counts.values()) or 1
    top = max(admin1.values(), default=1)
    focus = Focus(
        {c: n / total for c, n in counts.items()},
        frozenset(admin1),
        {k: n / top for k, n in admin1.items()},
    )
    weights: defaultdict[Entry, float] = defaultdict(float)
    first: dict[Entry, int] = {}
    runs = name_runs(text)
    focus.qualified = _qualified_names(text, runs, focus, gaz)
    focus.placed = frozenset(placed)
    split = _split_lists(gaz, runs)
    listed = set(split) - set(runs)
    surnames = family_names(gaz, tuple(runs))
    for m in split:
        phrase = m.text
        key = norm(phrase)
        if key in NON_PLACES or key in _CALENDAR or len(key) < 3:
            continue
        if " " not in phrase and _sentence_initial(text, m.start):
            continue  # "Buy", "Mission": a capital that only starts a sentence
        if _lower_case_use(text, phrase):
            continue  # the word is also used in lower case: a common word ("Valley")
        if phrase in surnames:
            continue  # "Bassett" of "Gino D. Bassett"
        cands: list[tuple[Entry, bool]] = [(e, p) for e, p in gaz.candidates(phrase) if p]
        if not cands:
            continue
        best = (
            focus.qualified.get(key) or rank(cands, focus, qualifier_hits(gaz, text, m.end()))[0][1]
        )
        if best.feature not in LOCAL_FEATURES or best.country not in focus.countries:
            continue
        if m in listed and best.feature == "admin1":
            continue  # a division in a list of names is no locality of the story
        if not _agrees(best, focus, pass1_locals):
            continue
        if best.country not in placed and best.population < _DEMONYM_TOWN:
            continue  # "Marigny" in a New Orleans story that says "French" but never France
        focus.locals.append((m.start, best))
    focus.locals.extend(pass1_locals)
    focus.locals = sorted(((pos - shift, e) for pos, e in focus.locals), key=lambda pe: pe[0])
    for start, e in focus.locals:
        weights[e] += _LOCAL_WEIGHT[e.feature]
        first.setdefault(e, start)
    if weights:
        # Most named town or county (a venue lies in a town, not at a division's centre),
        # else division; on ties the one in the most named country, then the earliest.
        focus.anchor = max(
            weights,
            key=lambda e: (
                e.feature != "admin1",
                weights[e],
                focus.countries.get(e.country or "", 0.0),
                e.feature == "city",
                -first[e],
            ),
        )
    elif counts:
        focus.anchor = gaz.country(counts.most_common(1)[0][0])
    return focus
