"""Docs stay in step with the code: every setting and every error code is documented."""

from __future__ import annotations

import ast
import re

from newsgraph.errors import ALL_ERRORS, ALL_WARNINGS
from newsgraph.settings import describe

from .conftest import ROOT


def test_every_setting_is_documented():
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    missing = [name for name, *_ in describe() if f"`{name}`" not in doc]
    assert not missing, f"settings missing from docs/settings.md: {missing}"


def test_every_error_code_is_documented():
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [e.code for e in ALL_ERRORS if f"| {e.code} | `{e.__name__}`" not in doc]
    assert not missing, f"error codes missing from docs/errors.md: {missing}"


def test_every_warning_code_is_documented_and_every_documented_one_exists():
    doc = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| (W\d{3}) \|", doc, flags=re.M))
    assert documented == {w.code for w in ALL_WARNINGS}
    assert len({w.code for w in ALL_WARNINGS}) == len(ALL_WARNINGS)


def test_warning_strings_are_built_only_from_the_table():
    """No module spells a warning code itself: each comes from newsgraph.errors."""
    found = []
    for path in (ROOT / "src" / "newsgraph").rglob("*.py"):
        if path.name == "errors.py" and path.parent.name == "newsgraph":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and re.match(r"W\d{3}: ", node.value)):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, f"warning strings built outside newsgraph.errors: {found}"


def test_readme_quick_start_has_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme


def test_settings_layers(tmp_path, monkeypatch):
    from newsgraph.errors import SettingsError
    from newsgraph.settings import load_settings

    cfg = tmp_path / "newsgraph.toml"
    cfg.write_text('[newsgraph]\nbatch_size = 8\nstore = "file.duckdb"\n', encoding="utf-8")
    s = load_settings({"store": "flag.duckdb"}, config=cfg,
                      environ={"NEWSGRAPH_BATCH_SIZE": "16", "NEWSGRAPH_COUNT_MODAL_EVENTS": "yes"})
    assert (s.batch_size, s.store, s.count_modal_events) == (16, "flag.duckdb", True)
    try:
        load_settings({"no_such": 1}, environ={})
    except SettingsError as exc:
        assert "E010" in str(exc)
    else:
        raise AssertionError("unknown setting accepted")
