"""The outlet an article came from: what ``source`` means in records, exports and the UI.

The name the input gives (a ``source`` field or sidecar) wins; else the domain of the
article's URL (``www.`` dropped), as GDELT's SourceCommonName; else the site name in the
page's metadata; else the name of the feed or file it was read from, never a path or a
line number. NumSources counts these, so it counts outlets.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import urlparse


def domain(url: str | None) -> str:
    """The host of ``url``, lower case, without ``www.`` ('' when there is none)."""
    if not url or "://" not in url:
        return ""
    try:
        host = (urlparse(url).hostname or "").lower()
    except ValueError:  # "http://[::1": no host to name (the URL itself is dropped, W007)
        return ""
    return host[4:] if host.startswith("www.") else host


def outlet(given: str | None, url: str | None, *fallbacks: str | None) -> str | None:
    """The outlet name: ``given``, else the URL's domain, else the first usable fallback."""
    if given and given.strip():
        return given.strip()
    if host := domain(url):
        return host
    for name in fallbacks:
        if name and name.strip():
            return domain(name) or PurePath(name.strip()).name or name.strip()
    return None
