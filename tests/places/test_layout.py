"""The places package has no import cycle: each module can be imported on its own."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "src" / "newsgraph" / "places"


def _local_imports(path: Path) -> set[str]:
    """Sibling modules a module imports, at top level or inside functions."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and node.module:
            out.add(node.module.split(".")[0])
    return out


def test_no_import_cycle_between_place_modules():
    graph = {p.stem: _local_imports(p) for p in PKG.glob("*.py") if p.stem != "__init__"}
    state: dict[str, int] = {}

    def visit(mod: str, path: list[str]) -> None:
        if state.get(mod) == 2:
            return
        assert state.get(mod) != 1, " -> ".join([*path, mod])
        state[mod] = 1
        for dep in sorted(graph.get(mod, ())):
            visit(dep, [*path, mod])
        state[mod] = 2

    for mod in sorted(graph):
        visit(mod, [])


def test_each_module_imports_first():
    for mod in ("ranking", "focus", "resolve"):
        code = f"import newsgraph.places.{mod} as m; print(m.__name__)"
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == f"newsgraph.places.{mod}"
