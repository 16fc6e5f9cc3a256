"""The one check of article URLs: only absolute http(s) URLs are stored or turned into links.

An article's ``url`` comes from outside (a JSON line, a ``.meta.json`` sidecar, a posted
body, a page's canonical link) and ends up in an ``href``. A ``javascript:`` or ``data:``
URL there runs in the dashboard's origin when clicked, so ingest drops every URL that is
not plainly ``http://host...`` or ``https://host...`` (W007, naming the reason), and the
dashboard renders links only through :func:`link_url`, which applies the same test to
whatever the store holds (records written before the check included).
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from .errors import W007
from .model import RawArticle

ALLOWED_SCHEMES = ("http", "https")
# Browsers drop tabs and newlines inside a URL and trim C0 controls and spaces at its ends,
# so "java\tscript:" is a javascript: URL to them: any such byte inside makes it unusable.
_CONTROL = re.compile(r"[\x00-\x20\x7f-\x9f]")


def url_problem(url: str) -> str | None:
    """Why ``url`` may not be stored or linked (None when it is a clean http(s) URL)."""
    if _CONTROL.search(url):
        return "it holds spaces or control characters"
    scheme, sep, _ = url.partition(":")
    if not sep or not scheme:
        return "it has no scheme (an absolute http or https URL is needed)"
    if scheme.lower() not in ALLOWED_SCHEMES:
        return f"its scheme is {scheme[:20].lower()!r}, not http or https"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        return f"it cannot be parsed ({exc})"
    if not url[len(scheme) + 1:].startswith("//") or not parts.hostname:
        return "it has no host"
    return None


def clean_url(url: str | None) -> tuple[str | None, str | None]:
    """(the URL to store, why it was dropped): surrounding spaces trimmed, then checked."""
    if url is None:
        return None, None
    trimmed = url.strip()
    if not trimmed:
        return None, None
    problem = url_problem(trimmed)
    return (None, problem) if problem else (trimmed, None)


def checked_url(raw: RawArticle) -> RawArticle:
    """``raw`` with its url trimmed, or without it and with a W007 when it is no http(s) URL."""
    url, problem = clean_url(raw.url)
    if url == raw.url:
        return raw
    warnings = raw.warnings if problem is None else [
        *raw.warnings, W007(url=_shown(raw.url or ""), reason=problem)]
    return replace(raw, url=url, warnings=warnings)


def _shown(url: str, limit: int = 80) -> str:
    return url if len(url) <= limit else url[:limit] + "..."


def link_url(url: object) -> str | None:
    """``url`` when it may go into an ``href``/``src``: an http(s) URL, or a path of this
    site (``/events?...``, not ``//other.host``); None for anything else."""
    if url is None:
        return None
    value = str(url)  # Starlette's url_for gives a URL object
    if value.startswith("/") and not value.startswith(("//", "/\\")):
        return None if _CONTROL.search(value) else value
    return value if url_problem(value) is None else None
