"""Actor codes: CAMEO composite codes -> (country, sector), and the sector vocabulary.

newsgraph writes ``country`` as ISO 3166 alpha-3 (or a non-state code: IGO, NGO, MNC,
IMG) and ``sector`` as a three-letter code. Sector codes follow PLOVER, except that
``MED`` keeps its CAMEO/GDELT meaning (media) and health is ``HLH`` as in CAMEO, so that
GDELT exports stay CAMEO-compatible; ``docs/actors.md`` lists the vocabulary.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection

# The sector codes newsgraph emits, with the word used in canonical actor names.
SECTORS: dict[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "REB": "rebels",
    "OPP": "opposition",
    "PTY": "party",
    "SPY": "intelligence",
    "UAF": "armed group",
    "MED": "media",
    "BUS": "business",
    "EDU": "education",
    "NGO": "non-governmental organisation",
    "IGO": "international organisation",
    "CVL": "civilians",
    "REF": "refugees",
    "AGR": "agriculture",
    "LAB": "labour",
    "CRM": "criminals",
    "ELI": "elites",
    "HLH": "health",
    "REL": "religion",
    "PRE": "partially recognised entity",
}

# CAMEO sub-codes folded into the sector vocabulary above.
_SECTOR_ALIASES: dict[str, str] = {
    "INS": "REB", "SEP": "REB", "RAD": "REB", "IMG": "REB",
    "HRI": "NGO", "ENV": "NGO", "DEV": "NGO", "NGM": "NGO",
    "PPL": "CVL", "SET": "CVL", "CIV": "CVL", "JRN": "MED",
    "CHR": "REL", "MUS": "REL", "MOS": "REL", "JEW": "REL", "BUD": "REL", "HIN": "REL",
    "CTH": "REL", "PRO": "REL", "ORT": "REL", "SHI": "REL", "SUN": "REL", "CON": "REL",
}

# Non-state "country" codes kept as they are.
NON_STATE = frozenset({"IGO", "NGO", "MNC", "IMG", "ISM"})

# CAMEO country codes that differ from ISO 3166 alpha-3 (plus PETRARCH's Kosovo).
CAMEO_TO_ISO: dict[str, str] = {
    "JAP": "JPN", "ITL": "ITA", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS",
    "SCG": "SRB", "BUL": "BGR", "GER": "DEU", "UK": "GBR",
}


def iso_country(code: str | None, known: Collection[str]) -> str | None:
    """An ISO alpha-3 (or non-state) code for a CAMEO country code, or None."""
    if not code:
        return None
    code = CAMEO_TO_ISO.get(code.upper(), code.upper())
    if code in known or code in NON_STATE:
        return code
    return None


def norm_sector(code: str | None) -> str | None:
    """A newsgraph sector for a CAMEO/PLOVER sector code ("CVLalb" -> "CVL"), or None."""
    if not code:
        return None
    code = code[:3].upper()
    code = _SECTOR_ALIASES.get(code, code)
    return code if code in SECTORS else None


def split_code(code: str, known: Collection[str]) -> tuple[str | None, str | None]:
    """Split a CAMEO composite code: "TURGOV" -> ("TUR", "GOV"), "IGOWSTNAT" -> ("IGO", "IGO").

    The first triple is the country (or a non-state code); the first later triple that is
    a known sector gives the sector. Agent codes (no country) come as "~GOVFRM" or "NGO~".
    """
    code = code.strip().strip("~").upper()
    triples = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not triples:
        return None, None
    country = iso_country(triples[0], known)
    rest = triples[1:] if country else triples
    sector = next((s for s in map(norm_sector, rest) if s), None)
    if country == "IGO":
        sector = sector if sector in {"MIL", "JUD", "MED", "HLH"} else "IGO"
    elif country == "NGO":
        sector = sector or "NGO"
    elif country == "MNC":
        # A multinational coded with its home state: "MNCCANMED" -> CAN, MED.
        home = iso_country(triples[1], known) if len(triples) > 1 else None
        if home and home not in NON_STATE:
            country = home
            sector = next((s for s in map(norm_sector, triples[2:]) if s), "BUS")
        else:
            sector = sector or "BUS"
    elif country == "IMG":
        sector = sector if sector in {"REB", "UAF", "CRM"} else "REB"
    return country, sector


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "_": " "})
_SPELLING = {"organisation": "organization", "defence": "defense", "centre": "center",
             "labour": "labor"}
_SPACES = re.compile(r"\s+")
_HYPHEN = re.compile(r"\s*-\s*")


@functools.lru_cache(maxsize=65536)  # names repeat across articles
def norm_key(text: str) -> str:
    """Matching key of a name: lower case, no accents, one space, British spellings folded."""
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _HYPHEN.sub("-", _SPACES.sub(" ", text)).strip(" .,")
    if any(w in text for w in _SPELLING):
        text = " ".join(_SPELLING.get(w, w) for w in text.split(" "))
    return text.replace("ı", "i")
