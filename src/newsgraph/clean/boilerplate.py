"""Line-level boilerplate: share buttons, ads, subscribe and cookie prompts, bylines,
and the related-article link titles that trail a scraped story."""

from __future__ import annotations

import re

# Whole lines that are page furniture, not story. Each pattern names its reason.
_NOISE: list[tuple[str, re.Pattern[str]]] = [
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
    ("byline", re.compile(
        r"^(?i:by|written by|reporting by|editing by)\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}"
        r"(\s*(,|and|&)\s*[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3})*(\s*[,|-]\s*[\w .]+)?$")),
    ("photo credit", re.compile(r"^(photo|image|picture)( credit)?\s*[:©].{0,120}$", re.I)),
    ("copyright line", re.compile(r"^(©|\(c\)|copyright)\s.{0,150}$", re.I)),
    ("comments prompt", re.compile(r"^(\d+\s+)?comments?$|^leave a comment$", re.I)),
]

_END_PUNCT = tuple(".!?:;…\"”’)»")


def noise_reason(line: str) -> str | None:
    """Why this stripped line is page furniture, or None when it may be story text."""
    if not line:
        return None
    for reason, pattern in _NOISE:
        if pattern.search(line):
            # The cookie pattern may fire inside a story sentence: only short lines count.
            if reason == "cookie notice" and len(line) > 300:
                continue
            # "By Tuesday, the talks had collapsed." is a sentence, not a byline.
            if reason == "byline" and (line.endswith(".") or len(line.split()) > 10):
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
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,}(,\s*[\w .'’-]+)?\s*(\([\w .-]+\))?\s*([-–—:]|$)")


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
    if _DATELINE.match(line):
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
    list item, a dateline or a sign-off, which newswire lays out without final punctuation.
    """
    n = 0
    for para in reversed(paragraphs):
        if looks_like_headline(para) and "\n" not in para and keeps_as_content(para) is None:
            n += 1
        else:
            break
    # Never eat the whole story.
    return n if n < len(paragraphs) - 1 else 0
