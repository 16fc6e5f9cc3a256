"""Line-level boilerplate: share buttons, ads, subscribe and cookie prompts, bylines,
and the related-article link titles that trail a scraped story."""

from __future__ import annotations

import re
from collections.abc import Callable

# Whole lines that are page furniture, not story. Each pattern names its reason.
_NOISE: list[tuple[str, re.Pattern[str] | None]] = [
    ("share button", re.compile(
        r"^(share|share this( article| story)?|share on \w+|tweet|email|print|facebook|twitter"
        r"|whatsapp|linkedin|copy link|share via \w+)$", re.I)),
    ("advertisement", re.compile(r"^(advertisement|advertising|sponsored( content)?|ad|promoted"
                                 r"|story continues below( advertisement)?)$", re.I)),
    ("subscribe prompt", re.compile(
        r"^(subscribe( now| today| here| to (our|the) [\w -]+)?|sign up( now| today| here| for (our|the|free)[\w -]*)?"
        r"|register( now| here| for free)?|log ?in( here| to [\w -]+)?|newsletter( sign-?up)?)[.!]?$", re.I)),
    ("cookie notice", re.compile(r"\b(cookies?|cookie policy|privacy policy)\b.{0,120}"
                                 r"\b(accept|agree|consent|use|settings)\b", re.I)),
    ("read-more link", re.compile(
        r"^(read more|related( articles?| stories| coverage| content| links| news)?|more on this( story)?"
        r"|see also|also read|recommended( for you)?|most read|you may also like|click here[\w ]*)"
        r"(\s*[:»>|-].{0,160})?$", re.I)),
    ("follow prompt", re.compile(r"^follow (us|@\w+)\b.{0,80}$", re.I)),
    ("byline", None),  # parsed by is_byline: a regex of nested name groups backtracks
    ("photo credit", re.compile(r"^(photo|image|picture)( credit)?\s*[:©].{0,120}$", re.I)),
    ("copyright line", re.compile(r"^(©|\(c\)|copyright)\s.{0,150}$", re.I)),
    ("comments prompt", re.compile(r"^(\d+\s+)?comments?$|^leave a comment$", re.I)),
]

# A byline: "By" (or "Written/Reporting/Editing by"), names of one to four
# capitalised words joined by commas, "and" or "&", then optionally an affiliation after a
# comma, "|" or " - " ("By Jane Doe and John Roe, Reuters"). Parsed in pieces so that
# every step is linear in the line's length; none of the patterns nests quantifiers.
_BYLINE_START = re.compile(r"(?i:by|written by|reporting by|editing by)\s+(?=[A-Z])")
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]+")
_NAME_SEP = re.compile(r"\s*(,|&|\band\b)\s*")
_AFFILIATION = re.compile(r"[\w .]+")
_MAX_NAME_WORDS = 4
_MAX_BYLINE_WORDS = 10  # "By Tuesday, the talks had collapsed and ..." is a sentence
_MAX_BYLINE_CHARS = 300


def _is_name(piece: str) -> bool:
    words = piece.split()
    return 0 < len(words) <= _MAX_NAME_WORDS and all(_NAME_WORD.fullmatch(w) for w in words)


def is_byline(line: str) -> bool:
    """Whether ``line`` (stripped) has the shape of a byline; linear time."""
    if len(line) > _MAX_BYLINE_CHARS or line.endswith(".") or \
            len(line.split(None, _MAX_BYLINE_WORDS)) > _MAX_BYLINE_WORDS:
        return False
    start = _BYLINE_START.match(line)
    if not start:
        return False
    rest = line[start.end():]
    if _names(rest):
        return True
    for sep in ",|-":  # "..., Reuters", "... | AP", "... - Staff writer"
        cut = rest.rfind(sep)
        if cut > 0 and _AFFILIATION.fullmatch(rest[cut + 1:].strip()) and _names(rest[:cut]):
            return True
    return False


def _names(text: str) -> bool:
    """One or more names joined by separators."""
    return all(_is_name(p) for p in _NAME_SEP.split(text)[::2])  # [name, sep, name, ...]


_END_PUNCT = tuple(".!?:;…\"”’)»")


def noise_reason(line: str) -> str | None:
    """Why this stripped line is page furniture, or None when it may be story text."""
    if not line:
        return None
    for reason, pattern in _NOISE:
        if pattern.search(line) if pattern else is_byline(line):
            # The cookie pattern may fire inside a story sentence: only short lines count.
            if reason == "cookie notice" and len(line) > 300:
                continue
            return reason
    return None


def looks_like_headline(line: str) -> bool:
    """A short line without final sentence punctuation: a title or a link title."""
    words = line.split()
    return 2 <= len(words) <= 25 and not line.endswith(_END_PUNCT)


# Trailing lines that are story content even without final punctuation: the link-title
# rule never removes them (and stops at them).
_LIST_ITEM = re.compile(r"^([-*•·–—>]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s")
_SIGN_OFF = re.compile(
    r"^(\(|\[|--|—|–)|\b(reporting|writing|editing|compiled|contributed|contact(ed)?|additional"
    r"|correspondent|staff writer|news service|wires?|wire service|source|sources|provided|posted|courtesy)\b|@|\b(AP|AFP|Reuters|UPI)\b",
    re.I)
_CALENDAR = re.compile(
    r"^(mon|tues|wednes|thurs|fri|satur|sun)day\b|^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?"
    r"|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\s+(\d|to\b|through\b)", re.I)
# A dateline: "GENEVA -", "ANKARA, Turkey (Reuters) -", "WASHINGTON:". Matched in runs
# (capitals, then ", region", then "(agency)" and a dash, colon or the end) that do not
# overlap, so the match is linear; a dash inside a run ends the dateline there.
_DL_HEAD = re.compile(r"[A-Z][A-Z.'’ -]{2,}")
_DL_REGION = re.compile(r",[\s\w.'’-]+")
_DL_END = re.compile(r"\s*(\([\w .-]+\))?\s*([-–—:]|$)")


def _dateline(line: str) -> tuple[int, bool] | None:
    """(end offset, closed by a dash or colon) of the dateline opening ``line``, or None."""
    head = _DL_HEAD.match(line)
    if not head:
        return None
    if "-" in line[3:head.end()]:
        return line.index("-", 3) + 1, True
    pos = head.end()
    if region := _DL_REGION.match(line, pos):
        if "-" in line[pos + 2:region.end()]:
            return line.index("-", pos + 2) + 1, True
        pos = region.end()
    end = _DL_END.match(line, pos)
    return (end.end(), bool(end.group(2))) if end else None


def is_dateline(line: str) -> bool:
    return _dateline(line) is not None


# A dateline in mixed case is known by its agency: "Hanoi (VNA) -", "New Delhi (IANS):".
_DL_AGENCY = re.compile(r"(?!(?:The|A|An|In|On|At) )[A-Z][\w.'’]*(?:,? [A-Z][\w.'’]*){0,3} "
                        r"\([A-Z][A-Za-z]+\)\s*[-–—:]")


def dateline_end(line: str) -> int | None:
    """Where a dateline that opens ``line`` ends: "DUBAI, United Arab Emirates — Emirates
    finalized ..." -> the offset after the dash; None when the line opens with none. Only a
    dateline closed by a dash or colon, whose place has three letters or more, counts."""
    if agency := _DL_AGENCY.match(line):
        return agency.end()
    head = _DL_HEAD.match(line)
    if not head or sum(ch.isalpha() for ch in head.group(0).split("-")[0]) < 3:
        return None
    found = _dateline(line)
    return found[0] if found and found[1] else None


def keeps_as_content(line: str) -> str | None:
    """Why a headline-like trailing line is story content, or None.

    Tables and results carry figures or column separators, lists carry item markers, and
    datelines and sign-offs have a shape of their own; a line that starts in lower case
    continues a sentence. A related-article link title has none of these.
    """
    if any(ch.isdigit() for ch in line) or "|" in line or "\t" in line:
        return "table or figures"
    if _LIST_ITEM.match(line):
        return "list item"
    if ":" in line or ";" in line:
        return "label or list"
    letters = [ch for ch in line if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        return "dateline or heading"
    if _CALENDAR.match(line):
        return "date or schedule"
    if is_dateline(line):
        return "dateline"
    if _SIGN_OFF.search(line):
        return "sign-off"
    if not line[:1].isupper() and line[:1] not in "\"“‘'":
        return "continued sentence"
    return None


def trailing_link_titles(paragraphs: list[str]) -> int:
    """How many paragraphs at the end are related-article link titles.

    Heuristic: after the story, scrapers keep a run of headline-like lines (no final
    punctuation). Story paragraphs end with punctuation, so the run stops there; it also
    stops at a line that is content of its own kind (``keeps_as_content``): a table row, a
    list item, a dateline or a sign-off, which newswire lays out without final punctuation;
    and a run right after a line ending with a colon is the list it introduces.
    """
    n = 0
    for para in reversed(paragraphs):
        if looks_like_headline(para) and "\n" not in para and keeps_as_content(para) is None:
            n += 1
        else:
            break
    # A run right after a line that ends with a colon is the list that line introduces
    # ("Members of the new cabinet:", "The winners were:"), not links.
    if 0 < n < len(paragraphs) and paragraphs[-n - 1].rstrip().endswith(":"):
        return 0
    # Never eat the whole story.
    return n if n < len(paragraphs) - 1 else 0


def line_rules() -> dict[str, Callable[[str], object]]:
    """Every pattern this module runs on a line, by name (timed on adversarial lines by the
    robustness tests: each must stay linear in the line's length)."""
    rules: dict[str, Callable[[str], object]] = {
        reason: (pattern.search if pattern else is_byline) for reason, pattern in _NOISE}
    rules.update({"noise_reason": noise_reason, "list item": _LIST_ITEM.match,
                  "sign-off": _SIGN_OFF.search, "calendar": _CALENDAR.match,
                  "dateline": is_dateline, "keeps_as_content": keeps_as_content})
    return rules
