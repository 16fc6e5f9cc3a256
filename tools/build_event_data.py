"""Derive newsgraph's event-coding data files from ../shared/reference.

Writes into src/newsgraph/data/:

* ``cameo_codes.tsv`` -- every CAMEO 1.1b3 code with name, root, base, QuadClass,
  Goldstein value and PLOVER type/mode/context (facts from the GDELT CAMEO tables and
  the CAMEO->PLOVER 2021 mapping).
* ``patterns_verbs.txt`` -- verb patterns in the newsgraph pattern format (see
  docs/events.md), derived from the verb phrases and codes of the PETRARCH2 CAMEO verb
  dictionary.

Run: ``.venv/bin/python tools/build_event_data.py`` (from the project root).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "reference"
DATA = ROOT / "src" / "newsgraph" / "data"

# PLOVER 2021 names the CAMEO 08 block twice (CONCEDE / RETREAT); the mapping file keys on codes.
_PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def _plover_table() -> dict[str, tuple[str, str, str]]:
    table: dict[str, tuple[str, str, str]] = {}
    for line in (SHARED / "plover" / "CAMEO2PLOVER-2021.txt").read_text().splitlines():
        m = _PLOVER_LINE.match(line.strip())
        if not m:
            continue
        code, ptype, mode, context = m.groups()
        table[code] = (ptype, (mode or "").strip(), (context or "").strip().replace(";", ","))
    return table


def _plover_for(code: str, table: dict[str, tuple[str, str, str]]) -> tuple[str, str, str]:
    """Most specific PLOVER row for a CAMEO code: the code itself, its base, then its root."""
    for key in (code, code[:3], code[:2]):
        if key in table:
            ptype, mode, context = table[key]
            if key != code:
                mode, context = (mode, context) if key == code[:3] else ("", "")
            return ptype, mode, context
    if code[:2] == "02":
        # The mapping drops appeals (02), but the manual's REQUEST covers "all requests, demands,
        # and orders": an appeal is a REQUEST with the mode of the parallel demand (021 <-> 101).
        return _plover_for("10" + code[2:], table)
    # 01 is dropped by PLOVER; 19 (conventional fighting) is not listed at root level.
    return {"19": ("ASSAULT", "", "military"), "20": ("ASSAULT", "", "")}.get(code[:2], ("", "", ""))


# The GDELT table lists CAMEO 183 (non-military bombing) under the code 1883.
_CODE_FIXES = {"1883": "183"}


def _goldstein_table() -> dict[str, float]:
    """GDELT's published Goldstein values (data/goldstein_gdelt.tsv). The shared
    cameo_goldstein.json carries a different, non-GDELT scale (e.g. 190 = -8.0 where GDELT
    publishes -10.0), so GDELT's own lookup is used for GDELT-compatible output."""
    table = {}
    path = DATA / "goldstein_gdelt.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith(("#", "code\t")):
            code, value = line.split("\t")
            table[code] = float(value)
    return table


def build_codes() -> list[str]:
    codes = json.loads((SHARED / "gdelt" / "cameo_codes.json").read_text())
    gold = _goldstein_table()
    plover = _plover_table()
    rows = ["code\tname\troot\tbase\tquad_class\tgoldstein\tplover_type\tplover_mode\tplover_context"]
    for code in sorted(codes, key=lambda c: _CODE_FIXES.get(c, c)):
        info = codes[code]
        code = _CODE_FIXES.get(code, code)
        root = code[:2]
        base = code[:3] if len(code) >= 3 else code
        ptype, mode, context = _plover_for(code, plover)
        value = gold.get(code, gold.get(base, gold.get(root, 0.0)))
        name = " ".join(info["name"].split()).replace("Threate n", "Threaten")
        rows.append(
            f"{code}\t{name}\t{root}\t{base}\t{info['quad_class']}\t{value}\t{ptype}\t{mode}\t{context}"
        )
    return rows


_CODE = re.compile(r"\[([^\]]*)\]")


def _code(raw: str) -> str | None:
    """First non-empty part of a PETRARCH code ``[042:043]`` / ``[:190]``; None for ``---``."""
    for part in raw.split(":"):
        part = part.strip()
        if re.fullmatch(r"\d{2,4}", part):
            return part
    return None


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synset name -> head words (last word of each phrase), lower case."""
    sets: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.rstrip("_")
            sets[current] = []
        elif line.startswith("+") and current:
            sets[current].append(line[1:].rstrip("_").split("_")[-1].lower())
        elif not line:
            continue
        else:
            current = None
    return sets


def _heads(word: str, synsets: dict[str, list[str]]) -> list[str]:
    word = word.strip("{}")
    head = word.split()[-1] if word.split() else ""
    if head.startswith("&"):
        return synsets.get(head.rstrip("_"), [])
    if not re.fullmatch(r"[A-Z][A-Z'-]*", head):
        return []
    return [head.lower()]


_PHRASE = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


def _pattern(body: str, synsets: dict[str, list[str]]) -> tuple[list[str], list[tuple[str, list[str]]]] | None:
    """(object heads, [(preposition, noun heads)]) after the ``*``; None when unusable."""
    if "*" not in body:
        return None
    pre, post = body.split("*", 1)
    if pre.strip():
        return None  # pre-verb subject nouns: not used by the dependency coder
    objs: list[str] = []
    preps: list[tuple[str, list[str]]] = []
    for piece in _PHRASE.findall(post):
        if piece in {"$", "+", "%", "^"}:
            continue
        if piece.startswith("("):
            words = _PHRASE.findall(piece[1:-1])
            if not words or not re.fullmatch(r"[A-Z]+", words[0]):
                return None
            nouns = [h for w in words[1:] if w not in {"$", "+", "%", "^"} for h in _heads(w, synsets)]
            preps.append((words[0].lower(), nouns))
        else:
            heads = _heads(piece, synsets)
            if not heads:
                return None
            if objs:
                return None  # several bare nouns: too loose for a dependency pattern
            objs = heads
    if not objs and not preps:
        return None
    return objs, preps


def _lemma(entry: str) -> str | None:
    """Verb entry ``SHOOT``/``+SHOOT_DOWN`` -> ``shoot``/``shoot down``; None for pre-compounds."""
    word = entry.split("{")[0].split("#")[0].strip().split()[0] if entry.strip() else ""
    if not word:
        return None
    if "_" in word:
        if not word.startswith("+") or word.count("_") > 1:
            return None  # pre-verb compounds and three-word phrases are left out
        return " ".join(word[1:].lower().split("_"))
    return word.lower() if re.fullmatch(r"[A-Z]+", word) else None


def build_verb_patterns() -> list[str]:
    lines = (SHARED / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace").splitlines()
    synsets = _synsets(lines)
    out = [
        "# newsgraph event patterns derived from the PETRARCH2 CAMEO verb dictionary (MIT).",
        "# Regenerate with tools/build_event_data.py; format in docs/events.md.",
    ]
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    block_code: str | None = None
    verbs: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    in_synset = False

    def emit(line: str) -> None:
        if line not in seen:
            seen.add(line)
            out.append(line)

    for raw in lines[start + 1 :]:
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.startswith("~"):
            continue
        if line.startswith("---"):
            in_synset = False
            m = _CODE.search(line)
            block_code = _code(m.group(1)) if m else None
            verbs = []
            continue
        if line.startswith("-"):
            body, _, rest = line[1:].partition("[")
            code = _code(rest.split("]")[0]) if rest else None
            parsed = _pattern(body, synsets)
            if not parsed or not code:
                continue
            objs, preps = parsed
            for lemma, _ in verbs:
                parts = [f"verb {lemma}"]
                if objs:
                    parts.append("obj=" + "|".join(sorted(set(objs))))
                for prep, nouns in preps[:1]:
                    parts.append(f"prep={prep}" + (":" + "|".join(sorted(set(nouns))) if nouns else ""))
                emit(" ".join(parts) + f" => {code}")
            continue
        if line.startswith("&"):
            in_synset = True
            continue
        if in_synset and line.startswith("+"):
            continue
        in_synset = False
        lemma = _lemma(line)
        if lemma is None:
            continue
        m = _CODE.search(line.split("{")[-1]) if "[" in line else None
        own = _code(m.group(1)) if m else None
        code = own or block_code
        verbs.append((lemma, code))
        if code:
            emit(f"verb {lemma} => {code}")
    return out


def main() -> int:
    if not SHARED.exists():
        print(f"reference data not found at {SHARED}", file=sys.stderr)
        return 1
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "cameo_codes.tsv").write_text("\n".join(build_codes()) + "\n", encoding="utf-8")
    (DATA / "patterns_verbs.txt").write_text("\n".join(build_verb_patterns()) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
