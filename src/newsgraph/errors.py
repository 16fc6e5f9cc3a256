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
    ├── SettingsError         E010  a setting has a bad value or an unknown name
    ├── ModelError            E020  the spaCy model is not installed
    ├── DataFileError         E030  a user dictionary / pattern file cannot be read
    ├── StoreError            E040  the DuckDB store cannot be opened or written
    └── ExportError           E050  unknown export format or failed export

Every code is documented in docs/errors.md (a test keeps the two in step).
"""

from __future__ import annotations


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


class SettingsError(NewsgraphError):
    code = "E010"


class ModelError(NewsgraphError):
    code = "E020"


class DataFileError(NewsgraphError):
    code = "E030"


class StoreError(NewsgraphError):
    code = "E040"


class ExportError(NewsgraphError):
    code = "E050"


ALL_ERRORS: tuple[type[NewsgraphError], ...] = (
    EmptyInput,
    BinaryInput,
    InputTooLarge,
    BadEncoding,
    BadJsonLine,
    UnsupportedSource,
    FetchError,
    SettingsError,
    ModelError,
    DataFileError,
    StoreError,
    ExportError,
)
