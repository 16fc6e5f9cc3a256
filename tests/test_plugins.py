"""Plugins: an extractor and an export format from another package, through entry points.

The package is docs/extending.md's worked example, built from its code blocks and
"installed" as a .dist-info folder on the path of a fresh Python process (entry points are
read once per process), so newsgraph's own files are never touched.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
import uuid
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from newsgraph.errors import PluginError, SettingsError
from newsgraph.exports import FORMATS
from newsgraph.exports.registry import Exporter, load_plugins
from newsgraph.extractors import CORE_TABLES, Extractor, Registry, Table, load_registry, registry
from newsgraph.settings import Settings
from newsgraph.store.schema import TABLES, VIEWS

from .conftest import ROOT

DOC = ROOT / "docs" / "extending.md"
# The order records have always been made in (a new built-in may join anywhere).
SEVEN = ("actors", "dates", "places", "quotes", "events", "themes", "tone")

ARTICLE = ("Baghdad, March 3 (Reuters) - A car bomb killed 12 people at a market in Baghdad on "
           "Monday, police said. Thirty were wounded, and hospital officials said five more "
           "people were killed in a second blast.\n")


def _install_example(site: Path) -> None:
    """Write the example's files from the doc's code blocks, plus the metadata pip writes."""
    blocks = re.findall(r"```(?:python|toml)\n# (\S+)\n(.*?)```", DOC.read_text("utf-8"), re.S)
    files = {name: body for name, body in blocks}
    assert set(files) == {"newsgraph_casualties/__init__.py", "newsgraph_casualties/export.py",
                          "pyproject.toml"}
    for name, body in files.items():
        if name.endswith(".py"):
            (site / name).parent.mkdir(parents=True, exist_ok=True)
            (site / name).write_text(body, encoding="utf-8")
    project = tomllib.loads(files["pyproject.toml"])["project"]
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n",
        encoding="utf-8")
    lines = []
    for group, entries in project["entry-points"].items():
        lines += [f"[{group}]", *(f"{k} = {v}" for k, v in entries.items()), ""]
    (info / "entry_points.txt").write_text("\n".join(lines), encoding="utf-8")


USE = r"""
import json, sys
from pathlib import Path
import duckdb
from newsgraph import spacy_component
from newsgraph.exports import ExportOptions, export
from newsgraph.model import RawArticle
from newsgraph.pipeline import process_batch
from newsgraph.settings import Settings, describe
from newsgraph.store import Store

work = Path(sys.argv[1])
text = sys.argv[2]
(rec,) = process_batch([RawArticle(text=text, published="2016-03-07")], Settings())
(parse_only,) = process_batch([RawArticle(text=text)], Settings(extractors=("dates",)))
with Store(work / "s.duckdb") as store:
    store.write([rec])
    table = store.con.execute(
        'SELECT kind, count, start, "end" FROM casualties ORDER BY start').fetchall()
    columns = [r[0] for r in store.con.execute("DESCRIBE casualties").fetchall()]
    stored = json.loads(store.con.execute("SELECT record FROM articles").fetchone()[0])
    export(store.con, "casualties-csv", work / "c.csv", ExportOptions())
    export(store.con, "parquet", work / "lake", ExportOptions())
from newsgraph.nlp import get_nlp
nlp = get_nlp(Settings())
nlp.add_pipe("newsgraph", config={"published": "2016-03-07"})
doc = nlp(text)
lake = duckdb.sql(f"SELECT kind, count FROM read_parquet('{work}/lake/casualties/*/*/*.parquet')"
                  " ORDER BY start").fetchall()
print(json.dumps({
    "default": list(Settings().extractors),
    "help": dict((d[0], d[3]) for d in describe())["extractors"],
    "field": rec.ext.get("casualties"),
    "stored": stored["ext"].get("casualties"),
    "warnings": rec.warnings, "w005": parse_only.warnings,
    "table": table, "columns": columns,
    "csv": (work / "c.csv").read_text().splitlines(),
    "lake": lake,
    "spacy": list(spacy_component.FIELDS),
    "doc": doc._.newsgraph_casualties,
}))
"""


def test_a_plugin_extractor_and_exporter_reach_record_store_and_exports(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    _install_example(site)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(site), *filter(None, [env.get("PYTHONPATH")]),
                                         str(ROOT / "src")])
    out = subprocess.run([sys.executable, "-c", USE, str(tmp_path), ARTICLE], env=env,
                         capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-3000:]
    got = json.loads(out.stdout.strip().splitlines()[-1])
    builtins = list(registry().names())
    assert got["default"] == [*builtins, "casualties"]
    assert "casualties (newsgraph-casualties 0.1.0" in got["help"]
    counts = [(c["kind"], c["count"]) for c in got["field"]]
    assert counts == [("killed", 12), ("wounded", 30), ("killed", 5)]
    first = got["field"][0]
    assert ARTICLE[first["start"]:first["end"]] == first["text"] == "killed 12"
    assert got["stored"] == got["field"]
    assert not any(w.startswith("W100") for w in got["warnings"])
    (w005,) = [w for w in got["w005"] if w.startswith("W005")]
    assert "casualties" in w005
    assert got["columns"] == ["article_id", "start", "end", "kind", "count"]
    assert [tuple(r) for r in got["table"]] == [(c["kind"], c["count"], c["start"], c["end"])
                                                for c in got["field"]]
    assert got["csv"][0] == "article_id,published,kind,count,start,end"
    assert len(got["csv"]) == 1 + len(counts) and ",2016-03-07,killed,12," in got["csv"][1]
    assert [tuple(r) for r in got["lake"]] == [(k, n) for k, n in counts]
    assert got["spacy"] == [*registry().fields(), "casualties"]
    assert [(c["kind"], c["count"]) for c in got["doc"]] == counts


def test_the_builtins_come_from_their_declarations():
    reg = registry()
    assert reg.names() == Settings().extractors
    assert tuple(n for n in reg.names() if n in SEVEN) == SEVEN
    for ext in reg.order():
        for table in ext.tables:
            assert TABLES[table.name] == [("article_id", "VARCHAR"), *table.columns]
    reserved = {t for t in TABLES if t not in {t.name for t in reg.tables()}} | set(VIEWS)
    assert reserved == set(CORE_TABLES)


def _plugin(tmp_path, monkeypatch, code: str) -> list[EntryPoint]:
    module = f"toy_{uuid.uuid4().hex}"  # a new module each time (imports are cached)
    (tmp_path / f"{module}.py").write_text(
        "from newsgraph.extractors import Extractor, Table\n" + code, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    return [EntryPoint(name="toy", value=f"{module}:EXTRACTOR", group="newsgraph.extractors")]


def _toy(**kw) -> str:
    args = {"name": "'toy'", "extract": "lambda ctx: None", "assigns": "('toy',)", **kw}
    return "EXTRACTOR = Extractor(" + ", ".join(f"{k}={v}" for k, v in args.items()) + ")\n"


@pytest.mark.parametrize(("declaration", "message"), [
    ("raise ImportError('no numpy here')\n", "cannot load extractor plugin .*no numpy here"),
    ("EXTRACTOR = 'not a declaration'\n", "is not a newsgraph Extractor"),
    (_toy(name="'events'"), "extractor 'events' .*name is taken by newsgraph.extractors.events"),
    (_toy(requires="('deaths',)"), "requires 'deaths', which no extractor provides"),
    (_toy(assigns="('events',)"), "record field 'events' is already assigned by 'events'"),
    (_toy(assigns="('sentences',)"), "'sentences' is a record field of newsgraph's own"),
    (_toy(assigns="('record',)"), "'record' cannot be a record field name"),
    (_toy(tables="(Table('events', (('n', 'INTEGER'),), list),)"),
     "table 'events' is already owned by 'events'"),
    (_toy(requires="'events'"), "requires must be a tuple, not str"),
    (_toy(tables="(Table('toy', (('n', 'INTEGER'),), list), Table('toy', (), list))"),
     "table 'toy' is already owned by 'toy'"),
    (_toy(tables="(Table('articles', (('n', 'INTEGER'),), list),)"),
     "table 'articles' is already owned by 'the store'"),
    (_toy(tables="(Table('toy', (('n', 'INTEGER'), ('n', 'DOUBLE')), list),)"),
     "declares column.* n twice"),
    (_toy(tables="(Table('toy', (('article_id', 'VARCHAR'),), list),)"),
     "declares column.* article_id"),
])
def test_a_bad_plugin_is_a_plugin_error_naming_it(tmp_path, monkeypatch, declaration, message):
    eps = _plugin(tmp_path, monkeypatch, declaration)
    with pytest.raises(PluginError, match=message) as info:
        load_registry(eps)
    assert info.value.code == "E070"
    assert "toy" in str(info.value)


def test_requirements_in_a_circle_are_refused():
    reg = Registry()
    reg.add(Extractor("a", "m:f", ("a_field",), requires=("b",)), "test")
    reg.add(Extractor("b", "m:f", ("b_field",), requires=("a",)), "test")
    with pytest.raises(PluginError, match="require each other in a circle"):
        reg.check()


def test_a_plugin_runs_after_what_it_requires_and_is_selected_with_it():
    reg = Registry()
    reg.add(Extractor("late", "m:f", ("late",), requires=("early",)), "test")
    reg.add(Extractor("early", "m:f", ("early",)), "test")
    reg.add(Extractor("free", "m:f", ("free",)), "test")
    reg.check()
    assert reg.names() == ("early", "late", "free")
    assert [e.name for e in reg.select(("late",))] == ["early", "late"]
    with pytest.raises(SettingsError, match="unknown extractor 'nope'"):
        reg.select(("nope",))


def test_an_extract_function_that_cannot_be_imported_is_a_plugin_error():
    with pytest.raises(PluginError, match="cannot load 'no_such_module:extract'"):
        Extractor("x", "no_such_module:extract", ("x",)).function()


def test_rows_that_do_not_match_their_columns_stop_the_write():
    from newsgraph.store.rows import _check

    table = Table("toy", (("n", "INTEGER"), ("kind", "VARCHAR")), list)
    _check(table, [{"kind": "a", "n": 1}])
    with pytest.raises(PluginError, match=r"missing \['kind'\], not declared \['kinds'\]"):
        _check(table, [{"kind": "a", "n": 1}, {"n": 1, "kinds": "a"}])


def test_a_plugin_export_format_cannot_take_a_built_in_name(tmp_path, monkeypatch):
    (tmp_path / "toy_export.py").write_text(
        "from newsgraph.exports.registry import Exporter\n"
        "FORMAT = Exporter('csv', '.csv', 'mine', lambda con, out, options: 0)\n"
        "OTHER = Exporter('other', '.csv', 'mine', lambda con, out, options: 0)\n",
        encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("newsgraph.exports.registry.FORMATS", dict(FORMATS))
    with pytest.raises(PluginError, match="'csv' is already registered by newsgraph.exports"):
        load_plugins([EntryPoint("csv", "toy_export:FORMAT", "newsgraph.exporters")])
    with pytest.raises(PluginError, match="declares format 'other', not 'mine'"):
        load_plugins([EntryPoint("mine", "toy_export:OTHER", "newsgraph.exporters")])
    with pytest.raises(PluginError, match="registered no format 'toy_export'"):
        load_plugins([EntryPoint("toy_export", "toy_export", "newsgraph.exporters")])
    assert isinstance(FORMATS["csv"], Exporter) and FORMATS["csv"].write.__module__ != "toy_export"
