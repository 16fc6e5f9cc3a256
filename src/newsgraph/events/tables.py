"""CAMEO code table: name, root, base, QuadClass, Goldstein value and PLOVER type per code."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataFileError

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class CodeInfo:
    code: str
    name: str
    root: str
    base: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    plover_context: str | None


@functools.lru_cache(maxsize=1)
def cameo_table() -> dict[str, CodeInfo]:
    """Every CAMEO 1.1b3 code (``cameo_codes.tsv``), loaded once per process."""
    path = DATA / "cameo_codes.tsv"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataFileError(f"cannot read {path}: {exc}") from exc
    table: dict[str, CodeInfo] = {}
    for line in lines[1:]:
        code, name, root, base, quad, gold, ptype, mode, context = line.split("\t")
        table[code] = CodeInfo(
            code, name, root, base, int(quad), float(gold), ptype or None, mode or None, context or None
        )
    return table


def code_info(code: str, user: bool = False) -> CodeInfo:
    """The row for ``code``, falling back to its base and root code when the code is not listed;
    ``user``: a code a verb dictionary defines beyond CAMEO is accepted with neutral values."""
    table = cameo_table()
    for key in (code, code[:3], code[:2]):
        if key in table:
            return table[key]
    if user and code[:2].isdigit():
        # a code a user's verb dictionary defines beyond CAMEO ("901", "174K"): kept as written
        return CodeInfo(code, "code defined by the verb dictionary", code[:2], code[:3], 0, 0.0,
                        None, None, None)
    raise DataFileError(f"unknown CAMEO code {code!r}")
