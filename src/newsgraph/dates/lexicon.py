"""Words the date rules are built from: months, weekdays, number words, seasons."""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 0, "mon": 0,
    "tuesday": 1, "tue": 1, "tues": 1,
    "wednesday": 2, "wed": 2,
    "thursday": 3, "thu": 3, "thur": 3, "thurs": 3,
    "friday": 4, "fri": 4,
    "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}  # fmt: skip

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a few": 3, "several": 3, "a couple of": 2,
}  # fmt: skip

# Northern-hemisphere meteorological seasons: (first month, last month).
SEASONS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}

QUARTERS: dict[str, int] = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

# Qualifiers that narrow a month or a year to a part of it.
PARTS: dict[str, str] = {
    "early": "early",
    "earlier in": "early",
    "the beginning of": "early",
    "the start of": "early",
    "mid": "mid",
    "the middle of": "mid",
    "late": "late",
    "later in": "late",
    "the end of": "late",
}

# Regex alternations (longest first so "sept" wins over "sep").
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
NUMBER_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|\d+"
PART_RE = "|".join(sorted(PARTS, key=len, reverse=True))
