"""newsgraph's exceptions, each with a stable code users can search for.

    NewsgraphError (E000)
    ├── InputError            bad input; the batch goes on, the document gets the code
    │   ├── EmptyInput        E001
    │   ├── BinaryInput       E002
    │   ├── InputTooLarge     E003
    │   ├── BadEncoding       E004
    │   ├── BadJsonLine       E005
    │   ├── UnsupportedSource E006
    │   └── FetchError        E007
    │       └── FetchTimeout  E008  the fetch passed its total deadline
    ├── SettingsError         E010  a setting has a bad value or an unknown name
    ├── ModelError            E020  the spaCy model is not installed
    ├── DataFileError         E030  a user dictionary / pattern file cannot be read
    ├── StoreError            E040  the DuckDB store cannot be opened or written
    ├── QueryError            E045  a query of the store has a bad parameter (a date, a code)
    ├── ExportError           E050  unknown export format or failed export
    ├── HostNotAllowed        E060  the server refuses a Host header it was not configured for
    ├── TooManyFetches        E061  the server refuses a client's URL fetch beyond its limit
    └── PluginError           E070  an extractor or exporter plugin cannot be loaded or declares
                                    something bad (duplicate name, unknown requirement, clash)

Warnings are strings in a record's ``warnings`` list, ``"Wnnn: message"``; each code and
its message template live once, in :data:`ALL_WARNINGS` below, and are built only through
:meth:`WarningCode.__call__` (``W003(had=..., limit=...)``).

Every code is documented in docs/errors.md (a test keeps the two in step).
"""

from __future__ import annotations

from dataclasses import dataclass


class NewsgraphError(Exception):
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(NewsgraphError):
    code = "E000"


class EmptyInput(InputError):
    code = "E001"


class BinaryInput(InputError):
    code = "E002"


class InputTooLarge(InputError):
    code = "E003"


class BadEncoding(InputError):
    code = "E004"


class BadJsonLine(InputError):
    code = "E005"


class UnsupportedSource(InputError):
    code = "E006"


class FetchError(InputError):
    code = "E007"


class FetchTimeout(FetchError):
    code = "E008"


class SettingsError(NewsgraphError):
    code = "E010"


class ModelError(NewsgraphError):
    code = "E020"


class DataFileError(NewsgraphError):
    code = "E030"


class StoreError(NewsgraphError):
    code = "E040"


class QueryError(NewsgraphError):
    code = "E045"


class ExportError(NewsgraphError):
    code = "E050"


class HostNotAllowed(NewsgraphError):
    code = "E060"


class TooManyFetches(NewsgraphError):
    code = "E061"


class PluginError(NewsgraphError):
    code = "E070"


ALL_ERRORS: tuple[type[NewsgraphError], ...] = (
    EmptyInput,
    BinaryInput,
    InputTooLarge,
    BadEncoding,
    BadJsonLine,
    UnsupportedSource,
    FetchError,
    FetchTimeout,
    SettingsError,
    ModelError,
    DataFileError,
    StoreError,
    QueryError,
    ExportError,
    HostNotAllowed,
    TooManyFetches,
    PluginError,
)


@dataclass(frozen=True)
class WarningCode:
    """One warning: its code and a ``str.format`` template for its message."""

    code: str
    template: str

    def __call__(self, **fields: object) -> str:
        """The warning string for a record: ``"W003: text cut from ..."``."""
        return f"{self.code}: {self.template.format(**fields)}"


W001 = WarningCode("W001", "language detected as {lang!r} (p={prob:.2f}); NLP fields left empty")
W002 = WarningCode("W002", "{name} is not UTF-8; decoded as {encoding}")
W003 = WarningCode("W003", "text cut from {had:,} to {limit:,} characters (max_chars)")
W004 = WarningCode("W004", "no article text found in the HTML page")
W005 = WarningCode("W005", "not extracted (setting 'extractors'): {names}")
W006 = WarningCode("W006", "{n:,} lone surrogate code point(s) replaced by U+FFFD")
W007 = WarningCode("W007", "url {url!r} dropped: {reason}; only http and https URLs are kept")
W100 = WarningCode("W100", "{name} extractor failed: {error}")
W101 = WarningCode("W101", "pronoun {word!r} at {start}-{end} left unresolved: no person "
                   "mentioned in the three sentences before")

ALL_WARNINGS: tuple[WarningCode, ...] = (W001, W002, W003, W004, W005, W006, W007,
                                         W100, W101)
